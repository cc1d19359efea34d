using ArPlatform.Collections.Agent;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Inbox;

/// <summary>What becomes of a mail: ignored, escalated to a person (and why), or answered with a draft.</summary>
public sealed record TriageDecision(Proto.MessageDisposition Disposition, IReadOnlyList<string> Reasons);

/// <summary>
/// Decides a mail's disposition from who wrote it and what it says. Pure: the order of the
/// rules is the policy. Machine-written mail is ignored; a lookalike domain is escalated as a
/// likely impostor; any guardrail reason escalates; a sender we cannot tie to a customer gets
/// the reply asking them to write from a registered address (no account data); a customer's
/// mail the agent has a template for every intent of is drafted.
/// </summary>
public static class Triage
{
    /// <param name="answerable">What the agent has a reply for (<see cref="ReplyDrafter.AnswerableWith"/>); the fixed templates unless given.</param>
    public static TriageDecision Decide(Understanding understanding, SenderResolution sender, IReadOnlySet<Proto.MessageIntent>? answerable = null)
    {
        answerable ??= ReplyDrafter.Answerable;
        // Machine-written by its headers or wording: never answered. Only the model calling it one is a
        // guess, which words that need a person (a threat, a dispute, a bank change) overrule.
        if (understanding.AutoReply || understanding.Primary == Proto.MessageIntent.AutoReply && understanding.EscalationReasons.Count == 0)
            return new TriageDecision(Proto.MessageDisposition.Ignored, []);
        var reasons = new List<string>(understanding.EscalationReasons);
        if (sender.Reason == "LOOKALIKE_DOMAIN") reasons.Insert(0, sender.Reason);
        // An intent neither answerable nor a guardrail's (a tax form request) still needs a person.
        if (sender.CustomerId is not null)
            reasons.AddRange(understanding.Intents.Select(i => i.Intent)
                .Where(i => !answerable.Contains(i) && !Guardrails.Escalates(i) && i != Proto.MessageIntent.AutoReply)
                .Select(i => "NO_TEMPLATE_" + IntentNames.Name(i)));
        // Drafted: for a sender tied to no customer the draft asks for a registered address (ReplyPreparer).
        return reasons.Count > 0
            ? new TriageDecision(Proto.MessageDisposition.Escalated, [.. reasons.Distinct()])
            : new TriageDecision(Proto.MessageDisposition.Drafted, []);
    }
}
