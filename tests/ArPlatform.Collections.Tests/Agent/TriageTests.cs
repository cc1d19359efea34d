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
