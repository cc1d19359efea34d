using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Data;
using ArPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.CashApplication;

/// <summary>Cash waiting to be placed and its age, and the outbox of applications for Billing.</summary>
public sealed class CashApplicationGaugeRefresher(
    IServiceScopeFactory scopes, CashApplicationMetrics metrics, IConfiguration configuration, TimeProvider clock,
    ILogger<CashApplicationGaugeRefresher> logger) : GaugeRefresher<CashApplicationDbContext>(scopes, configuration, "CashApplication", logger)
{
    protected override async Task RefreshAsync(CashApplicationDbContext db, CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cash = await UnappliedCash.ReadAsync(db.Payments.AsNoTracking().IgnoreAutoIncludes(), today, ct);
        metrics.Update(new CashApplicationSnapshot(
            cash,
            cash.OldestBookingDate is { } oldest ? today.DayNumber - oldest.DayNumber : 0,
            await db.Applications.LongCountAsync(a => a.NextAttemptAt != null, ct),
            await db.Applications.LongCountAsync(a => a.Status == ApplicationStatus.Failed, ct)));
    }
}
