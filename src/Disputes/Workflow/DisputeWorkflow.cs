namespace ArPlatform.Disputes.Workflow;

/// <summary>
/// The case workflow: Open → Investigating ⇄ Pending customer / Pending internal → Resolved
/// (valid, invalid, partially valid) → Closed, and back to Open from a resolved or closed case
/// with a reason. Pure: every rule about which move is allowed lives here.
/// </summary>
public static class DisputeWorkflow
{
    private static readonly DisputeStatus[] Working =
        [DisputeStatus.Open, DisputeStatus.Investigating, DisputeStatus.PendingCustomer, DisputeStatus.PendingInternal];

    private static readonly IReadOnlyDictionary<DisputeStatus, DisputeStatus[]> Moves = new Dictionary<DisputeStatus, DisputeStatus[]>
    {
        [DisputeStatus.Open] = [DisputeStatus.Investigating, DisputeStatus.PendingCustomer, DisputeStatus.PendingInternal],
        [DisputeStatus.Investigating] = [DisputeStatus.PendingCustomer, DisputeStatus.PendingInternal],
        [DisputeStatus.PendingCustomer] = [DisputeStatus.Investigating, DisputeStatus.PendingInternal],
        // Handing a case from one internal team to another is a move too.
        [DisputeStatus.PendingInternal] = [DisputeStatus.Investigating, DisputeStatus.PendingCustomer, DisputeStatus.PendingInternal],
        [DisputeStatus.ResolvedValid] = [DisputeStatus.Closed, DisputeStatus.Open],
        [DisputeStatus.ResolvedInvalid] = [DisputeStatus.Closed, DisputeStatus.Open],
        [DisputeStatus.ResolvedPartial] = [DisputeStatus.Closed, DisputeStatus.Open],
        [DisputeStatus.Closed] = [DisputeStatus.Open],
    };

    /// <summary>Not yet decided: still held disputed in Billing and measured against its SLA.</summary>
    public static bool IsUnresolved(DisputeStatus status) =>
        status is DisputeStatus.Open or DisputeStatus.Investigating or DisputeStatus.PendingCustomer or DisputeStatus.PendingInternal;

    public static IReadOnlyList<DisputeStatus> UnresolvedStatuses => Working;

    public static DisputeStatus ResolvedStatus(DisputeOutcome outcome) => outcome switch
    {
        DisputeOutcome.Valid => DisputeStatus.ResolvedValid,
        DisputeOutcome.Invalid => DisputeStatus.ResolvedInvalid,
        DisputeOutcome.Partial => DisputeStatus.ResolvedPartial,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "not a resolution"),
    };

    /// <summary>Why a move is not allowed, or null when it is.</summary>
    public static string? RefuseTransition(DisputeStatus from, DisputeStatus to, InternalTeam team, InternalTeam currentTeam, string reason)
    {
        if (to is DisputeStatus.ResolvedValid or DisputeStatus.ResolvedInvalid or DisputeStatus.ResolvedPartial)
            return "A case is resolved with ResolveDispute, which carries the outcome and the credit.";
        if (!Moves[from].Contains(to))
            return $"A case that is {from} cannot move to {to}.";
        if (to == DisputeStatus.PendingInternal && team == InternalTeam.None)
            return "Say which team the case waits on (pending_with: SALES, CUSTOMER_SUCCESS or LEGAL).";
        if (from == DisputeStatus.PendingInternal && to == DisputeStatus.PendingInternal && team == currentTeam)
            return $"The case already waits on {currentTeam}.";
        if (to == DisputeStatus.Open && string.IsNullOrWhiteSpace(reason))
            return "Reopening a case needs a reason.";
        return null;
    }

    /// <summary>Why the case cannot be resolved now, or null when it can.</summary>
    public static string? RefuseResolution(DisputeStatus from) =>
        IsUnresolved(from) ? null : $"A case that is {from} is already decided; reopen it first.";
}
