using ArPlatform.CashApplication.Matching;

namespace ArPlatform.CashApplication.Tests.Matching;

public sealed class NamesInTextTests
{
    private static readonly NamesInText Names = new([
        new CustomerName("coral", "Coral Coast Refrigeration Pty Ltd"),
        new CustomerName("eureka", "Eureka Electrical Services Pty Ltd"),
        new CustomerName("sunshine", "Sunshine Coast Plumbing Supplies Pty Ltd"),
        new CustomerName("hv-elec", "Hunter Valley Electrical Pty Ltd"),
        new CustomerName("nullarbor", "Nullarbor Timber & Hardware"),
        new CustomerName("barossa-1", "Barossa Earthmoving Pty Ltd"),
        new CustomerName("barossa-2", "Barossa Earthmovers Pty Ltd"),
    ]);

    [Theory]
    [InlineData("DIRECT CREDIT 524442 CORAL COAST REFR INV 7011", "coral")]
    [InlineData("NPP CREDIT EUREKA ELEC SVCS PTY LTD Payment", "eureka")]
    [InlineData("NPP CREDIT SUNSHINE COAST PLBG SUPP PTY 4512", "sunshine")]
    [InlineData("DIRECT CREDIT NULLARBOR TIMBER pymt inv 5582/26", "nullarbor")]
    [InlineData("NPP CREDIT Barossa Earthmoving Pty Ltd PAYMENT", "barossa-1")]
    public void A_customers_name_written_in_the_text_names_them(string text, string customer)
    {
        var found = Names.Find(text);

        Assert.NotNull(found);
        Assert.Equal([customer], found.Customers.Select(c => c.Id));
    }

    [Theory]
    [InlineData("DIRECT CREDIT SUNSHINE COAST B Your order 4500312")]
    [InlineData("DIRECT CREDIT HUNTER VALLEY HOLDINGS TAX INV 5850")]
    [InlineData("DIRECT CREDIT BAROSSA EARTHWORKS 7011")]
    [InlineData("TRANSFER 4711 THANK YOU")]
    public void Too_little_of_a_name_or_the_start_of_someone_elses_names_no_customer(string text) =>
        Assert.Null(Names.Find(text));

    [Fact]
    public void A_name_cut_where_two_customers_names_start_alike_may_be_either()
    {
        var found = Names.Find("DIRECT CREDIT BAROSSA EARTHMOV ACC NO 304274");

        Assert.NotNull(found);
        Assert.Equal(["barossa-1", "barossa-2"], found.Customers.Select(c => c.Id).Order());
    }

    [Fact]
    public void The_start_of_a_name_agrees_with_that_customer_only()
    {
        Assert.True(Names.Names("DIRECT CREDIT 236519 HUNTER VALLEY EL PART PYMT 4399", "hv-elec"));
        Assert.False(Names.Names("DIRECT CREDIT 236519 HUNTER VALLEY EL PART PYMT 4399", "coral"));
        Assert.False(Names.Names("DIRECT CREDIT HUNTER 4399", "hv-elec"));
    }
}
