using System.Net;
using System.Text.RegularExpressions;
using MimeKit;

namespace ArPlatform.Collections.Inbox;

/// <summary>
/// Reads an RFC 5322 message with MimeKit: the plain part, else the HTML part as text; the
/// attachments' names; and the headers by which mail systems mark what no person wrote
/// (Auto-Submitted, Precedence, X-Autoreply, a delivery-status report).
/// </summary>
public static partial class MailParser
{
    public static ReadMail Parse(Stream mime, DateTime receivedAt)
    {
        var message = MimeMessage.Load(mime);
        var text = message.TextBody ?? (message.HtmlBody is { } html ? HtmlToText(html) : "");
        var attachments = message.Attachments.Select(a => a.ContentDisposition?.FileName ?? a.ContentType.Name ?? "")
            .Where(n => n.Length > 0).ToList();
        return new ReadMail(
            From: message.From.Mailboxes.FirstOrDefault()?.Address.ToLowerInvariant() ?? "",
            To: message.To.Mailboxes.FirstOrDefault()?.Address ?? "",
            Subject: message.Subject ?? "",
            MessageId: message.MessageId ?? "",
            InReplyTo: message.InReplyTo ?? "",
            References: [.. message.References],
            ReceivedAt: message.Date != DateTimeOffset.MinValue ? message.Date.UtcDateTime : receivedAt,
            FullText: text,
            Text: ReplyStripper.NewText(text),
            AttachmentNames: attachments,
            AutoSubmitted: IsMachineWritten(message));
    }

    /// <summary>A mail handed over as fields (SubmitInboundMessage): the same reading without MIME.</summary>
    public static ReadMail FromFields(string from, string to, string subject, string body, string html, string messageId,
        string inReplyTo, DateTime receivedAt)
    {
        var text = body.Length > 0 ? body : HtmlToText(html);
        return new ReadMail(Address(from), to, subject, messageId.Trim('<', '>', ' '), inReplyTo.Trim('<', '>', ' '), [], receivedAt,
            text, ReplyStripper.NewText(text), [], AutoSubmitted: false);
    }

    /// <summary>"Ana Li &lt;ap@acme.example&gt;" or a bare address, lower case.</summary>
    public static string Address(string from) =>
        MailboxAddress.TryParse(from, out var mailbox) ? mailbox.Address.ToLowerInvariant() : from.Trim().ToLowerInvariant();

    /// <summary>Block elements become line breaks (quote markers survive as lines), tags go, entities decode.</summary>
    public static string HtmlToText(string html)
    {
        var s = Scripts().Replace(html, "");
        s = Blockquote().Replace(s, m => "\n" + string.Join("\n", Tags().Replace(m.Groups[1].Value, "\n").Split('\n').Select(l => "> " + l.Trim())) + "\n");
        s = Breaks().Replace(s, "\n");
        s = WebUtility.HtmlDecode(Tags().Replace(s, ""));
        return string.Join("\n", s.Split('\n').Select(l => l.Trim())).Trim();
    }

    private static bool IsMachineWritten(MimeMessage m)
    {
        var auto = m.Headers[HeaderId.AutoSubmitted];
        if (auto is { Length: > 0 } && !auto.Equals("no", StringComparison.OrdinalIgnoreCase)) return true;
        if (m.Headers["Precedence"] is { } p && (p.Contains("bulk", StringComparison.OrdinalIgnoreCase) || p.Contains("auto_reply", StringComparison.OrdinalIgnoreCase) || p.Contains("junk", StringComparison.OrdinalIgnoreCase))) return true;
        if (m.Headers.Contains("X-Autoreply") || m.Headers.Contains("X-Autorespond")) return true;
        return m.Body is MultipartReport || m.From.Mailboxes.Any(f => f.Address.StartsWith("mailer-daemon@", StringComparison.OrdinalIgnoreCase) || f.Address.StartsWith("postmaster@", StringComparison.OrdinalIgnoreCase));
    }

    [GeneratedRegex(@"<(script|style|head)[^>]*>.*?</\1>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Scripts();

    [GeneratedRegex(@"<blockquote[^>]*>(.*?)</blockquote>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Blockquote();

    [GeneratedRegex(@"<br\s*/?>|</(p|div|tr|li|h\d)>", RegexOptions.IgnoreCase)]
    private static partial Regex Breaks();

    [GeneratedRegex(@"<[^>]+>")]
    private static partial Regex Tags();
}
