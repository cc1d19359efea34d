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
        var index = new CustomerNameIndex(customers, 0.5m);

        foreach (var threshold in new[] { 0.5m, 0.7m, 0.85m })
        {
            var scanned = customers.Select(c => (c, NameSimilarity.Score(payer, c.Name))).Where(x => x.Item2 >= threshold)
                .Select(x => x.c.Id).Order(StringComparer.Ordinal);
            Assert.Equal(scanned, index.Similar(payer, threshold).Select(x => x.Customer.Id).Order(StringComparer.Ordinal));
        }
    }

    [Fact]
    public void Among_thousands_of_alike_names_the_index_finds_exactly_the_customers_a_full_scan_would()
    {
        // Names from a few syllables share most of their pairs: the case where indexing only the rarest must still miss no one.
        var random = new Random(42);
        string[] syllables = ["bra", "kou", "tel", "ma", "rin", "sto", "quay", "dex", "lo", "vin", "gar", "ne"];
        string Word() => string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => syllables[random.Next(syllables.Length)]));
        var customers = Enumerable.Range(0, 3000).Select(i => new CustomerName($"c-{i}", $"{Word()} {Word()} Ltd")).ToList();
        var index = new CustomerNameIndex(customers, 0.6m);

        foreach (var payer in customers.Take(60).Select((c, i) => i % 3 == 0 ? c.Name.ToUpperInvariant() : i % 3 == 1 ? c.Name[..Math.Min(12, c.Name.Length)] : Word()))
            foreach (var threshold in new[] { 0.6m, 0.75m, 0.85m })
            {
                var scanned = customers.Select(c => (c.Id, Score: NameSimilarity.Score(payer, c.Name))).Where(x => x.Score >= threshold)
                    .OrderByDescending(x => x.Score).ThenBy(x => x.Id, StringComparer.Ordinal).ToList();
                Assert.Equal(scanned, index.Similar(payer, threshold).Select(x => (x.Customer.Id, x.Score)).ToList());
            }
    }

    [Fact]
    public void The_name_index_refuses_a_threshold_below_the_one_it_was_built_for() =>
        Assert.Throws<ArgumentOutOfRangeException>(() => new CustomerNameIndex([new CustomerName("c-1", "Acme")], 0.8m).Similar("Acme", 0.7m));

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
    [InlineData("2026000123", true)]
    [InlineData("2026000124", false)] // one slip from an invoice it holds, and as likely the next one issued
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
