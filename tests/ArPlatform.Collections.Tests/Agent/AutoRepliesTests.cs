using ArPlatform.Collections.Inbox;

namespace ArPlatform.Collections.Tests.Agent;

public sealed class AutoRepliesTests
{
    private static ReadMail Mail(string from, string subject, string text) =>
        MailParser.FromFields(from, "", subject, text, "", "", "", new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));

    [Theory]
    [InlineData("ap@acme.example", "Automatic reply: Overdue invoice", "Thanks")]
    [InlineData("ap@acme.example", "Out of Office", "Back on Monday")]
    [InlineData("ap@acme.example", "Abwesenheitsnotiz: Rechnung", "Ich bin im Urlaub")]
    [InlineData("ap@acme.example", "Respuesta automática: factura", "Volveré pronto")]
    [InlineData("mailer-daemon@mx.acme.example", "Undeliverable: Overdue invoice", "Delivery to the following recipient failed permanently")]
    [InlineData("support@acme.example", "[Ticket #48213] Request received", "Your request has been received")]
    [InlineData("ap@acme.example", "Re: Invoice", "I am currently out of the office until 7 December.")]
    [InlineData("ap@acme.example", "Re: Rechnung", "Ich bin derzeit nicht im Büro.")]
    public void Out_of_office_bounces_and_ticket_acknowledgements_are_recognised(string from, string subject, string text) =>
        Assert.True(AutoReplies.IsAutoReply(Mail(from, subject, text)));

    [Theory]
    [InlineData("Re: Out of office payment", "We will pay invoice 123 on Friday, our approver was out of the office last week.")]
    [InlineData("Balance?", "What do we owe you?")]
    public void A_person_writing_about_absence_is_not_an_auto_reply(string subject, string text) =>
        Assert.False(AutoReplies.IsAutoReply(Mail("ap@acme.example", subject, text)));
}
