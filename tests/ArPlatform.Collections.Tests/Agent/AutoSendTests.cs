using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Inbox;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Tests.Agent;

public sealed class AutoSendTests
{
    private static readonly SenderResolution Contact = new("c-1", SenderMatch.Contact, "");
    private static readonly AgentOptions BalanceSwitchedOn = new() { AutoSendIntents = ["BALANCE_INQUIRY", "STATEMENT_REQUEST"], AutoSendBar = 0.9 };

    private static Understanding Asking(double confidence, params MessageIntent[] intents) =>
        new([.. intents.Select(i => new ScoredIntent(i, confidence))], new MailEntities([], [], [], []), [], AutoReply: false);

    private static PreparedReply Reply(string customerId = "c-1", params ProposedAction[] proposed) =>
        new(new ReplyDraftText("Re: Balance?", "Dear Ana, …", [], [], proposed), "ap@acme.example", customerId, [], []);

    [Fact]
    public void A_contacts_question_of_an_intent_switched_on_goes_out_alone_when_the_agent_is_sure() =>
        Assert.True(AutoSend.Allows(Asking(0.95, MessageIntent.BalanceInquiry), Contact, Reply(), BalanceSwitchedOn));

    [Fact]
    public void Nothing_goes_out_alone_by_default() =>
        Assert.False(AutoSend.Allows(Asking(0.99, MessageIntent.BalanceInquiry), Contact, Reply(), new AgentOptions()));

    [Fact]
    public void Sure_enough_to_draft_is_not_sure_enough_to_send() =>
        Assert.False(AutoSend.Allows(Asking(0.85, MessageIntent.BalanceInquiry), Contact, Reply(), BalanceSwitchedOn));

    [Fact]
    public void A_mail_that_also_asks_something_not_switched_on_waits_for_a_person() =>
        Assert.False(AutoSend.Allows(Asking(0.95, MessageIntent.BalanceInquiry, MessageIntent.InvoiceCopy), Contact, Reply(), BalanceSwitchedOn));

    [Fact]
    public void A_sender_known_only_by_a_trusted_domain_gets_a_draft_a_person_sends() =>
        Assert.False(AutoSend.Allows(Asking(0.95, MessageIntent.BalanceInquiry), new SenderResolution("c-1", SenderMatch.TrustedDomain, ""), Reply(), BalanceSwitchedOn));

    [Fact]
    public void A_reply_proposing_an_action_waits_for_a_person() =>
        Assert.False(AutoSend.Allows(Asking(0.95, MessageIntent.BalanceInquiry), Contact,
            Reply("c-1", new ProposedAction { Kind = "PROMISE_TO_PAY", Date = "2026-12-15" }), BalanceSwitchedOn));

    [Fact]
    public void A_mail_with_a_guardrail_reason_never_goes_out_alone()
    {
        var understanding = Asking(0.95, MessageIntent.BalanceInquiry) with { EscalationReasons = [Guardrails.LegalLanguage] };
        Assert.False(AutoSend.Allows(understanding, Contact, Reply(), BalanceSwitchedOn));
    }

    [Theory]
    [InlineData("DISPUTE", "always read by a person")]
    [InlineData("BANK_DETAILS_CHANGE", "always read by a person")]
    [InlineData("PROMISE_TO_PAY", "always read by a person")]
    [InlineData("BALANCE", "is not an intent")]
    public void A_configuration_switching_on_what_a_person_must_read_is_refused_at_start(string intent, string why)
    {
        var result = new AgentOptionsValidator().Validate(null, new AgentOptions { AutoSendIntents = [intent] });
        Assert.True(result.Failed);
        Assert.Contains(why, result.FailureMessage);
    }

    [Fact]
    public void An_auto_send_bar_below_the_drafting_bar_is_refused_at_start() =>
        Assert.True(new AgentOptionsValidator().Validate(null, new AgentOptions { AutoSendIntents = ["BALANCE_INQUIRY"], AutoSendBar = 0.5 }).Failed);
}
