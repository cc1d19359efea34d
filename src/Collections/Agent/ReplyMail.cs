using ArPlatform.Collections.Mail;

namespace ArPlatform.Collections.Agent;

/// <summary>A reply draft sent: the outbox's mail for it, and the draft marked sent by whoever decided.</summary>
public static class ReplyMail
{
    /// <summary>
    /// Marks the draft sent with <paramref name="body"/> (edited when it differs from the draft) and
    /// returns the mail the outbox delivers: to the draft's addressee, threaded under the customer's
    /// mail — unless that mail came without a Message-ID (its id is then a hash), with none to thread under.
    /// </summary>
    public static OutgoingMail Send(ReplyDraftRecord draft, string body, string answeredMessageId, string decidedBy, DateTime now)
    {
        var outgoing = new OutgoingMail
        {
            Id = Ulid.NewUlid().ToString(), Kind = MailKind.Reply, CustomerId = draft.CustomerId, DedupKey = "reply:" + draft.Id, To = draft.To,
            Subject = draft.Subject, Body = body, CreatedAt = now, NextAttemptAt = now, ReplyDraftId = draft.Id,
            InReplyTo = answeredMessageId.StartsWith("sha256:", StringComparison.Ordinal) ? "" : answeredMessageId,
        };
        draft.Edited = body != draft.Body;
        draft.Body = body;
        draft.Status = Contracts.Collections.V1.ReplyDraftStatus.Sent;
        draft.DecidedBy = decidedBy;
        draft.DecidedAt = now;
        draft.MailId = outgoing.Id;
        return outgoing;
    }
}
