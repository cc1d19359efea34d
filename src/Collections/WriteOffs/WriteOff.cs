using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.WriteOffs;

/// <summary>
/// A request to write an invoice's amount off as uncollectible: pending until a person of its
/// tier decides, then posted to Billing by the write-off worker (the id is Billing's idempotency
/// key and the number its write-off reference, so a repeated posting is a replay there).
/// </summary>
public sealed class WriteOff
{
    public required string Id { get; init; }
    public required string Number { get; init; }
    public required string InvoiceId { get; init; }
    public required string CustomerId { get; init; }
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    public required string Reason { get; init; }
    public string Evidence { get; init; } = "";
    public WriteOffStatus Status { get; set; } = WriteOffStatus.PendingApproval;
    public List<string> ApproverRoles { get; init; } = [];
    public required string RequestedBy { get; init; }
    public string DecidedBy { get; set; } = "";
    public string DecisionNote { get; set; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? DecidedAt { get; set; }
    public string PostingId { get; set; } = "";
    public string PostingError { get; set; } = "";
    public int PostingAttempts { get; set; }
    public DateTime? NextPostingAt { get; set; }
    public int Version { get; set; }
}
