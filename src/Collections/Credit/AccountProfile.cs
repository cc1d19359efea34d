using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Credit;

/// <summary>
/// Collections's own view of a customer: risk, the strategic flag, the credit hold and its
/// history. Billing keeps the master data and the credit limit; this keeps the decisions.
/// </summary>
public sealed class AccountProfile
{
    public required string CustomerId { get; init; }
    public RiskRating Risk { get; set; } = RiskRating.Medium;
    public bool Strategic { get; set; }
    /// <summary>Day of the month the customer's statement goes out; 0 for the service's default.</summary>
    public int StatementDayOfMonth { get; set; }
    public bool OnHold { get; private set; }
    public HoldReason HoldReason { get; private set; }
    /// <summary>Who placed the hold ("system" for an automatic one): they cannot release it.</summary>
    public string HeldBy { get; private set; } = "";
    public DateOnly? OverrideUntil { get; private set; }
    public List<CreditHistoryEntry> History { get; init; } = [];
    public int Version { get; set; }

    public void Hold(HoldReason reason, string actor, string note, DateTime at)
    {
        OnHold = true;
        HoldReason = reason;
        HeldBy = actor;
        History.Add(new CreditHistoryEntry { Action = "HOLD", Reason = reason, Note = note, Actor = actor, At = at });
        Version++;
    }

    public void Release(string actor, string note, DateOnly overrideUntil, DateTime at)
    {
        History.Add(new CreditHistoryEntry { Action = "RELEASE", Reason = HoldReason, Note = note, Actor = actor, At = at });
        OnHold = false;
        HoldReason = HoldReason.Unspecified;
        HeldBy = "";
        OverrideUntil = overrideUntil;
        Version++;
    }
}

public sealed class CreditHistoryEntry
{
    public required string Action { get; init; }
    public HoldReason Reason { get; init; }
    public string Note { get; init; } = "";
    public required string Actor { get; init; }
    public DateTime At { get; init; }
}
