using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// A reply waiting for a person: pending until approved (then handed to the mail outbox),
/// rejected, or past its expiry. What it cites, attaches and proposes is fixed when drafted and
/// kept as <see cref="Details"/>; the decision is in columns.
/// </summary>
public sealed class ReplyDraftRecord
{
    public required string Id { get; init; }
    public required string MessageId { get; init; }
    public string CustomerId { get; init; } = "";
    public Proto.MessageIntent Intent { get; init; }
    public required string To { get; init; }
    public required string Subject { get; init; }
    public string Body { get; set; } = "";
    public Proto.ReplyDraftStatus Status { get; set; } = Proto.ReplyDraftStatus.PendingReview;
    public DateTime CreatedAt { get; init; }
    public DateTime ExpiresAt { get; init; }
    public string DecidedBy { get; set; } = "";
    public DateTime? DecidedAt { get; set; }
    public string RejectReason { get; set; } = "";
    public bool Edited { get; set; }
    public string MailId { get; set; } = "";
    /// <summary>When the customer's mail arrived: minutes to reply count from here.</summary>
    public DateTime ReceivedAt { get; init; }
    /// <summary>A <see cref="Proto.ReplyDraft"/> holding the citations, attachments and proposed actions.</summary>
    public required byte[] Details { get; init; }

    /// <summary>Pending past its expiry reads as expired: no worker has to flip it for a reader to see it.</summary>
    public Proto.ReplyDraftStatus StatusAt(DateTime now) =>
        Status == Proto.ReplyDraftStatus.PendingReview && ExpiresAt <= now ? Proto.ReplyDraftStatus.Expired : Status;
}

/// <summary>A document a draft carries (statement, invoice copy), sent with it once approved.</summary>
public sealed class ReplyAttachment
{
    public required string Id { get; init; }
    public required string DraftId { get; init; }
    public required string FileName { get; init; }
    public required string ContentType { get; init; }
    public required byte[] Content { get; init; }
}
