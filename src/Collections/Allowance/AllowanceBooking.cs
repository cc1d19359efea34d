namespace ArPlatform.Collections.Allowance;

/// <summary>The allowance for doubtful accounts as booked on a date, per currency; the latest is the booked balance.</summary>
public sealed class AllowanceBooking
{
    public long Id { get; init; }
    public DateOnly AsOf { get; init; }
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    public required string BookedBy { get; init; }
    public DateTime At { get; init; }
}
