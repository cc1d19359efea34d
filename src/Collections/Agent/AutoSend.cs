using ArPlatform.Collections.Inbox;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// Whether a drafted reply goes out without a person: only for the intents a manager switched on
/// (<see cref="AgentOptions.AutoSendIntents"/>, none by default), when every intent the mail holds
/// is one of them, the model is sure of it past <see cref="AgentOptions.AutoSendBar"/> (above the
/// bar for drafting), the sender is a registered contact of the customer (a trusted domain is
/// enough to draft for, not to send to unseen), and the reply proposes nothing the platform would
/// do on the customer's word (a promise waits for a person). The leak check has passed by then.
/// </summary>
public static class AutoSend
{
    /// <summary>Who decided a reply sent alone, in the draft and the audit trail.</summary>
    public const string Actor = "reply-agent";

    /// <summary>Intents whose reply never goes out alone, whatever the configuration says: a person must read these.</summary>
    public static bool MayBeSwitchedOn(Proto.MessageIntent intent) =>
        ReplyDrafter.Answerable.Contains(intent) && !Guardrails.Escalates(intent) && intent != Proto.MessageIntent.PromiseToPay;

    public static bool Allows(Understanding understanding, SenderResolution sender, PreparedReply reply, AgentOptions options)
    {
        var switchedOn = options.AutoSendIntents.Select(IntentNames.Parse).Where(MayBeSwitchedOn).ToHashSet();
        return switchedOn.Count > 0
               && understanding.Intents.Count > 0
               && understanding.Intents.All(i => switchedOn.Contains(i.Intent))
               && understanding.Confidence >= options.AutoSendBar
               && understanding.EscalationReasons.Count == 0
               && sender is { Match: SenderMatch.Contact, CustomerId: not null }
               && reply.CustomerId == sender.CustomerId
               && reply.Text.ProposedActions.Count == 0
               && reply.LeakFindings.Count == 0;
    }
}
