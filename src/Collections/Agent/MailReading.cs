using ArPlatform.Collections.Inbox;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Agent;

/// <summary>What the agent understood of a mail: its intents, what it names, and why a person must answer it, if they must.</summary>
public sealed record Understanding(IReadOnlyList<ScoredIntent> Intents, MailEntities Entities, IReadOnlyList<string> EscalationReasons, bool AutoReply)
{
    public Proto.MessageIntent Primary => Intents.Count > 0 ? Intents[0].Intent : Proto.MessageIntent.Other;
    public double Confidence => Intents.Count > 0 ? Intents[0].Confidence : 0;
}

/// <summary>
/// Reads a mail for the agent: auto-replies first (by headers and wording, never answered),
/// then the intent model on the new text, every intent at or over <see cref="IntentThreshold"/>
/// (the most likely one when none is), the entity rules and the guardrails.
/// </summary>
public static class MailReading
{
    /// <summary>
    /// An intent counts as present from here (below one half: each intent is rare, so its own
    /// regression leans to "absent"; 0.35 scored best on the held-out split). The confidence bar
    /// (configuration) decides whether the agent may draft.
    /// </summary>
    public const double IntentThreshold = 0.35;

    public static Understanding Understand(ReadMail mail, IntentModel model, double confidenceBar)
    {
        var entities = EntityExtractor.Extract(mail.Subject + "\n" + mail.Text + "\n" + string.Join("\n", mail.AttachmentNames), DateOnly.FromDateTime(mail.ReceivedAt));
        if (AutoReplies.IsAutoReply(mail))
            return new Understanding([new ScoredIntent(Proto.MessageIntent.AutoReply, 1)], entities, [], AutoReply: true);
        var intents = Classify(model, mail.Subject, mail.Text);
        return new Understanding(intents, entities, Guardrails.EscalationReasons(intents, mail.Subject, mail.Text, confidenceBar), AutoReply: false);
    }

    public static IReadOnlyList<ScoredIntent> Classify(IntentModel model, string subject, string text)
    {
        var scores = model.Score(TextFeatures.Of(subject, text));
        var present = scores.Where(s => s.Probability >= IntentThreshold).ToList();
        if (present.Count == 0) present = [scores[0]];
        return [.. present.Select(s => new ScoredIntent(s.Intent, Math.Round(s.Probability, 2)))];
    }
}
