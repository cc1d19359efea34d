using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Inbox;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Tests.Agent;

public sealed class TriageTests
{
    private static readonly SenderResolution Contact = new("c-1", SenderMatch.Contact, "");

    private static Understanding Asking(params MessageIntent[] intents) =>
        new([.. intents.Select(i => new ScoredIntent(i, 0.9))], new MailEntities([], [], [], []), [], AutoReply: false);

    [Fact]
    public void A_contacts_routine_question_is_drafted() =>
        Assert.Equal(MessageDisposition.Drafted, Triage.Decide(Asking(MessageIntent.BalanceInquiry), Contact).Disposition);

    [Fact]
    public void Machine_written_mail_is_ignored_whoever_sent_it() =>
        Assert.Equal(MessageDisposition.Ignored, Triage.Decide(Asking(MessageIntent.AutoReply), SenderResolution.Unknown("LOOKALIKE_DOMAIN")).Disposition);

    [Fact]
    public void Mail_the_model_takes_for_an_auto_reply_but_that_threatens_or_disputes_goes_to_a_person()
    {
        var understanding = Asking(MessageIntent.AutoReply) with { EscalationReasons = [Guardrails.LegalLanguage] };
        Assert.Equal(MessageDisposition.Escalated, Triage.Decide(understanding, Contact).Disposition);
    }

    [Fact]
    public void A_lookalike_domain_is_escalated_even_for_a_routine_question()
    {
        var decision = Triage.Decide(Asking(MessageIntent.BalanceInquiry), SenderResolution.Unknown("LOOKALIKE_DOMAIN"));
        Assert.Equal((MessageDisposition.Escalated, "LOOKALIKE_DOMAIN"), (decision.Disposition, decision.Reasons[0]));
    }

    [Fact]
    public void An_unknown_sender_with_a_routine_question_gets_a_draft_that_the_preparer_keeps_free_of_account_data() =>
        Assert.Equal(MessageDisposition.Drafted, Triage.Decide(Asking(MessageIntent.BalanceInquiry), SenderResolution.Unknown("FREE_MAIL")).Disposition);

    [Fact]
    public void A_contacts_request_the_agent_has_no_template_for_goes_to_a_person() =>
        Assert.Equal(["NO_TEMPLATE_TAX_FORM_REQUEST"], Triage.Decide(Asking(MessageIntent.BalanceInquiry, MessageIntent.TaxFormRequest), Contact).Reasons);

    [Fact]
    public void Guardrail_reasons_escalate()
    {
        var understanding = Asking(MessageIntent.PaymentInstructions) with { EscalationReasons = [Guardrails.BankDetailsChange] };
        Assert.Equal(MessageDisposition.Escalated, Triage.Decide(understanding, Contact).Disposition);
    }
}

public sealed class GuardrailWordingTests
{
    [Theory]
    [InlineData("If this is not credited by Friday I will be escalating this to your CEO and filing a complaint with the Better Business Bureau.", "LEGAL_LANGUAGE")]
    [InlineData("I'm escalating this to senior management and copying them on this email.", "LEGAL_LANGUAGE")]
    [InlineData("Nous vous adressons une mise en demeure.", "LEGAL_LANGUAGE")]
    [InlineData("Why am I still getting invoices for a subscription I cancelled? I am not paying these.", "DISPUTE")]
    [InlineData("We do not agree with the overdue amount on your statement; please check it again.", "DISPUTE")]
    [InlineData("By our records the balance is 3,100.00, not 4,250.00. Can you confirm?", "DISPUTE")]
    [InlineData("Invoice 4471 was cancelled when the order was withdrawn, so it should not be on the statement.", "DISPUTE")]
    [InlineData("Nous ne sommes pas d'accord avec le solde indiqué.", "DISPUTE")]
    [InlineData("Two pallets arrived crushed; invoice 1005 is on hold until you send a credit.", "DISPUTE")]
    [InlineData("The remaining $620.00 has been short-paid deliberately: the quote was $18.00 per case.", "DISPUTE")]
    [InlineData("We did not order anything from you in August.", "DISPUTE")]
    [InlineData("Invoice 88 is a duplicate of one we already paid.", "DISPUTE")]
    [InlineData("You billed 40 bags but only 32 arrived. Please correct.", "DISPUTE")]
    public void Words_that_need_a_person_escalate_whatever_the_model_says(string text, string reason) =>
        Assert.Contains(reason, Guardrails.EscalationReasons([new ScoredIntent(MessageIntent.PaymentStatus, 0.95)], "Invoice", text, 0.6));

    [Theory]
    [InlineData("Please send a copy of invoice 2207 for our records.")]
    [InlineData("We will pay invoice 1001 this Friday.")]
    public void Routine_wording_is_not_read_as_a_dispute_or_a_threat(string text) =>
        Assert.Empty(Guardrails.EscalationReasons([new ScoredIntent(MessageIntent.InvoiceCopy, 0.95)], "Invoice", text, 0.6));
}
