using System.Text;
using ArPlatform.Collections.Inbox;

namespace ArPlatform.Collections.Tests.Agent;

public sealed class MailParserTests
{
    private static ReadMail Parse(string mime) =>
        MailParser.Parse(new MemoryStream(Encoding.UTF8.GetBytes(mime.Replace("\n", "\r\n"))), new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));

    [Fact]
    public void A_plain_mail_yields_sender_thread_headers_and_its_new_text()
    {
        var mail = Parse("""
            From: Ana Li <AP@Acme.Example>
            To: ar@ourco.example
            Subject: RE: Balance?
            Message-ID: <m-2@acme.example>
            In-Reply-To: <m-1@acme.example>
            Date: Mon, 30 Nov 2026 09:12:00 +0000
            Content-Type: text/plain; charset=utf-8

            What do we owe you as of today?

            On Fri, Nov 27, 2026 at 10:00 AM AR <ar@ourco.example> wrote:
            > Your invoice INV-2026-000001 is overdue.
            """);
        Assert.Equal("ap@acme.example", mail.From);
        Assert.Equal("m-2@acme.example", mail.MessageId);
        Assert.Equal("m-1@acme.example", mail.InReplyTo);
        Assert.Equal("What do we owe you as of today?", mail.Text);
        Assert.Contains("INV-2026-000001", mail.FullText);
        Assert.False(mail.AutoSubmitted);
    }

    [Fact]
    public void An_html_only_mail_is_read_as_text_with_its_quote_removed_and_attachment_names_kept()
    {
        var mail = Parse("""
            From: ap@acme.example
            Subject: Remittance
            Message-ID: <r-1@acme.example>
            MIME-Version: 1.0
            Content-Type: multipart/mixed; boundary="b1"

            --b1
            Content-Type: text/html; charset=utf-8

            <html><head><style>p{}</style></head><body><p>We paid invoice 123 today.</p><p>Thanks &amp; regards</p><blockquote>Your invoice is overdue</blockquote></body></html>
            --b1
            Content-Type: application/pdf; name="remittance-4711.pdf"
            Content-Disposition: attachment; filename="remittance-4711.pdf"
            Content-Transfer-Encoding: base64

            JVBERi0xLjQK
            --b1--
            """);
        Assert.Equal("We paid invoice 123 today.\nThanks & regards", mail.Text);
        Assert.Equal(["remittance-4711.pdf"], mail.AttachmentNames);
    }

    [Fact]
    public void Auto_submitted_and_precedence_headers_mark_machine_written_mail()
    {
        Assert.True(Parse("From: ap@acme.example\nAuto-Submitted: auto-replied\nSubject: Away\n\nI am away.").AutoSubmitted);
        Assert.True(Parse("From: ap@acme.example\nPrecedence: auto_reply\nSubject: Away\n\nI am away.").AutoSubmitted);
        Assert.False(Parse("From: ap@acme.example\nAuto-Submitted: no\nSubject: Balance\n\nWhat do we owe?").AutoSubmitted);
    }
}
