using ArPlatform.CashApplication.Matching;

namespace ArPlatform.CashApplication.Tests.Matching;

public sealed class MatchIndexTests
{
    private static readonly string[] Names =
    [
        "Acme Corporation", "Acme Industrial Supplies", "Globex GmbH", "Initech LLC", "Umbrella Pharma AG", "Müller Maschinenbau GmbH",
        "Stark Industries", "Wayne Enterprises", "Wonka Confectionery Ltd", "Cyberdyne Systems",
    ];

    [Theory]
    [InlineData("ACME CORP")]
    [InlineData("MUELLER MASCHINENBAU")]
    [InlineData("Wonka Confectionary")]
    [InlineData("Acme")]
    [InlineData("Industries Stark")]
    public void The_name_index_finds_exactly_the_customers_a_full_scan_would(string payer)
    {
        var customers = Names.Select((n, i) => new CustomerName($"c-{i}", n)).ToList();
        var index = new CustomerNameIndex(customers);

        foreach (var threshold in new[] { 0.5m, 0.7m, 0.85m })
        {
            var scanned = customers.Select(c => (c, NameSimilarity.Score(payer, c.Name))).Where(x => x.Item2 >= threshold)
                .Select(x => x.c.Id).Order(StringComparer.Ordinal);
            Assert.Equal(scanned, index.Similar(payer, threshold).Select(x => x.Customer.Id).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void What_one_payment_takes_of_an_invoice_is_no_longer_open_for_the_next()
    {
        var invoice = new OpenInvoice("i-1", "INV-2026-000123", "acme", "USD", 100m, new(2026, 11, 1));
        var index = new MatchIndex(new MatchContext([invoice], [], new Dictionary<string, string>()));

        index.Consume("i-1", 60m);
        Assert.Equal(40m, index.OpenAmount(invoice));
        index.Consume("i-1", 40m);

        Assert.Empty(index.ByNumberKey("2026000123"));
        Assert.Empty(index.OfCustomer("acme"));
    }

    [Theory]
    [InlineData("INV-2026-000123", true)]
    [InlineData("2026000132", true)] // one slip from an invoice it holds
    [InlineData("PO-778", true)]
    [InlineData("see attached", true)] // no number: nothing to look up
    [InlineData("INV-2026-000999", false)] // issued after the index was read, say
    public void A_reused_index_knows_whether_a_reference_names_an_invoice_it_holds(string reference, bool known)
    {
        var invoice = new OpenInvoice("i-1", "INV-2026-000123", "acme", "USD", 100m, new(2026, 11, 1), "PO-778");
        var index = new MatchIndex(new MatchContext([invoice], [], new Dictionary<string, string>()));
        index.Consume("i-1", 100m); // paid since: still known

        Assert.Equal(known, index.Knows(reference));
    }
}
