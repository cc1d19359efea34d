using ArPlatform.Collections.Data;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Grpc;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using MimeKit;

namespace ArPlatform.Collections.Mail;

/// <summary>
/// Sends the mail outbox oldest first over one SMTP connection per pass. A message the server
/// did not take is retried with back-off; after the last attempt it is marked failed. Each
/// message is marked sent as soon as the server accepts it, so a crash re-sends at most one.
/// </summary>
public sealed class MailDispatcher(IServiceScopeFactory scopes, IOptions<MailOptions> options, TimeProvider clock,
    CollectionsMetrics metrics, ReplicaLease<CollectionsDbContext> lease, ILogger<MailDispatcher> logger)
{
    private const int Batch = 500;
    private const string MailLease = "mail-outbox";
    private static readonly TimeSpan LeaseTime = TimeSpan.FromMinutes(1);
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Sends batches until nothing due is left; returns how many the server accepted.</summary>
    public async Task<int> SendDueAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            // One replica sends at a time: a customer gets each message once.
            await using var sending = await lease.TryTakeAsync(MailLease, LeaseTime, ct);
            if (sending is null) return 0;
            var sent = 0;
            while (true)
            {
                // Renewed before each batch: a sender that died lets another take over within a minute.
                if (sent > 0 && await lease.TryTakeAsync(MailLease, LeaseTime, ct) is null) return sent;
                var (accepted, full) = await SendBatchAsync(ct);
                sent += accepted;
                if (!full || accepted == 0) return sent;
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>One batch over one connection: how many were accepted, and whether the batch was full (more may be due).</summary>
    private async Task<(int Accepted, bool Full)> SendBatchAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollectionsDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Mail.Where(m => m.SentAt == null && m.FailedAt == null && m.NextAttemptAt <= now)
            .OrderBy(m => m.Id).Take(Batch).ToListAsync(ct);
        if (due.Count == 0) return (0, false);
        var draftIds = due.Where(m => m.ReplyDraftId is not null).Select(m => m.ReplyDraftId!).ToList();
        var attachments = (draftIds.Count == 0 ? [] : await db.ReplyAttachments.AsNoTracking().Where(a => draftIds.Contains(a.DraftId)).ToListAsync(ct))
            .ToLookup(a => a.DraftId);
        var o = options.Value;
        using var smtp = new SmtpClient();
        try
        {
            await smtp.ConnectAsync(o.SmtpHost, o.SmtpPort, o.UseStartTls ? SecureSocketOptions.StartTlsWhenAvailable : SecureSocketOptions.None, ct);
            if (o.UserName.Length > 0) await smtp.AuthenticateAsync(o.UserName, o.Password, ct);
        }
        catch (Exception e) when (e is IOException or System.Net.Sockets.SocketException or SmtpProtocolException or AuthenticationException)
        {
            foreach (var message in due) Postpone(message, e.Message, now);
            await db.SaveChangesAsync(ct);
            logger.LogWarning("SMTP server {Host}:{Port} unavailable: {Error}", o.SmtpHost, o.SmtpPort, e.Message);
            return (0, false);
        }
        var sent = 0;
        foreach (var message in due)
        {
            try
            {
                await smtp.SendAsync(ToMime(message, o.From, message.ReplyDraftId is { } d ? attachments[d] : []), ct);
                message.SentAt = clock.GetUtcNow().UtcDateTime;
                metrics.MailSent.Add(1, new KeyValuePair<string, object?>("kind", message.Kind.ToString()));
                sent++;
            }
            catch (Exception e) when (e is SmtpCommandException or SmtpProtocolException or IOException)
            {
                Postpone(message, e.Message, now);
                logger.LogWarning("Mail {Id} to {Customer} not accepted (attempt {Attempt}): {Error}", message.Id, message.CustomerId, message.Attempts, e.Message);
            }
            await db.SaveChangesAsync(ct);
        }
        await smtp.DisconnectAsync(quit: true, ct);
        return (sent, due.Count == Batch);
    }

    private void Postpone(OutgoingMail message, string error, DateTime now)
    {
        message.Attempts++;
        metrics.Retry("mail");
        message.LastError = error.Length > 1000 ? error[..1000] : error;
        if (message.Attempts >= options.Value.MaxAttempts) message.FailedAt = now;
        else message.NextAttemptAt = now + RemoteCallPolicy.Backoff(message.Attempts, options.Value.MaxBackoffSeconds);
    }

    private static MimeMessage ToMime(OutgoingMail message, string from, IEnumerable<Agent.ReplyAttachment> attachments)
    {
        var mime = new MimeMessage();
        mime.From.Add(MailboxAddress.Parse(from));
        mime.To.Add(MailboxAddress.Parse(message.To));
        mime.Subject = message.Subject;
        // The outbox id as Message-ID: a re-sent message is recognisably the same one.
        mime.MessageId = $"{message.Id}@arplatform";
        // A reply threads under the customer's mail in their client.
        if (message.InReplyTo.Length > 0)
        {
            mime.InReplyTo = message.InReplyTo;
            mime.References.Add(message.InReplyTo);
        }
        var body = new BodyBuilder { TextBody = message.Body };
        foreach (var a in attachments) body.Attachments.Add(a.FileName, a.Content, ContentType.Parse(a.ContentType));
        mime.Body = body.ToMessageBody();
        return mime;
    }
}
