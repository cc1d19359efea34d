using System.Diagnostics;
using System.Globalization;
using ArPlatform.Bench.ReplyAgent.Corpus;
using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Inbox;

namespace ArPlatform.Bench.ReplyAgent.Evaluation;

/// <summary>
/// Scores the shipped model on the held-out split the way the service reads mail
/// (<see cref="MailReading.Understand"/>: auto-reply rules, model, threshold): per intent
/// precision, recall and F1 over the sets of intents, their macro average, how many mails with a
/// guardrail intent were escalated, and the latency of classify-and-draft per mail.
/// </summary>
public static class IntentEvaluation
{
    /// <returns>The macro-F1.</returns>
    public static double Run(IReadOnlyList<LabelledMail> test, IntentModel model, TextWriter output, string title = "Held-out split")
    {
        var intents = IntentNames.All.Select(IntentNames.Name).ToList();
        var (tp, fp, fn) = (new Dictionary<string, int>(), new Dictionary<string, int>(), new Dictionary<string, int>());
        var guarded = 0;
        // Mails that ask only what the agent answers: how many it drafts rather than passes to a person.
        var routine = 0;
        var routineDrafted = 0;
        var guardedEscalated = 0;
        var missed = new List<string>();
        var exact = 0;
        var latencies = new List<double>();
        var facts = SampleFacts();
        var options = new AgentOptions();
        // Auto-send measured as if a manager switched on every intent that may go out alone.
        var autoSendOptions = new AgentOptions { AutoSendIntents = [.. IntentNames.All.Where(AutoSend.MayBeSwitchedOn).Select(IntentNames.Name)] };
        var (autoSent, autoSentRight, autoSentGuarded) = (0, 0, 0);
        var autoSentWrong = new List<string>();
        foreach (var m in test)
        {
            var watch = Stopwatch.StartNew();
            var mail = MailParser.FromFields(m.From, "", m.Subject, m.Body, "", "", "", new DateTime(2026, 11, 30, 9, 0, 0, DateTimeKind.Utc));
            var understanding = MailReading.Understand(mail, model, options.ConfidenceBar);
            var decision = Triage.Decide(understanding, new SenderResolution("c-1", SenderMatch.Contact, ""));
            var contact = new SenderResolution("c-1", SenderMatch.Contact, "");
            var drafted = decision.Disposition == Contracts.Collections.V1.MessageDisposition.Drafted ? ReplyDrafter.Draft(mail, understanding, facts, options) : null;
            latencies.Add(watch.Elapsed.TotalMilliseconds);
            if (drafted is not null && AutoSend.Allows(understanding, contact, new PreparedReply(drafted, m.From, "c-1", [], []), autoSendOptions))
            {
                autoSent++;
                // Right when everything the mail asks is something that may go out alone; any other need was missed.
                if (m.Intents.All(i => autoSendOptions.AutoSendIntents.Contains(i))) autoSentRight++;
                if (Guarded(m)) autoSentGuarded++;
                if (!m.Intents.All(i => autoSendOptions.AutoSendIntents.Contains(i))) autoSentWrong.Add($"{m.Id} [{string.Join(",", m.Intents)}] {mail.Text.ReplaceLineEndings(" ")}");
            }
            var predicted = understanding.Intents.Select(i => IntentNames.Name(i.Intent)).ToHashSet();
            if (predicted.SetEquals(m.Intents)) exact++;
            foreach (var i in intents)
            {
                var (p, t) = (predicted.Contains(i), m.Intents.Contains(i));
                if (p && t) tp[i] = tp.GetValueOrDefault(i) + 1;
                else if (p) fp[i] = fp.GetValueOrDefault(i) + 1;
                else if (t) fn[i] = fn.GetValueOrDefault(i) + 1;
            }
            if (m.Intents.All(i => ReplyDrafter.Answerable.Contains(IntentNames.Parse(i))))
            {
                routine++;
                if (decision.Disposition == Contracts.Collections.V1.MessageDisposition.Drafted) routineDrafted++;
            }
            if (Guarded(m))
            {
                guarded++;
                if (decision.Disposition == Contracts.Collections.V1.MessageDisposition.Escalated) guardedEscalated++;
                else missed.Add($"{m.Id} [{string.Join(",", m.Intents)}] {mail.Text.ReplaceLineEndings(" ")}");
            }
        }
        output.WriteLine($"{title}: {test.Count} mails; exact intent sets {Percent(exact, test.Count)}");
        output.WriteLine($"{"intent",-22} {"precision",9} {"recall",7} {"F1",6} {"support",8}");
        var f1s = new List<double>();
        foreach (var i in intents)
        {
            var support = tp.GetValueOrDefault(i) + fn.GetValueOrDefault(i);
            if (support == 0) continue;
            var precision = Ratio(tp.GetValueOrDefault(i), tp.GetValueOrDefault(i) + fp.GetValueOrDefault(i));
            var recall = Ratio(tp.GetValueOrDefault(i), support);
            var f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            f1s.Add(f1);
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{i,-22} {precision,9:0.000} {recall,7:0.000} {f1,6:0.000} {support,8}"));
        }
        output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"macro-F1 {f1s.Average():0.000}"));
        output.WriteLine($"guardrail intents (bank details, legal, dispute) escalated: {guardedEscalated} of {guarded}");
        foreach (var m in missed) output.WriteLine($"  not escalated: {m}");
        output.WriteLine($"routine mails (every intent answerable) drafted for approval: {routineDrafted} of {routine} ({Percent(routineDrafted, routine)}); the rest went to a person");
        output.WriteLine($"auto-send, every intent that may go out alone switched on ({string.Join(", ", autoSendOptions.AutoSendIntents)}; bar {autoSendOptions.AutoSendBar}): "
            + $"{autoSent} of {test.Count} mails would go out without a person, {autoSentRight} of them asking only such intents; "
            + $"a bank-details change, legal or dispute among them: {autoSentGuarded}");
        foreach (var m in autoSentWrong) output.WriteLine($"  sent alone but asking more: {m}");
        latencies.Sort();
        output.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"classify-and-draft latency per mail: p50 {latencies[latencies.Count / 2]:0.000} ms, p95 {latencies[(int)(latencies.Count * 0.95)]:0.000} ms (first mail, cold: {latencies[^1]:0.0} ms max)"));
        return f1s.Average();
    }

    private static AccountFacts SampleFacts() => new("c-1", "Acme Corp", "C-000001", "Ana Li",
        [new BalanceLine("USD", 1324.75m, 324.75m)],
        [new InvoiceFact("i-1", "INV-2026-000123", "ISSUED", "USD", new DateOnly(2026, 10, 1), new DateOnly(2026, 10, 31), 324.75m, 324.75m),
         new InvoiceFact("i-2", "INV-2026-000124", "ISSUED", "USD", new DateOnly(2026, 11, 15), new DateOnly(2026, 12, 15), 1000m, 1000m)],
        new DateOnly(2026, 11, 30));

    /// <summary>A mail asking what the guardrails exist for: a bank-details change, legal language or a dispute.</summary>
    private static bool Guarded(LabelledMail m) => m.Intents.Any(i => i is "BANK_DETAILS_CHANGE" or "LEGAL_OR_ESCALATION" or "DISPUTE");

    private static double Ratio(int a, int b) => b == 0 ? 0 : (double)a / b;

    private static string Percent(int a, int b) => string.Create(CultureInfo.InvariantCulture, $"{100.0 * a / b:0.0} %");
}
