namespace ArPlatform.Billing.WriteOffs;

/// <summary>
/// A write-off approved in Collections and posted here: the approval's reference is unique, so
/// one approval can never write off twice, whatever request ids the poster uses.
/// </summary>
public sealed class WriteOff
{
    public required string Id { get; init; }
    public required string InvoiceId { get; init; }
    public required string CustomerId { get; init; }
    public required string Reference { get; init; }
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    public required string Reason { get; init; }
    public required string RequestedBy { get; init; }
    public required string ApprovedBy { get; init; }
    public DateOnly EffectiveDate { get; init; }
    public DateTime PostedAt { get; init; }
}
