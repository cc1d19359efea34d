namespace ArPlatform.Collections.Mail;

public enum MailKind { Dunning = 1, Statement = 2, Reply = 3 }

/// <summary>
/// An e-mail written in the same transaction as the decision that sends it and delivered
/// afterwards by the mail worker until the SMTP server accepts it. The dedup key makes a
/// statement or a run's letter to a customer a single row, however often the run repeats.
/// </summary>
public sealed class OutgoingMail
{
    public required string Id { get; init; }
    public MailKind Kind { get; init; }
    public required string CustomerId { get; init; }
    public required string DedupKey { get; init; }
    public required string To { get; init; }
    public required string Subject { get; init; }
    public required string Body { get; init; }
    public DateTime CreatedAt { get; init; }
    public int Attempts { get; set; }
    public DateTime NextAttemptAt { get; set; }
    public DateTime? SentAt { get; set; }
    public DateTime? FailedAt { get; set; }
    public string LastError { get; set; } = "";
    /// <summary>For a reply: the draft whose attachments go with it, and the customer's Message-ID it answers.</summary>
    public string? ReplyDraftId { get; init; }
    public string InReplyTo { get; init; } = "";

    public string Delivery => SentAt is not null ? "SENT" : FailedAt is not null ? "FAILED" : "PENDING";
}
