using ArPlatform.Collections.Inbox;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Agent;

/// <summary>A reply ready to store: its text, its rendered documents, and what the leak check found in it.</summary>
public sealed record PreparedReply(ReplyDraftText Text, string To, string CustomerId, IReadOnlyList<(string FileName, byte[] Content)> Attachments, IReadOnlyList<string> LeakFindings)
{
    public ReplyDraftRecord ToRecord(string messageId, ReadMail mail, Proto.MessageIntent intent, DateTime now, DateTime expires)
    {
        var details = new Proto.ReplyDraft();
        details.Citations.AddRange(Text.Citations);
        details.Attachments.AddRange(Attachments.Select(a => new Proto.DraftAttachment { FileName = a.FileName, ContentType = "application/pdf", SizeBytes = a.Content.Length }));
        details.ProposedActions.AddRange(Text.ProposedActions);
        return new ReplyDraftRecord
        {
            Id = Ulid.NewUlid().ToString(), MessageId = messageId, CustomerId = CustomerId, Intent = intent, To = To,
            Subject = Text.Subject.Length > 300 ? Text.Subject[..300] : Text.Subject, Body = Text.Body,
            CreatedAt = now, ExpiresAt = expires, ReceivedAt = mail.ReceivedAt, Details = details.ToByteArray(),
        };
    }
}

/// <summary>
/// Drafts the reply to a mail the triage lets the agent answer: for a customer's contact, from
/// that customer's records read now, with the statement or invoice copies rendered; for a
/// sender we cannot tie to a customer, the request to write from a registered address. Every
/// draft passes the <see cref="LeakCheck"/> before it is stored.
/// </summary>
public sealed class ReplyPreparer(AccountFactsReader factsReader, IOptions<AgentOptions> options, TimeProvider clock)
{
    public async Task<PreparedReply> PrepareAsync(ReadMail mail, Understanding understanding, SenderResolution sender,
        IReadOnlyCollection<Billing.Customer> customers, CancellationToken ct)
    {
        if (sender.CustomerId is null)
        {
            var ask = ReplyDrafter.AskForRegisteredAddress(mail, options.Value);
            return new PreparedReply(ask, mail.From, "", [], LeakCheck.Findings(ask.Body, "", [], customers));
        }
        var customer = customers.First(c => c.Id == sender.CustomerId);
        var facts = await factsReader.ReadAsync(customer, mail.From, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ct);
        var text = ReplyDrafter.Draft(mail, understanding, facts, options.Value);
        var attachments = new List<(string, byte[])>();
        foreach (var a in text.Attachments)
            attachments.Add((a.FileName, a.FilePath is { } path ? await File.ReadAllBytesAsync(path, ct)
                : a.Invoice is { } invoice ? StatementPdf.InvoiceCopy(facts, invoice) : StatementPdf.Statement(facts)));
        return new PreparedReply(text, mail.From, customer.Id, attachments,
            LeakCheck.Findings(text.Body, customer.Id, [.. facts.Invoices.Select(i => i.Number)], customers));
    }
}

/// <summary>Drafts on the wire.</summary>
public static class ReplyDraftMapping
{
    public static Proto.ReplyDraft ToProto(this ReplyDraftRecord d, DateTime now)
    {
        var wire = Proto.ReplyDraft.Parser.ParseFrom(d.Details);
        wire.Id = d.Id;
        wire.MessageId = d.MessageId;
        wire.CustomerId = d.CustomerId;
        wire.Intent = d.Intent;
        wire.To = d.To;
        wire.Subject = d.Subject;
        wire.Body = d.Body;
        wire.Status = d.StatusAt(now);
        wire.CreateTime = Time(d.CreatedAt);
        wire.ExpireTime = Time(d.ExpiresAt);
        wire.DecidedBy = d.DecidedBy;
        wire.DecideTime = d.DecidedAt is { } at ? Time(at) : null;
        wire.RejectReason = d.RejectReason;
        wire.Edited = d.Edited;
        wire.MailId = d.MailId;
        return wire;
    }

    private static Timestamp Time(DateTime at) => Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}
