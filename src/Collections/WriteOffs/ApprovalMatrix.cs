namespace ArPlatform.Collections.WriteOffs;

/// <summary>One tier of the matrix: amounts below <see cref="Below"/> (no bound when null) need one of <see cref="Roles"/>.</summary>
public sealed class ApprovalTier
{
    public decimal? Below { get; init; }
    public List<string> Roles { get; init; } = [];
}

/// <summary>
/// Configuration section <c>Collections:WriteOffApproval</c>: tiers by amount in the write-off's
/// own currency, with tiers of its own for a currency whose amounts are of another magnitude.
/// </summary>
public sealed class ApprovalMatrixOptions
{
    public List<ApprovalTier> Tiers { get; init; } = [];
    public Dictionary<string, List<ApprovalTier>> TiersByCurrency { get; init; } = new(StringComparer.Ordinal);
}

/// <summary>Who may approve a write-off: pure functions of the matrix, the amount and the people.</summary>
public static class ApprovalMatrix
{
    /// <summary>The roles the amount's tier names (the first tier it is below); none when the matrix has no tier for it.</summary>
    public static IReadOnlyList<string> ApproverRoles(ApprovalMatrixOptions matrix, decimal amount, string currency)
    {
        var tiers = matrix.TiersByCurrency.GetValueOrDefault(currency) ?? matrix.Tiers;
        return tiers.OrderBy(t => t.Below ?? decimal.MaxValue)
            .FirstOrDefault(t => t.Below is null || amount < t.Below)?.Roles ?? [];
    }

    /// <summary>Why <paramref name="approver"/> may not decide (a reason code and words), or null when they may.</summary>
    public static (string Code, string Why)? RefusalFor(string requester, string approver, Func<string, bool> approverHasRole, IReadOnlyList<string> tierRoles)
    {
        if (string.Equals(requester, approver, StringComparison.Ordinal))
            return ("SEGREGATION_OF_DUTIES", "The requester of a write-off can never approve or reject it.");
        if (!tierRoles.Any(approverHasRole))
            return ("APPROVAL_TIER", $"A write-off of this amount is decided by one of the roles {string.Join(", ", tierRoles)}.");
        return null;
    }
}
