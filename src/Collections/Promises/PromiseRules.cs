using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Promises;

/// <summary>One instalment of a plan, with the state <see cref="PromiseRules.EvaluatePlan"/> gives it.</summary>
public readonly record struct InstalmentState(DateOnly DueDate, decimal Amount, string State);

/// <summary>
/// Kept or broken, decided from the cash Billing applied since the promise or plan was made:
/// pure functions, so the decision is the same whoever (and however often) asks.
/// </summary>
public static class PromiseRules
{
    /// <summary>Kept once the cash reaches the amount; broken when the promised date plus grace has passed without it; open meanwhile.</summary>
    public static PromiseStatus Decide(decimal promised, DateOnly promisedDate, int graceDays, decimal paid, DateOnly asOf)
    {
        if (paid >= promised) return PromiseStatus.Kept;
        return PastGrace(promisedDate, graceDays, asOf) ? PromiseStatus.Broken : PromiseStatus.Open;
    }

    /// <summary>
    /// Whether <paramref name="asOf"/> is past the date plus its grace days: counted in day numbers,
    /// so a date near the calendar's end (9999-12-31) is simply never past, not an overflow.
    /// </summary>
    public static bool PastGrace(DateOnly date, int graceDays, DateOnly asOf) => asOf.DayNumber - date.DayNumber > graceDays;

    /// <summary>Cash pays instalments oldest first: each instalment with what it still lacks.</summary>
    public static IReadOnlyList<(DateOnly DueDate, decimal Amount, decimal Unpaid)> Allocate(
        IEnumerable<(DateOnly DueDate, decimal Amount)> instalments, decimal paid)
    {
        var left = paid;
        var allocated = new List<(DateOnly, decimal, decimal)>();
        foreach (var (due, amount) in instalments.OrderBy(i => i.DueDate))
        {
            allocated.Add((due, amount, Math.Max(0m, amount - left)));
            left = Math.Max(0m, left - amount);
        }
        return allocated;
    }

    /// <summary>
    /// An instalment the cash (<see cref="Allocate"/>) does not cover by its date plus grace is
    /// missed and the plan defaults; all covered completes it.
    /// </summary>
    public static (PaymentPlanStatus Status, IReadOnlyList<InstalmentState> Instalments) EvaluatePlan(
        IReadOnlyList<(DateOnly DueDate, decimal Amount)> instalments, int graceDays, decimal paid, DateOnly asOf)
    {
        var states = Allocate(instalments, paid).Select(i => new InstalmentState(i.DueDate, i.Amount,
            i.Unpaid == 0m ? "PAID" : PastGrace(i.DueDate, graceDays, asOf) ? "MISSED" : "PENDING")).ToList();
        var status = states.Any(s => s.State == "MISSED") ? PaymentPlanStatus.Defaulted
            : states.All(s => s.State == "PAID") ? PaymentPlanStatus.Completed
            : PaymentPlanStatus.Active;
        return (status, states);
    }
}
