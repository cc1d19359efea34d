namespace ArPlatform.Billing.Reports;

/// <summary>What one invoice (or on-account item, without due date) had open on the as-of date.</summary>
public sealed record AgingItem(string Key, string Currency, DateOnly? DueDate, decimal Open, decimal Disputed);

public sealed record AgingBuckets(
    string Key, string Currency, decimal Current, decimal Days1To30, decimal Days31To60, decimal Days61To90, decimal Over90,
    decimal Disputed)
{
    public decimal Total => Current + Days1To30 + Days31To60 + Days61To90 + Over90;
}

/// <summary>
/// Receivables by age, as AR reports them: days past due on the as-of date (not days since the
/// invoice date); not yet due is Current. Items without a due date (credit on account) count as
/// Current, so the report's total always ties to the sum of balances.
/// </summary>
public static class AgingCalculator
{
    public static IReadOnlyList<AgingBuckets> Age(IEnumerable<AgingItem> items, DateOnly asOf)
    {
        var report = new AgingAccumulator(asOf);
        foreach (var item in items) report.Add(item);
        return report.Rows();
    }

    /// <summary>The most days past due of each bucket but the last: Current, 1–30, 31–60, 61–90 (then 90+).</summary>
    private static readonly int[] MostDaysPastDue = [0, 30, 60, 90];

    /// <summary>0 Current, 1 for 1–30, 2 for 31–60, 3 for 61–90, 4 for more than 90 days past due.</summary>
    public static int Bucket(DateOnly? dueDate, DateOnly asOf)
    {
        if (dueDate is not { } due) return 0;
        var daysPastDue = asOf.DayNumber - due.DayNumber;
        var bucket = Array.FindIndex(MostDaysPastDue, most => daysPastDue <= most);
        return bucket < 0 ? MostDaysPastDue.Length : bucket;
    }

    /// <summary>
    /// The earliest due date of each bucket but the last on the as-of date: an item due on or
    /// after BucketStarts[b] and before BucketStarts[b − 1] is in bucket b (what a query can compare).
    /// </summary>
    public static IReadOnlyList<DateOnly> BucketStarts(DateOnly asOf) => MostDaysPastDue.Select(days => asOf.AddDays(-days)).ToArray();

    /// <summary>
    /// Every currency's totals in the report currency, added up: each bucket converted exactly,
    /// summed, then rounded once (so the buckets of the converted total add up to its total).
    /// </summary>
    public static AgingBuckets Convert(IEnumerable<AgingBuckets> totals, Fx.FxConversion fx)
    {
        var sums = new decimal[6];
        foreach (var t in totals)
        {
            decimal[] buckets = [t.Current, t.Days1To30, t.Days31To60, t.Days61To90, t.Over90, t.Disputed];
            for (var i = 0; i < 6; i++) sums[i] += fx.Convert(buckets[i], t.Currency);
        }
        var c = fx.ReportCurrency;
        return new AgingBuckets("TOTAL", c.Code, c.Round(sums[0]), c.Round(sums[1]), c.Round(sums[2]), c.Round(sums[3]), c.Round(sums[4]), c.Round(sums[5]));
    }

    /// <summary>One "TOTAL" row per currency: the sum of the rows.</summary>
    public static IReadOnlyList<AgingBuckets> Totals(IEnumerable<AgingBuckets> rows) =>
        rows.GroupBy(r => r.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => new AgingBuckets("TOTAL", g.Key, g.Sum(r => r.Current), g.Sum(r => r.Days1To30), g.Sum(r => r.Days31To60),
                g.Sum(r => r.Days61To90), g.Sum(r => r.Over90), g.Sum(r => r.Disputed)))
            .ToList();
}

/// <summary>
/// Sums items into their group's buckets one at a time, so items can stream past without being
/// held. Zero items add nothing; disputed amounts count only up to what is open.
/// </summary>
public sealed class AgingAccumulator(DateOnly asOf)
{
    private readonly Dictionary<(string Key, string Currency), decimal[]> _rows = [];

    public void Add(AgingItem item) =>
        Add(item.Key, item.Currency, AgingCalculator.Bucket(item.DueDate, asOf), item.Open, item.Disputed);

    /// <summary>An item whose bucket is already known (decided by the query that read it).</summary>
    public void Add(string key, string currency, int bucket, decimal open, decimal disputed) =>
        Replace(key, currency, bucket, counted: 0m, actual: open, disputed);

    /// <summary>An item counted at one open amount that had another on the as-of date: the difference, in its open and disputed parts.</summary>
    public void Replace(string key, string currency, int bucket, decimal counted, decimal actual, decimal disputed)
    {
        if (counted == actual) return;
        var sums = Row(key, currency);
        sums[bucket] += actual - counted;
        sums[5] += DisputedPart(actual, disputed) - DisputedPart(counted, disputed);
    }

    private static decimal DisputedPart(decimal open, decimal disputed) => open > 0m ? Math.Min(disputed, open) : 0m;

    /// <summary>Another accumulator's sums (of the same as-of date), as when a scan is split between workers.</summary>
    public void Add(AgingAccumulator other)
    {
        foreach (var ((key, currency), theirs) in other._rows)
        {
            var sums = Row(key, currency);
            for (var i = 0; i < sums.Length; i++) sums[i] += theirs[i];
        }
    }

    private decimal[] Row(string key, string currency)
    {
        if (!_rows.TryGetValue((key, currency), out var sums)) _rows[(key, currency)] = sums = new decimal[6];
        return sums;
    }

    /// <summary>The rows, but those where nothing is open in any bucket (an invoice counted and taken back out, say).</summary>
    public IReadOnlyList<AgingBuckets> Rows() =>
        _rows
            .Where(r => r.Value.Any(sum => sum != 0m))
            .OrderBy(r => r.Key.Key, StringComparer.Ordinal).ThenBy(r => r.Key.Currency, StringComparer.Ordinal)
            .Select(r => new AgingBuckets(r.Key.Key, r.Key.Currency, r.Value[0], r.Value[1], r.Value[2], r.Value[3], r.Value[4], r.Value[5]))
            .ToList();
}
