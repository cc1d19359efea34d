namespace ArPlatform.Collections.Allowance;

/// <summary>Configuration section <c>Collections:Allowance</c>: the share of each aging bucket expected to go bad.</summary>
public sealed class AllowanceOptions
{
    public decimal CurrentPercent { get; init; } = 1m;
    public decimal Days1To30Percent { get; init; } = 3m;
    public decimal Days31To60Percent { get; init; } = 10m;
    public decimal Days61To90Percent { get; init; } = 25m;
    public decimal Over90Percent { get; init; } = 50m;
    public string DebitAccount { get; init; } = "6400 Bad debt expense";
    public string CreditAccount { get; init; } = "1290 Allowance for doubtful accounts";
}

/// <summary>An aging bucket's receivable and the allowance it needs.</summary>
public readonly record struct AllowanceLine(string Bucket, decimal Receivable, decimal Percent, decimal Allowance);

/// <summary>
/// The aging method: each bucket's receivable times its percentage, rounded per bucket to the
/// currency; the adjusting entry is what brings the booked allowance to the total.
/// </summary>
public static class AllowanceCalculator
{
    public static IReadOnlyList<AllowanceLine> Lines(AllowanceOptions o, Func<decimal, decimal> round,
        decimal current, decimal days1To30, decimal days31To60, decimal days61To90, decimal over90) =>
    [
        Line("CURRENT", current, o.CurrentPercent, round),
        Line("1_30", days1To30, o.Days1To30Percent, round),
        Line("31_60", days31To60, o.Days31To60Percent, round),
        Line("61_90", days61To90, o.Days61To90Percent, round),
        Line("OVER_90", over90, o.Over90Percent, round),
    ];

    /// <summary>
    /// Required minus what the allowance account holds: the balance booked less the write-offs
    /// charged against it since (which can leave it a debit balance). Positive raises the allowance
    /// (debit expense), negative releases it.
    /// </summary>
    public static decimal Adjustment(IEnumerable<AllowanceLine> lines, decimal booked, decimal writtenOffSince) =>
        lines.Sum(l => l.Allowance) - (booked - writtenOffSince);

    private static AllowanceLine Line(string bucket, decimal receivable, decimal percent, Func<decimal, decimal> round) =>
        new(bucket, receivable, percent, round(receivable * percent / 100m));
}
