namespace ArPlatform.Billing.Gl;

/// <summary>
/// A month whose books are closed: no ledger entry may carry an accounting date in it any more.
/// Months close in order, so the latest one says how far the books are closed.
/// </summary>
public sealed class ClosedPeriod
{
    /// <summary>"2026-10".</summary>
    public required string Period { get; init; }
    public DateOnly LastDay { get; init; }
    public required string ClosedBy { get; init; }
    public DateTime ClosedAt { get; init; }

    public static string Name(DateOnly day) => $"{day.Year:D4}-{day.Month:D2}";
}
