using ArPlatform.CashApplication.Matching;

namespace ArPlatform.CashApplication.Tests.Matching;

/// <summary>The small readers matching relies on: names customers pay under, departments, numbers and discounts in free text, PO keys.</summary>
public sealed class PayerAndTextReadingTests
{
    [Fact]
    public void A_customer_pays_under_each_name_around_dba_and_under_their_legal_name()
    {
        var names = CustomerAliases.Of(new CustomerName("c", "Summit Retail Co. d/b/a Summit Outlet", "Summit Retail Company LLC"));

        Assert.Equal(["Summit Retail Co.", "Summit Outlet", "Summit Retail Company LLC"], names);
    }

    [Theory]
    [InlineData("ACCOUNTS PAYABLE")]
    [InlineData("AP DEPT")]
    [InlineData("Kreditorenbuchhaltung")]
    [InlineData("Service Comptabilité Fournisseurs")]
    public void A_department_names_no_company(string name)
    {
        Assert.True(PayerNames.IsDepartment(name));
    }

    [Theory]
    [InlineData("ACME ACCOUNTS PAYABLE")]
    [InlineData("Treasury Wine Estates")]
    [InlineData("")]
    public void A_name_with_a_company_in_it_is_not_a_department(string name)
    {
        Assert.False(PayerNames.IsDepartment(name));
    }

    [Theory]
    [InlineData("GALLI TRASPORTI S.P.A.", "g-spa")]
    [InlineData("Galli Trasporti SRL", "g-srl")]
    [InlineData("TRASPORTI GALLI S.R.L.", "g-srl")]
    public void Among_customers_alike_the_one_named_exactly_legal_form_and_all_is_the_payer(string payer, string expected)
    {
        CustomerName[] customers = [new("g-spa", "Galli Trasporti S.p.A."), new("g-srl", "Galli Trasporti S.r.l.")];

        Assert.Equal(expected, NameSimilarity.ExactlyOne(payer, customers)?.Id);
    }

    [Theory]
    [InlineData("GALLI TRASPORTI")]
    [InlineData("ACME CORP")]
    public void A_name_exactly_no_one_or_two_of_them_singles_out_no_one(string payer)
    {
        CustomerName[] customers = [new("g-spa", "Galli Trasporti S.p.A."), new("g-srl", "Galli Trasporti S.r.l."), new("a1", "Acme Corp."), new("a2", "ACME Corporation")];

        Assert.Null(NameSimilarity.ExactlyOne(payer, customers));
    }

    [Theory]
    [InlineData("GUTSCHRIFT 4307689", new[] { "4307689" })]
    [InlineData("MITTEILUNG: 4306-520", new[] { "4306-520" })]
    [InlineData("OBI:=AB/26/01983,GH/26/00287 ,AB 26 1981", new[] { "AB/26/01983", "GH/26/00287", "AB 26 1981" })]
    [InlineData("paid 12,500.00 on 17.10.2026 IBAN DE44500105175407324931", new string[0])]
    [InlineData("Kd-Nr 123 RE 77", new string[0])]
    public void Numbers_standing_alone_in_text_are_found_and_amounts_dates_and_accounts_are_not(string text, string[] numbers)
    {
        Assert.Equal(numbers, TextNumbers.Find(text));
    }

    [Theory]
    [InlineData("abzgl. 2% Skonto", 2.0)]
    [InlineData("moins escompte 2,5 %", 2.5)]
    [InlineData("min 3% betalingskorting", 3.0)]
    public void A_discount_the_payer_writes_they_took_is_read_as_its_percentage(string text, double percent)
    {
        Assert.Equal((decimal)percent, StatedDiscount.Percent(text));
    }

    [Theory]
    [InlineData("2% more next time")]
    [InlineData("Skonto 2% und 3%")]
    [InlineData("discount 15%")]
    public void Text_without_one_plausible_discount_percentage_states_none(string text)
    {
        Assert.Null(StatedDiscount.Percent(text));
    }

    [Theory]
    [InlineData("PO#004521996")]
    [InlineData("P.O. 4521996")]
    [InlineData("po no 4521996")]
    [InlineData("4521996")]
    public void A_purchase_order_however_written_is_one_key(string written)
    {
        Assert.Equal("4521996", PurchaseOrders.Key(written));
    }
}
