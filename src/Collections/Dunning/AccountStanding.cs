namespace ArPlatform.Collections.Dunning;

/// <summary>
/// An account's position in one currency as the latest dunning run found it: what the worklist
/// ranks (collectors work from the morning's list) and the credit policy checks.
/// </summary>
public sealed class AccountStanding
{
    public required string CustomerId { get; init; }
    public required string Currency { get; init; }
    public string CustomerName { get; set; } = "";
    public string Collector { get; set; } = "";
    public string Region { get; set; } = "";
    public string Segment { get; set; } = "";
    public decimal Open { get; set; }
    public decimal PastDue { get; set; }
    public int DaysLate { get; set; }
    public decimal Disputed { get; set; }
    public string NextStep { get; set; } = "";
    public DateOnly? NextStepDate { get; set; }
    public DateOnly AsOf { get; set; }
}
