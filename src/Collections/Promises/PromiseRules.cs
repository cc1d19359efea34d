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
        return asOf > promisedDate.AddDays(graceDays) ? PromiseStatus.Broken : PromiseStatus.Open;
    }

    /// <summary>
    /// Cash pays instalments oldest first. An instalment not covered by its date plus grace is
    /// missed and the plan defaults; all covered completes it.
    /// </summary>
    public static (PaymentPlanStatus Status, IReadOnlyList<InstalmentState> Instalments) EvaluatePlan(
        IReadOnlyList<(DateOnly DueDate, decimal Amount)> instalments, int graceDays, decimal paid, DateOnly asOf)
    {
        var states = new List<InstalmentState>(instalments.Count);
        var left = paid;
        var missed = false;
        foreach (var (due, amount) in instalments.OrderBy(i => i.DueDate))
        {
            string state;
            if (left >= amount) state = "PAID";
            else if (asOf > due.AddDays(graceDays)) { state = "MISSED"; missed = true; }
            else state = "PENDING";
            left = Math.Max(0m, left - amount);
            states.Add(new(due, amount, state));
        }
        var status = missed ? PaymentPlanStatus.Defaulted
            : states.All(s => s.State == "PAID") ? PaymentPlanStatus.Completed
            : PaymentPlanStatus.Active;
        return (status, states);
    }
}
