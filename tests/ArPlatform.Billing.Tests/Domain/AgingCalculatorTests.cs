using ArPlatform.Billing.Reports;

namespace ArPlatform.Billing.Tests.Domain;

public class AgingCalculatorTests
{
    private static readonly DateOnly November30 = new(2026, 11, 30);

    [Theory]
    [InlineData("2026-12-15", 0)]
    [InlineData("2026-11-30", 0)]   // due today: not yet past due
    [InlineData("2026-11-29", 1)]
    [InlineData("2026-10-31", 1)]   // 30 days
    [InlineData("2026-10-30", 2)]   // 31 days
    [InlineData("2026-10-01", 2)]   // 60 days
    [InlineData("2026-09-30", 3)]   // 61 days
    [InlineData("2026-09-01", 3)]   // 90 days
    [InlineData("2026-08-31", 4)]   // 91 days
    public void Buckets_count_days_past_due_on_the_as_of_date(string due, int bucket) =>
        Assert.Equal(bucket, AgingCalculator.Bucket(DateOnly.Parse(due), November30));

    [Fact]
    public void Bucket_starts_are_the_first_due_dates_a_query_compares_and_agree_with_the_buckets()
    {
        var starts = AgingCalculator.BucketStarts(November30);

        Assert.Equal([new(2026, 11, 30), new(2026, 10, 31), new(2026, 10, 1), new(2026, 9, 1)], starts);
        // What the open-invoice scan's CASE decides, day by day over half a year, is Bucket.
        for (var due = new DateOnly(2026, 6, 1); due <= new DateOnly(2026, 12, 31); due = due.AddDays(1))
        {
            var byStarts = starts.Select((start, b) => (start, b)).FirstOrDefault(s => due >= s.start, (default, starts.Count)).Item2;
            Assert.Equal(AgingCalculator.Bucket(due, November30), byStarts);
        }
    }

    [Fact]
    public void Accumulators_of_a_split_scan_add_up_to_one_accumulator_over_every_item()
    {
        AgingItem[] items =
        [
            new("acme", "USD", new DateOnly(2026, 12, 1), 100m, 0m),
            new("acme", "USD", new DateOnly(2026, 10, 15), 50m, 20m),
            new("beta", "EUR", new DateOnly(2026, 7, 1), 70m, 0m),
            new("acme", "USD", new DateOnly(2026, 10, 20), 25.5m, 30m), // disputed counts up to what is open
            new("beta", "EUR", null, -10m, 0m),
        ];
        var whole = new AgingAccumulator(November30);
        foreach (var item in items) whole.Add(item);
        var first = new AgingAccumulator(November30);
        var second = new AgingAccumulator(November30);
        foreach (var item in items[..2]) first.Add(item);
        foreach (var item in items[2..]) second.Add(item.Key, item.Currency, AgingCalculator.Bucket(item.DueDate, November30), item.Open, item.Disputed);

        var merged = new AgingAccumulator(November30);
        merged.Add(first);
        merged.Add(second);

        Assert.Equal(whole.Rows(), merged.Rows());
        Assert.Equal(45.5m, merged.Rows().Single(r => r.Key == "acme").Disputed);
    }

    [Fact]
    public void Rows_sum_per_key_and_currency_and_totals_tie_to_the_balances()
    {
        var rows = AgingCalculator.Age(
        [
            new AgingItem("acme", "USD", new DateOnly(2026, 12, 1), 100m, 0m),
            new AgingItem("acme", "USD", new DateOnly(2026, 10, 15), 50m, 20m),
            new AgingItem("acme", "EUR", new DateOnly(2026, 7, 1), 70m, 0m),
            new AgingItem("beta", "USD", new DateOnly(2026, 9, 15), 30m, 0m),
            new AgingItem("beta", "USD", null, -10m, 0m),     // credit on account
            new AgingItem("beta", "USD", new DateOnly(2026, 1, 1), 0m, 5m), // paid: no row
        ], November30);

        Assert.Equal([("acme", "EUR"), ("acme", "USD"), ("beta", "USD")], rows.Select(r => (r.Key, r.Currency)));
        var acmeUsd = rows[1];
        Assert.Equal((100m, 0m, 50m, 0m, 0m, 150m, 20m),
            (acmeUsd.Current, acmeUsd.Days1To30, acmeUsd.Days31To60, acmeUsd.Days61To90, acmeUsd.Over90, acmeUsd.Total, acmeUsd.Disputed));
        Assert.Equal(70m, rows[0].Over90);
        Assert.Equal((-10m, 30m, 20m), (rows[2].Current, rows[2].Days61To90, rows[2].Total));

        var totals = AgingCalculator.Totals(rows);
        Assert.Equal([("EUR", 70m), ("USD", 170m)], totals.Select(t => (t.Currency, t.Total)));
    }
}
