using ArPlatform.Billing.Data;
using ArPlatform.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Gl;

/// <summary>
/// Keeps postings out of closed periods. Read once per request (inside its transaction, so a
/// close that commits first is seen by every posting that commits after it).
/// </summary>
public sealed class PeriodLock(BillingDbContext db)
{
    private DateOnly? _closedThrough;
    private bool _loaded;

    /// <summary>The last day of the last closed month, or null when no month is closed.</summary>
    public async Task<DateOnly?> ClosedThroughAsync(CancellationToken ct)
    {
        if (!_loaded)
        {
            _closedThrough = await db.ClosedPeriods.MaxAsync(p => (DateOnly?)p.LastDay, ct);
            _loaded = true;
        }
        return _closedThrough;
    }

    /// <summary>Refuses an accounting date the caller chose inside a closed period.</summary>
    public async Task EnsureOpenAsync(DateOnly date, CancellationToken ct)
    {
        if (await ClosedThroughAsync(ct) is { } closed && date <= closed)
            throw new PreconditionFailedException("PERIOD_CLOSED", $"periods/{ClosedPeriod.Name(date)}",
                $"{date:yyyy-MM-dd} falls in a closed period (closed through {closed:yyyy-MM-dd}); " +
                $"post the correction in the open period, on or after {closed.AddDays(1):yyyy-MM-dd}.");
    }

    /// <summary>
    /// For a date the caller did not choose (a reversal defaulting to its application's date): the
    /// date itself when its period is open, otherwise the first open day — corrections go to the
    /// open period.
    /// </summary>
    public async Task<DateOnly> FirstOpenOnOrAfterAsync(DateOnly date, CancellationToken ct) =>
        await ClosedThroughAsync(ct) is { } closed && date <= closed ? closed.AddDays(1) : date;

    /// <summary>After a close in this request, later postings see it.</summary>
    internal void Closed(DateOnly lastDay)
    {
        _closedThrough = lastDay;
        _loaded = true;
    }
}
