namespace ArPlatform.Disputes.Workflow;

/// <summary>
/// How long a case may take (configuration section <c>Disputes:Sla</c>): calendar days by reason
/// code, halved (rounded up) for high-value cases, the high-value line set per currency; a
/// currency without a line has no high-value tier.
/// </summary>
public sealed class SlaPolicy
{
    public Dictionary<DisputeReason, int> DaysByReason { get; init; } = new()
    {
        [DisputeReason.Pricing] = 10,
        [DisputeReason.Quantity] = 10,
        [DisputeReason.QualityDamage] = 15,
        [DisputeReason.Tax] = 7,
        [DisputeReason.DuplicateBilling] = 5,
        [DisputeReason.NotReceived] = 10,
        [DisputeReason.ContractTerms] = 20,
        [DisputeReason.PromotionTrade] = 20,
        [DisputeReason.Other] = 15,
    };

    public Dictionary<string, decimal> HighValueFrom { get; init; } = new(StringComparer.Ordinal)
    {
        ["USD"] = 100_000m, ["EUR"] = 100_000m, ["GBP"] = 80_000m, ["CHF"] = 100_000m,
        ["CAD"] = 130_000m, ["JPY"] = 15_000_000m,
    };

    /// <summary>Days past the due date after which an overdue case escalates a second level.</summary>
    public int SecondLevelAfterDays { get; init; } = 5;
}

/// <summary>SLA due dates and escalation: pure functions of the case and the policy.</summary>
public static class DisputeSla
{
    public static DateOnly DueDate(SlaPolicy policy, DisputeReason reason, string currency, decimal amount, DateOnly openedOn)
    {
        var days = policy.DaysByReason.GetValueOrDefault(reason, 15);
        if (policy.HighValueFrom.TryGetValue(currency, out var line) && amount >= line)
            days = (days + 1) / 2;
        return openedOn.AddDays(days);
    }

    public static bool IsOverdue(DisputeStatus status, DateOnly dueDate, DateOnly today) =>
        DisputeWorkflow.IsUnresolved(status) && today > dueDate;

    /// <summary>0 while on time or decided; 1 once past due; 2 once past due by more than the policy's days.</summary>
    public static int EscalationLevel(SlaPolicy policy, DisputeStatus status, DateOnly dueDate, DateOnly today)
    {
        if (!IsOverdue(status, dueDate, today)) return 0;
        return today.DayNumber - dueDate.DayNumber > policy.SecondLevelAfterDays ? 2 : 1;
    }
}
