namespace ArPlatform.Disputes.BillingSync;

public enum BillingChangeKind
{
    MarkDisputed = 1,
    ClearDispute = 2,
    CreateCreditMemo = 3,
}

/// <summary>
/// A change Billing must make for a case, written in the same transaction as the case's own
/// change and delivered afterwards until Billing confirms it (or refuses it for good). The
/// payload is the Billing request itself, its request_id fixed at enqueue time, so a repeated
/// delivery is a replay in Billing and never a second change.
/// </summary>
public sealed class OutboxMessage
{
    public long Id { get; init; }
    public required string DisputeId { get; init; }
    public BillingChangeKind Kind { get; init; }
    /// <summary>The case item a credit memo is for (its id is written back to the item).</summary>
    public int ItemNumber { get; init; }
    public required byte[] Payload { get; init; }
    /// <summary>The person whose decision this carries out: Billing records them as requester.</summary>
    public required string Actor { get; init; }
    public string CorrelationId { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? DeliveredAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public string LastError { get; set; } = "";
}
