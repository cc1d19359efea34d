using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using ArPlatform.Collections.Agent;
using ArPlatform.Collections.BillingReads;
using ArPlatform.Collections.Data;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Inbox;

/// <summary>
/// Customers' mail in: read, attributed, understood, triaged and, where the agent may answer,
/// drafted — all before the one transaction that stores the mail with its draft. The same
/// mail (by Message-ID) is stored once whichever door it came through.
/// </summary>
public sealed class InboxService(
    CollectionsDbContext db, CommandExecutor<CollectionsDbContext> commands, CustomerDirectory directory, ReplyPreparer preparer,
    BillingReader billing, CallerContext caller, IOptions<AgentOptions> options, TimeProvider clock, CollectionsMetrics metrics,
    Mail.MailDispatcher mail)
{
    private const string Operation = "SubmitInboundMessage";

    public async Task<Proto.InboundMessage> SubmitAsync(Proto.SubmitInboundMessageRequest request, CancellationToken ct)
    {
        var v = new Validator().RequestId(request.RequestId);
        var input = v.Resource("message", request.Message);
        if (input.RawMime.IsEmpty)
        {
            v.Require("message.from", input.From).MaxLength("message.from", input.From, 320).MaxLength("message.subject", input.Subject, 300);
            if (input.Body.Length == 0 && input.HtmlBody.Length == 0) v.Add("message.body", "is required (or html_body, or raw_mime)");
        }
        if (input.RawMime.Length + input.Body.Length + input.HtmlBody.Length > options.Value.MaxMessageBytes)
            v.Add("message", $"must be at most {options.Value.MaxMessageBytes} bytes");
        v.MaxLength("message.thread_id", input.ThreadId, 100).MaxLength("message.message_id", input.MessageId, 400);
        v.ThrowIfInvalid();
        if (await commands.FindReplayAsync<Proto.InboundMessage>(Operation, request.RequestId, request, ct) is { } replay) return replay;
        var mail = Read(input);
        var prepared = await PrepareAsync(mail, input.ThreadId, ct);
        return await commands.ExecuteAsync(Operation, request.RequestId, request, token => StoreAsync(prepared, token), ct);
    }

    /// <summary>A mail from the SMTP intake: the same path, keyed by its Message-ID instead of a caller's request id.</summary>
    public async Task<Proto.InboundMessage> ReceiveAsync(byte[] mime, CancellationToken ct)
    {
        using var stream = new MemoryStream(mime);
        var mail = MailParser.Parse(stream, clock.GetUtcNow().UtcDateTime);
        var prepared = await PrepareAsync(mail, "", ct);
        if (prepared.Known is not null) return prepared.Known.ToProto();
        // Keyed by the Message-ID alone: a relay's retry of the same mail differs in its Received headers, not in what it is.
        var key = new Proto.SubmitInboundMessageRequest { Message = new Proto.InboundEmail { MessageId = prepared.MessageId } };
        return await commands.ExecuteInternalAsync("ReceiveInboundMail", prepared.MessageId, key, token => StoreAsync(prepared, token), ct);
    }

    public async Task<Proto.InboundMessage> GetAsync(string id, CancellationToken ct)
    {
        Validator.RequiredId("id", id, 26);
        var record = await db.InboundMessages.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct) ?? throw new NotFoundException("inbound message", id);
        if (record.CustomerId.Length > 0) await billing.VisibleCustomerAsync(record.CustomerId, ct);
        return record.ToProto();
    }

    public async Task<Proto.ListInboundMessagesResponse> ListAsync(Proto.ListInboundMessagesRequest request, CancellationToken ct)
    {
        var v = new Validator().MaxLength("customer_id", request.CustomerId, 26);
        if (!System.Enum.IsDefined(request.Intent)) v.Add("intent", "is not a message intent");
        if (!System.Enum.IsDefined(request.Disposition)) v.Add("disposition", "is not a message disposition");
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        v.ThrowIfInvalid();
        var query = db.InboundMessages.AsNoTracking();
        query = await PortfolioFilter.ApplyAsync(query, request.CustomerId, m => m.CustomerId, billing, caller, ct);
        if (request.Intent != Proto.MessageIntent.Unspecified) query = query.Where(m => m.Intent == request.Intent);
        if (request.Disposition != Proto.MessageDisposition.Unspecified) query = query.Where(m => m.Disposition == request.Disposition);
        var (items, next) = await query.ToPageAsync(page, m => m.Id, ct);
        return new Proto.ListInboundMessagesResponse { Messages = { items.Select(m => m.ToProto()) }, NextPageToken = next };
    }

    private static ReadMail Read(Proto.InboundEmail input)
    {
        var received = input.ReceivedTime?.ToDateTime() ?? DateTime.UtcNow;
        if (input.RawMime.IsEmpty)
            return MailParser.FromFields(input.From, input.To, input.Subject, input.Body, input.HtmlBody, input.MessageId, input.InReplyTo, received);
        using var stream = new MemoryStream(input.RawMime.ToByteArray());
        return MailParser.Parse(stream, received);
    }

    private async Task<PreparedMessage> PrepareAsync(ReadMail mail, string threadId, CancellationToken ct)
    {
        var messageId = mail.MessageId.Length > 0 ? mail.MessageId : ContentId(mail);
        var known = await db.InboundMessages.AsNoTracking().FirstOrDefaultAsync(m => m.MessageId == messageId, ct);
        if (known is not null) return new PreparedMessage(messageId, mail, threadId, null, null, null, null, known);
        var customers = await directory.CustomersAsync(ct);
        var sender = SenderResolver.Resolve(mail.From, customers);
        var understanding = MailReading.Understand(mail, IntentModel.Default, options.Value.ConfidenceBar);
        var decision = Triage.Decide(understanding, sender, ReplyDrafter.AnswerableWith(options.Value));
        var reply = decision.Disposition == Proto.MessageDisposition.Drafted
            ? await preparer.PrepareAsync(mail, understanding, sender, customers, ct)
            : null;
        if (reply?.LeakFindings.Count > 0)
        {
            // A draft that fails the leak check is not offered for approval: a person answers.
            decision = decision with { Disposition = Proto.MessageDisposition.Escalated, Reasons = ["LEAK_CHECK"] };
            reply = null;
        }
        return new PreparedMessage(messageId, mail, threadId, sender, understanding, decision, reply, null);
    }

    private async Task<Proto.InboundMessage> StoreAsync(PreparedMessage p, CancellationToken ct)
    {
        // Another door (API, SMTP, a replica) may have stored the same mail since it was read.
        var known = p.Known ?? await db.InboundMessages.AsNoTracking().FirstOrDefaultAsync(m => m.MessageId == p.MessageId, ct);
        if (known is not null) return known.ToProto();
        var now = clock.GetUtcNow().UtcDateTime;
        var id = Ulid.NewUlid().ToString();
        var threadId = p.ThreadId.Length > 0 ? p.ThreadId : await ThreadOfAsync(p.Mail, ct) ?? id;
        if (p.Reply is not null && await DraftsInThreadAsync(threadId, now, ct) >= options.Value.MaxDraftsPerThread)
            p = p with { Reply = null, Decision = new TriageDecision(Proto.MessageDisposition.Escalated, [ThreadReplyLimit]) };
        var draft = p.Reply is null ? null : p.Reply.ToRecord(id, p.Mail, p.Understanding!.Primary, now, now.AddHours(options.Value.DraftExpiryHours));
        // For an intent a manager switched on, the agent approves its own draft as drafted: it goes out now, audited as the agent's.
        var sending = draft is not null && AutoSend.Allows(p.Understanding!, p.Sender!, p.Reply!, options.Value)
            ? ReplyMail.Send(draft, draft.Body, p.MessageId, AutoSend.Actor, now)
            : null;
        if (sending is not null) p = p with { Decision = new TriageDecision(Proto.MessageDisposition.AutoSent, []) };
        var wire = ToProto(id, threadId, p, draft?.Id ?? "");
        db.InboundMessages.Add(new InboundMessageRecord
        {
            Id = id, MessageId = p.MessageId, ThreadId = threadId, CustomerId = p.Sender!.CustomerId ?? "", From = p.Mail.From,
            NormalizedSubject = Subjects.Normalize(p.Mail.Subject) is var s && s.Length > 300 ? s[..300] : s,
            Intent = wire.Intent, Disposition = wire.Disposition, EscalationReasons = string.Join(",", wire.EscalationReasons),
            DraftId = wire.DraftId, ReceivedAt = p.Mail.ReceivedAt, CreatedAt = now, Wire = Google.Protobuf.MessageExtensions.ToByteArray(wire),
        });
        commands.Audit("inbound-message", id, null, wire);
        if (draft is not null)
        {
            db.ReplyDrafts.Add(draft);
            db.ReplyAttachments.AddRange(p.Reply!.Attachments.Select(a => new ReplyAttachment
            {
                Id = Ulid.NewUlid().ToString(), DraftId = draft.Id, FileName = a.FileName, ContentType = "application/pdf", Content = a.Content,
            }));
            commands.Audit("reply-draft", draft.Id, null, draft.ToProto(now));
        }
        if (sending is not null)
        {
            db.Mail.Add(sending);
            commands.AfterCommit("mail", () => mail.SendDueAsync(CancellationToken.None));
        }
        commands.AfterCommit("agent-received", () =>
        {
            metrics.MailReceived(IntentNames.Name(wire.Intent), wire.Disposition.ToString());
            return Task.CompletedTask;
        });
        return wire;
    }

    /// <summary>A thread answered this often lately may be two machines answering each other, or a customer a person should talk to.</summary>
    public const string ThreadReplyLimit = "THREAD_REPLY_LIMIT";

    private Task<int> DraftsInThreadAsync(string threadId, DateTime now, CancellationToken ct)
    {
        var since = now.AddHours(-options.Value.ThreadWindowHours);
        return (from d in db.ReplyDrafts.AsNoTracking()
                join m in db.InboundMessages.AsNoTracking() on d.MessageId equals m.Id
                where m.ThreadId == threadId && d.CreatedAt >= since
                select d.Id).CountAsync(ct);
    }

    /// <summary>The thread a reply continues: the mail (or our reply) it answers, else the sender's earlier mail of the same subject.</summary>
    private async Task<string?> ThreadOfAsync(ReadMail mail, CancellationToken ct)
    {
        var parents = mail.References.Append(mail.InReplyTo).Where(r => r.Length > 0).Distinct().ToList();
        if (parents.Count > 0)
        {
            if (await db.InboundMessages.AsNoTracking().Where(m => parents.Contains(m.MessageId)).Select(m => m.ThreadId).FirstOrDefaultAsync(ct) is { } thread) return thread;
            // Our reply's Message-ID is its outbox id at "arplatform" (MailDispatcher).
            var ours = parents.Where(r => r.EndsWith("@arplatform", StringComparison.Ordinal)).Select(r => r[..r.IndexOf('@')]).ToList();
            var viaReply = await (from mailRow in db.Mail.AsNoTracking()
                                  join d in db.ReplyDrafts.AsNoTracking() on mailRow.ReplyDraftId equals d.Id
                                  join m in db.InboundMessages.AsNoTracking() on d.MessageId equals m.Id
                                  where ours.Contains(mailRow.Id)
                                  select m.ThreadId).FirstOrDefaultAsync(ct);
            if (viaReply is not null) return viaReply;
        }
        var subject = Subjects.Normalize(mail.Subject);
        if (subject.Length == 0) return null;
        return await db.InboundMessages.AsNoTracking().Where(m => m.From == mail.From && m.NormalizedSubject == subject)
            .OrderByDescending(m => m.Id).Select(m => m.ThreadId).FirstOrDefaultAsync(ct);
    }

    private static Proto.InboundMessage ToProto(string id, string threadId, PreparedMessage p, string draftId)
    {
        var u = p.Understanding!;
        var wire = new Proto.InboundMessage
        {
            Id = id, CustomerId = p.Sender!.CustomerId ?? "", Intent = u.Primary, Confidence = Confidence(u.Confidence),
            Disposition = p.Decision!.Disposition, DraftId = draftId, From = p.Mail.From, Subject = p.Mail.Subject, ThreadId = threadId,
            MessageId = p.MessageId, ReceivedTime = Timestamp.FromDateTime(DateTime.SpecifyKind(p.Mail.ReceivedAt, DateTimeKind.Utc)),
            Text = p.Mail.Text, SenderMatch = p.Sender.WireMatch,
            Entities = EntitiesToProto(u.Entities),
        };
        wire.Intents.AddRange(u.Intents.Select(i => new Proto.IntentScore { Intent = i.Intent, Confidence = Confidence(i.Confidence) }));
        wire.EscalationReasons.AddRange(p.Decision.Reasons);
        wire.AttachmentNames.AddRange(p.Mail.AttachmentNames);
        return wire;
    }

    private static Proto.MessageEntities EntitiesToProto(MailEntities e)
    {
        var wire = new Proto.MessageEntities();
        wire.InvoiceNumbers.AddRange(e.Invoices.Select(i => i.Written));
        wire.Amounts.AddRange(e.Amounts.Select(a => new Contracts.Common.V1.Money { Currency = a.Currency, Amount = a.Amount.ToString(CultureInfo.InvariantCulture) }));
        wire.Dates.AddRange(e.Dates.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)));
        wire.PoNumbers.AddRange(e.PoNumbers);
        return wire;
    }

    private static string Confidence(double c) => c.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>A mail without a Message-ID is known by its content: the same mail submitted twice is still one.</summary>
    private static string ContentId(ReadMail mail) =>
        "sha256:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes($"{mail.From}\n{mail.Subject}\n{mail.ReceivedAt:O}\n{mail.FullText}")))[..40].ToLowerInvariant();

    private sealed record PreparedMessage(
        string MessageId, ReadMail Mail, string ThreadId, SenderResolution? Sender, Understanding? Understanding,
        TriageDecision? Decision, PreparedReply? Reply, InboundMessageRecord? Known);
}
