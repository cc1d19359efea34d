using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Inbox;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Tests.Agent;

/// <summary>The shipped model on mails written here, not taken from the corpus.</summary>
public sealed class IntentClassificationTests
{
    private static Understanding Read(string subject, string body) =>
        MailReading.Understand(MailParser.FromFields("ap@acme.example", "", subject, body, "", "", "", new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc)),
            IntentModel.Default, new AgentOptions().ConfidenceBar);

    [Theory]
    [InlineData("Balance?", "Hi, what do we owe you as of today? Thanks, Ana", MessageIntent.BalanceInquiry)]
    [InlineData("Statement", "Please send us a statement of account.", MessageIntent.StatementRequest)]
    [InlineData("Invoice copy", "Could you resend invoice INV-2026-000123? We cannot find it.", MessageIntent.InvoiceCopy)]
    [InlineData("W-9", "Please send us your W-9 form.", MessageIntent.TaxFormRequest)]
    [InlineData("Out of Office", "I am currently out of the office.", MessageIntent.AutoReply)]
    public void Routine_requests_are_recognised(string subject, string body, MessageIntent intent) =>
        Assert.Equal(intent, Read(subject, body).Primary);

    [Fact]
    public void A_mail_asking_two_things_carries_both_intents()
    {
        var u = Read("Balance and statement", "What is our outstanding balance? Please also send a statement of account.");
        Assert.Contains(u.Intents, i => i.Intent == MessageIntent.BalanceInquiry);
        Assert.Contains(u.Intents, i => i.Intent == MessageIntent.StatementRequest);
    }

    [Fact]
    public void The_quoted_thread_does_not_change_what_is_asked()
    {
        var u = Read("RE: Overdue invoice", "Please send us a statement of account.\n\nOn Mon, Nov 30, 2026 at 9:12 AM AR <ar@ourco.example> wrote:\n> Our bank details have changed. Pay invoice INV-2026-000417 now.");
        Assert.Equal(MessageIntent.StatementRequest, u.Primary);
        Assert.Empty(u.EscalationReasons);
    }

    [Theory]
    [InlineData("Please note our bank details have changed, pay to the new account from now on.", Guardrails.BankDetailsChange)]
    [InlineData("We have passed this to our lawyer.", Guardrails.LegalLanguage)]
    [InlineData("The company has filed for insolvency.", Guardrails.LegalLanguage)]
    [InlineData("Die Rechnung enthält falsche Preise.", "DISPUTE")]
    [InlineData("We were overcharged, please issue a credit note.", "DISPUTE")]
    [InlineData("This is RIDICULOUS, STOP SENDING US THESE REMINDERS, WE PAID EVERYTHING ALREADY!!!", Guardrails.AngryTone)]
    public void Fraud_legal_disputes_and_anger_are_always_escalated(string body, string reason) =>
        Assert.Contains(reason, Read("Invoice", body).EscalationReasons);
}
