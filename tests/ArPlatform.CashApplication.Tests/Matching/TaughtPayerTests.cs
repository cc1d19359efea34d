using ArPlatform.CashApplication.Matching;

namespace ArPlatform.CashApplication.Tests.Matching;

/// <summary>The engine and its index with payer names people taught (pure: no service, no database).</summary>
public sealed class TaughtPayerTests
{
    private static readonly DateOnly Day = new(2026, 11, 3);
    private static readonly MatchPolicy Policy = new();
    private const string Factory = "ACME HOLDINGS PAYMENT FACTORY";

    private static readonly OpenInvoice Acme123 = new("i-123", "INV-2026-000123", "acme", "USD", 324.75m, new(2026, 10, 31));
    private static readonly OpenInvoice Acme124 = new("i-124", "INV-2026-000124", "acme", "USD", 1000.00m, new(2026, 11, 15));
    private static readonly OpenInvoice Globex987 = new("i-987", "INV-2026-000987", "globex", "USD", 1000.00m, new(2026, 11, 1));
    private static readonly CustomerName[] Customers = [new("acme", "Acme Corporation"), new("globex", "Globex GmbH")];

    private static MatchContext World(IReadOnlyDictionary<string, string>? taught = null) =>
        new([Acme123, Acme124, Globex987], Customers, new Dictionary<string, string>(), taught);

    private static readonly MatchContext Taught = World(new Dictionary<string, string> { [Factory] = "acme" });

    private static PaymentToMatch Payment(decimal amount, string payer, params RemittanceReference[] remittance) =>
        new("USD", amount, Day, payer, "", remittance);

    private static MatchDecision Decide(PaymentToMatch payment, MatchContext context) => MatchingEngine.Decide(payment, new MatchIndex(context), Policy);

    [Fact]
    public void A_taught_payer_name_identifies_its_customer_as_surely_as_a_known_bank_account()
    {
        var knownAccount = new MatchContext([Acme123, Acme124, Globex987], Customers, new Dictionary<string, string> { ["DE0001"] = "acme" });

        var taught = Decide(Payment(324.75m, Factory), Taught);
        var byAccount = MatchingEngine.Decide(new PaymentToMatch("USD", 324.75m, Day, "", "DE0001", []), new MatchIndex(knownAccount), Policy);
        var stranger = Decide(Payment(324.75m, Factory), World());

        var applied = Assert.IsType<MatchProposal>(taught.AutoApply);
        Assert.Equal(("acme", "i-123", byAccount.AutoApply?.Confidence), (applied.CustomerId, applied.Allocations.Single().InvoiceId, applied.Confidence));
        Assert.Equal(byAccount.AutoApply?.Evidence, applied.Evidence);
        Assert.Contains(applied.Reasons, r => r.Contains($"payer name '{Factory}' was applied to this customer by a person before"));
        Assert.Empty(stranger.Proposals);
    }

    [Theory]
    [InlineData("Acme Holdings Payment-Factory")]
    [InlineData("acme  holdings, payment factory.")]
    public void A_taught_payer_name_is_known_however_the_bank_prints_it(string printed)
    {
        var decision = Decide(Payment(324.75m, printed), Taught);

        Assert.Equal("i-123", decision.AutoApply?.Allocations.Single().InvoiceId);
    }

    [Fact]
    public void A_name_only_close_to_a_taught_one_identifies_no_one()
    {
        var decision = Decide(Payment(324.75m, "ACME HOLDINGS PAYMENT FACTORY EU"), Taught);

        Assert.Null(decision.AutoApply);
    }

    [Fact]
    public void A_slipped_reference_from_a_taught_payer_is_corroborated_and_applies_alone()
    {
        var slip = new RemittanceReference("2026000128");

        var taught = Decide(Payment(324.75m, Factory, slip), Taught);
        var stranger = Decide(Payment(324.75m, Factory, slip), World());

        Assert.Equal("i-123", taught.AutoApply?.Allocations.Single().InvoiceId);
        Assert.Null(stranger.AutoApply);
        Assert.True(stranger.Proposals[0].Confidence < taught.AutoApply!.Confidence);
    }

    [Fact]
    public void A_taught_payer_naming_its_own_customers_invoice_is_not_taken_for_another_customer()
    {
        var decision = Decide(Payment(1000.00m, Factory, new RemittanceReference("INV-2026-000124")), Taught);

        var applied = Assert.IsType<MatchProposal>(decision.AutoApply);
        Assert.Equal(("i-124", PayerEvidence.KnownAccount), (applied.Allocations.Single().InvoiceId, applied.Evidence.Payer));
        Assert.DoesNotContain(applied.Reasons, r => r.Contains("another customer"));
    }

    [Fact]
    public void A_taught_payer_naming_another_customers_invoice_is_not_applied_alone()
    {
        var decision = Decide(Payment(1000.00m, Factory, new RemittanceReference("INV-2026-000987")), Taught);

        Assert.Null(decision.AutoApply);
        Assert.Contains(decision.Proposals[0].Reasons, r => r.Contains("looks like another customer"));
    }

    [Fact]
    public void A_reused_index_learns_lessons_taught_since_and_forgets_those_forgotten()
    {
        var index = new MatchIndex(World(new Dictionary<string, string> { ["OLD PAYER"] = "globex" }));

        index.Relearn(new LearnedPayers(["DE0001"], ["Old Payer", Factory, "Someone Else"],
            new Dictionary<string, string> { ["DE0001"] = "acme" },
            new Dictionary<string, string> { [Factory] = "acme" }));

        Assert.Equal("acme", index.CustomerOfBankAccount("DE0001"));
        Assert.Equal("acme", index.CustomerOfPayerName("Acme Holdings Payment Factory"));
        Assert.Null(index.CustomerOfPayerName("OLD PAYER"));
        Assert.Null(index.CustomerOfPayerName("Someone Else"));
    }

    [Theory]
    [InlineData("Acme Holdings, Payment-Factory", "ACME HOLDINGS PAYMENT FACTORY")]
    [InlineData("  Müller & Söhne GmbH ", "MUELLER SOEHNE GMBH")]
    [InlineData("Société Générale", "SOCIETE GENERALE")]
    [InlineData("Socie\u0301te\u0301 Ge\u0301ne\u0301rale", "SOCIETE GENERALE")]
    [InlineData("Łódź Żelazo", "LODZ ZELAZO")]
    [InlineData("Straße 1", "STRASSE 1")]
    [InlineData("", "")]
    public void Payer_names_are_kept_upper_case_without_accents_or_punctuation_in_their_own_word_order(string written, string kept)
    {
        Assert.Equal(kept, PayerNames.Normalise(written));
        Assert.Equal(kept, PayerNames.Normalise(kept));
    }

    [Theory]
    [InlineData("AB", false)]
    [InlineData("A-B", false)]
    [InlineData("ABC", true)]
    public void A_name_of_fewer_than_three_letters_or_digits_is_never_taught(string name, bool taught) =>
        Assert.Equal(taught, PayerNames.CanBeTaught(PayerNames.Normalise(name)));
}
