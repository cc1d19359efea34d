using System.Globalization;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Worklists;

/// <summary>What the worklist knows of one account in one currency.</summary>
public sealed record AccountFacts
{
    public required string CustomerId { get; init; }
    public string CustomerName { get; init; } = "";
    public string Collector { get; init; } = "";
    public required string Currency { get; init; }
    public decimal Open { get; init; }
    public decimal PastDue { get; init; }
    public int DaysLate { get; init; }
    public decimal Disputed { get; init; }
    public RiskRating Risk { get; init; }
    public bool Strategic { get; init; }
    public bool OnHold { get; init; }
    /// <summary>An open promise (amount, date) or a broken one.</summary>
    public (decimal Amount, DateOnly Date, bool Broken)? Promise { get; init; }
    public bool PlanDefaulted { get; init; }
    public bool PlanActive { get; init; }
    public (string Step, DateOnly Date)? NextDunningStep { get; init; }
}

/// <summary>A ranked account: its score, why, and what to do next.</summary>
public sealed record RankedAccount(AccountFacts Account, decimal Score, IReadOnlyList<string> Reasons, string NextAction);

/// <summary>
/// Ranks accounts with something past due. The score adds points a collector can read back:
/// one per thousand past due (at most 100), one per three days late, 10/20 for medium/high risk,
/// 15 for a strategic account (a senior conversation, not a letter), 25 for a broken promise
/// or a defaulted plan. Ties go to the larger past-due amount, then the customer id.
/// </summary>
public static class WorklistRanking
{
    public static IReadOnlyList<RankedAccount> Rank(IEnumerable<AccountFacts> accounts) =>
        accounts.Where(a => a.PastDue > 0m || a.Promise is { Broken: true } || a.PlanDefaulted)
            .Select(Score)
            .OrderByDescending(r => r.Score).ThenByDescending(r => r.Account.PastDue).ThenBy(r => r.Account.CustomerId, StringComparer.Ordinal)
            .ToList();

    private static RankedAccount Score(AccountFacts a)
    {
        var reasons = new List<(decimal Points, string Why)>();
        if (a.Promise is { Broken: true } broken)
            reasons.Add((25m, $"promise of {Amount(broken.Amount, a.Currency)} due {broken.Date:yyyy-MM-dd} was broken"));
        if (a.PlanDefaulted) reasons.Add((25m, "payment plan defaulted (instalment missed)"));
        if (a.PastDue > 0m)
            reasons.Add((Math.Min(100m, Math.Round(a.PastDue / 1000m, 2)), $"{Amount(a.PastDue, a.Currency)} past due"));
        if (a.DaysLate > 0) reasons.Add((Math.Round(a.DaysLate / 3m, 2), $"oldest invoice {a.DaysLate} days late"));
        if (a.Risk == RiskRating.High) reasons.Add((20m, "high risk"));
        if (a.Risk == RiskRating.Medium) reasons.Add((10m, "medium risk"));
        if (a.Strategic) reasons.Add((15m, "strategic account"));
        if (a.Disputed > 0m) reasons.Add((0m, $"{Amount(a.Disputed, a.Currency)} in dispute"));
        if (a.OnHold) reasons.Add((0m, "on credit hold"));
        var ordered = reasons.OrderByDescending(r => r.Points).ToList();
        return new RankedAccount(a, ordered.Sum(r => r.Points), ordered.Select(r => r.Why).ToList(), NextAction(a));
    }

    /// <summary>The one thing to do next, most urgent first.</summary>
    public static string NextAction(AccountFacts a)
    {
        if (a.Promise is { Broken: true } broken)
            return $"CALL: promise of {Amount(broken.Amount, a.Currency)} due {broken.Date:yyyy-MM-dd} was broken";
        if (a.PlanDefaulted) return "CALL: payment plan instalment missed";
        if (a.Promise is { } open) return $"WAIT: promise of {Amount(open.Amount, a.Currency)} due {open.Date:yyyy-MM-dd}";
        if (a.PlanActive) return "WAIT: payment plan in progress";
        if (a.Disputed > 0m && a.Disputed >= a.PastDue) return $"FOLLOW UP: dispute open for {Amount(a.Disputed, a.Currency)}";
        if (a.NextDunningStep is { } next) return $"DUNNING: {next.Step} on {next.Date:yyyy-MM-dd}";
        return "CALL: past due, no dunning step left";
    }

    private static string Amount(decimal amount, string currency) =>
        $"{amount.ToString("#,0.####", CultureInfo.InvariantCulture)} {currency}";
}
