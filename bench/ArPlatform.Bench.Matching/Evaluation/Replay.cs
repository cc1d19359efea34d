using System.Text;
using ArPlatform.Bench.Matching.Labelling;
using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.BankFiles;
using ArPlatform.CashApplication.Matching;
using ArPlatform.CashApplication.Payments;

namespace ArPlatform.Bench.Matching.Evaluation;

/// <summary>One payment as the engine saw it and decided it, beside its truth.</summary>
public sealed record Evaluated(LabelledScenario Scenario, string File, int Ordinal, Truth Truth, PaymentToMatch Payment, MatchDecision Decision)
{
    public MatchProposal? Top => Decision.Proposals.Count > 0 ? Decision.Proposals[0] : null;
    public bool Applied => Decision.AutoApply is not null;
    public bool AppliedCorrectly => Decision.AutoApply is { } applied && IsTruth(applied);
    public bool TopCorrect => Top is { } top && IsTruth(top);

    /// <summary>The proposal is the truth: the same customer, the same invoices, the same cash on each.</summary>
    public bool IsTruth(MatchProposal proposal) =>
        Truth.CustomerId is { } customer && proposal.CustomerId == customer && proposal.Allocations.Count == Truth.Lines.Count
        && Truth.Lines.All(l => proposal.Allocations.Any(a => a.InvoiceId == l.InvoiceId && a.Amount == l.Cash));
}

/// <summary>
/// Replays a scenario as production would: each file through <see cref="BankFileReader"/>, each
/// credit through <see cref="PaymentFactory"/> and <see cref="MatchContextLoader.ToMatch"/> into
/// <see cref="MatchingEngine.Decide"/> over one index of the scenario's world, and every
/// automatic application settled into the index by <see cref="AutoMatcher.Settle"/>, so later
/// payments see what earlier ones took.
/// </summary>
public static class Replay
{
    private static readonly DateTime Imported = new(2026, 11, 16, 7, 0, 0, DateTimeKind.Utc);

    /// <param name="model">The confidence model deciding (the shipped one unless given).</param>
    public static List<Evaluated> Run(LabelledScenario scenario, MatchPolicy policy, OutcomePolicy outcomes, ConfidenceModel? model = null)
    {
        var index = new MatchIndex(scenario.Context);
        var evaluated = new List<Evaluated>(scenario.Payments);
        foreach (var file in scenario.Files)
        {
            var credits = Payments(file);
            for (var i = 0; i < credits.Count; i++)
            {
                var payment = credits[i];
                var match = MatchContextLoader.ToMatch(payment);
                var decision = MatchingEngine.Decide(match, index, policy, model);
                if (decision.AutoApply is { } applied) AutoMatcher.Settle(payment, applied, index, outcomes);
                evaluated.Add(new Evaluated(scenario, file.Name, i, file.Credits[i], match, decision));
            }
        }
        return evaluated;
    }

    /// <summary>The file's credits as stored payments, as the importer makes them (debits skipped); as many as the generator labelled, or the file is not what it says.</summary>
    public static List<Payment> Payments(LabelledFile file)
    {
        using var stream = new MemoryStream(Encoding.UTF8.GetBytes(file.Content), writable: false);
        var (format, transactions) = BankFileReader.Read(stream);
        if (format != file.Format) throw new InvalidDataException($"{file.Name}: read as {format}, written as {file.Format}");
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var payments = transactions.Where(t => t.Direction == Direction.Credit)
            .Select(t => PaymentFactory.FromBankTransaction(t, file.Name, PaymentFactory.Key(t, seen), Imported)).ToList();
        if (payments.Count != file.Credits.Count)
            throw new InvalidDataException($"{file.Name}: {payments.Count} credits parsed, {file.Credits.Count} labelled");
        return payments;
    }
}
