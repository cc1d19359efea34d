using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Credit;

/// <summary>Configuration section <c>Collections:Credit</c>.</summary>
public sealed class CreditOptions
{
    /// <summary>An account with an invoice more days past due than this goes on hold.</summary>
    public int HoldDaysPastDue { get; init; } = 60;

    /// <summary>Days a release keeps an automatic hold away when the releaser names no date.</summary>
    public int ReleaseOverrideDays { get; init; } = 30;
}

/// <summary>The automatic hold rules: pure functions of exposure, limit and lateness.</summary>
public static class CreditPolicy
{
    /// <summary>
    /// Why the account should be on hold now, or <see cref="HoldReason.Unspecified"/>: over its
    /// limit (a limit of zero or none means no limit is set), or an invoice too many days late.
    /// A release's override date keeps the automatic hold away until then.
    /// </summary>
    public static HoldReason AutomaticHold(CreditOptions options, decimal exposure, decimal? limit, int maxDaysPastDue,
        DateOnly asOf, DateOnly? overrideUntil)
    {
        if (overrideUntil >= asOf) return HoldReason.Unspecified;
        if (limit > 0m && exposure > limit) return HoldReason.OverLimit;
        if (maxDaysPastDue > options.HoldDaysPastDue) return HoldReason.PastDue;
        return HoldReason.Unspecified;
    }

    /// <summary>Exposure ÷ limit × 100 to one decimal; null without a limit.</summary>
    public static decimal? UtilisationPercent(decimal exposure, decimal? limit) =>
        limit > 0m ? Math.Round(exposure / limit.Value * 100m, 1, MidpointRounding.AwayFromZero) : null;
}
