using System.Text.RegularExpressions;
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
/// (the most likely one when none is), a promise stated in words, the entity rules and the guardrails.
/// </summary>
public static partial class MailReading
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
        var intents = WithStatedPromise(Classify(model, mail.Subject, mail.Text), mail.Text, entities, DateOnly.FromDateTime(mail.ReceivedAt));
        return new Understanding(intents, entities, Guardrails.EscalationReasons(intents, mail.Subject, mail.Text, confidenceBar), AutoReply: false);
    }

    /// <summary>What a rule is as sure of as the model's confident answers: words that promise a payment, with a date to come.</summary>
    public const double StatedPromise = 0.9;

    /// <summary>
    /// A payment promised in so many words ("we will pay", "payment will be made", "werden …
    /// überweisen", "pagaremos") for a date still to come is a promise to pay, whatever the model
    /// makes of the wording; the other intents it found stay beside it.
    /// </summary>
    private static IReadOnlyList<ScoredIntent> WithStatedPromise(IReadOnlyList<ScoredIntent> intents, string text, MailEntities entities, DateOnly received)
    {
        if (!PromiseWords().IsMatch(text) || !entities.Dates.Any(d => d >= received)) return intents;
        var others = intents.Where(i => i.Intent != Proto.MessageIntent.PromiseToPay);
        var model = intents.Where(i => i.Intent == Proto.MessageIntent.PromiseToPay).Select(i => i.Confidence).DefaultIfEmpty(0).Max();
        return [.. others.Append(new ScoredIntent(Proto.MessageIntent.PromiseToPay, Math.Max(model, StatedPromise))).OrderByDescending(i => i.Confidence)];
    }

    [GeneratedRegex(
        @"\b((we|i)('ll|\s+will|\s+shall|\s+are\s+going\s+to|\s+can)\s+(\w+\s+){0,2}(pay|settle|transfer|send|remit|wire|make\s+(the\s+)?payment)|promise\s+to\s+pay|will\s+be\s+(paid|settled|transferred|remitted|wired|released)|payment\s+(will\s+be|is\s+(scheduled|planned))|werden\s+(\w+\s+){0,5}(bezahlen|zahlen|begleichen|überweisen)|pagaremos|vamos\s+a\s+pagar|se\s+pagar[aá]|nous\s+(allons\s+(payer|régler|virer)|paierons|réglerons))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PromiseWords();

    public static IReadOnlyList<ScoredIntent> Classify(IntentModel model, string subject, string text)
    {
        var scores = model.Score(TextFeatures.Of(subject, text));
        var present = scores.Where(s => s.Probability >= IntentThreshold).ToList();
        if (present.Count == 0) present = [scores[0]];
        return [.. present.Select(s => new ScoredIntent(s.Intent, Math.Round(s.Probability, 2)))];
    }
}
