using ArPlatform.Bench.Matching.Labelling;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Evaluation;

/// <summary>The rate "taught once, then automatic", per generator.</summary>
public sealed record TaughtRate(string Generator, int LeftToAPerson, int Taught, int ThenAutomatic, int ThenWrong);

/// <summary>
/// What a person's application of the payments the engine left them teaches, and what the same
/// payment from that payer does next time. Each identifiable payment left to a person is applied
/// by them to its truth; that teaches what <c>PayerLearning</c> learns from a person's application —
/// the payer's bank account, and the payer's name when it does not resemble the customer's — and a
/// payer taught for two customers identifies neither. The same payment is then decided again over
/// the scenario's world with those lessons, its invoices open again: it stands for the payer's
/// next payment of the same habits.
/// </summary>
public static class Teaching
{
    public static IReadOnlyList<TaughtRate> Rates(IReadOnlyList<Evaluated> payments, MatchPolicy policy)
    {
        var rates = new List<TaughtRate>();
        foreach (var byScenario in payments.GroupBy(p => p.Scenario))
        {
            var scenario = byScenario.Key;
            var left = byScenario.Where(p => p.Truth.CustomerId is not null && !p.Applied).ToList();
            var accounts = Lessons(left.Where(p => p.Payment.PayerAccount.Length > 0).Select(p => (p.Payment.PayerAccount, p.Truth.CustomerId!)));
            var names = Lessons(left.Select(p => (Name: PayerNames.Normalise(p.Payment.PayerName), Customer: p.Truth.CustomerId!, p.Payment.PayerName))
                .Where(n => PayerNames.CanBeTaught(n.Name)
                            && NameSimilarity.Score(n.PayerName, scenario.Context.Customers.First(c => c.Id == n.Customer).Name) < policy.NameThreshold)
                .Select(n => (n.Name, n.Customer)));
            var taught = left.Where(p => accounts.ContainsKey(p.Payment.PayerAccount) || names.ContainsKey(PayerNames.Normalise(p.Payment.PayerName))).ToList();
            var context = scenario.Context with
            {
                CustomerByBankAccount = Merge(scenario.Context.CustomerByBankAccount, accounts),
                CustomerByPayerName = Merge(scenario.Context.CustomerByPayerName ?? new Dictionary<string, string>(), names),
            };
            var (automatic, wrong) = (0, 0);
            foreach (var payment in taught)
            {
                var again = payment with { Decision = MatchingEngine.Decide(payment.Payment, new MatchIndex(context), policy) };
                if (again.AppliedCorrectly) automatic++;
                else if (again.Applied) wrong++;
            }
            rates.Add(new TaughtRate(scenario.Generator, left.Count, taught.Count, automatic, wrong));
        }
        return rates.GroupBy(r => r.Generator)
            .Select(g => new TaughtRate(g.Key, g.Sum(r => r.LeftToAPerson), g.Sum(r => r.Taught), g.Sum(r => r.ThenAutomatic), g.Sum(r => r.ThenWrong)))
            .ToList();
    }

    /// <summary>Each payer's one customer; a payer taught for two identifies neither.</summary>
    private static Dictionary<string, string> Lessons(IEnumerable<(string Payer, string Customer)> taught) =>
        taught.GroupBy(t => t.Payer, StringComparer.Ordinal)
            .Where(g => g.Select(t => t.Customer).Distinct().Count() == 1)
            .ToDictionary(g => g.Key, g => g.First().Customer, StringComparer.Ordinal);

    private static Dictionary<string, string> Merge(IReadOnlyDictionary<string, string> known, Dictionary<string, string> taught)
    {
        var merged = new Dictionary<string, string>(known, StringComparer.Ordinal);
        foreach (var (payer, customer) in taught) merged.TryAdd(payer, customer);
        return merged;
    }
}
