using ArPlatform.Collections.Data;
using ArPlatform.Collections.Forecasts;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Hosting;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Dunning;

/// <summary>
/// Runs dunning once a day from <c>Collections:Dunning:DailyRunHourUtc</c> on (checking every
/// quarter hour), unless a scheduled run for today has finished or a run as of a later day
/// exists (a real run may not go back before it); then keeps the day's cash
/// forecast, so past weeks can show their accuracy. One replica runs it (a lease in the
/// database); one that took over from a replica that died mid-run finds its steps already taken.
/// </summary>
public sealed class DunningScheduleWorker(IServiceScopeFactory scopes, IOptions<DunningOptions> options, TimeProvider clock,
    ReplicaLease<CollectionsDbContext> lease, ILogger<DunningScheduleWorker> logger)
    : PeriodicWorker(logger)
{
    protected override TimeSpan Interval => options.Value.DailyRunHourUtc < 0 ? TimeSpan.Zero : TimeSpan.FromMinutes(15);

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        if (now.Hour < options.Value.DailyRunHourUtc) return;
        var today = DateOnly.FromDateTime(now);
        // One replica runs the day's dunning; the others find it done on their next look.
        await using var running = await lease.TryTakeAsync("dunning-schedule", TimeSpan.FromMinutes(10), ct);
        if (running is null) return;
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CollectionsDbContext>();
        if (await db.DunningRuns.AnyAsync(r => (r.AsOf == today && r.Scheduled) || r.AsOf > today, ct)) return;
        await scope.ServiceProvider.GetRequiredService<DunningRunner>().RunAsync(new Proto.RunDunningRequest { AsOf = today.ToText() }, scheduled: true, ct);
        await scope.ServiceProvider.GetRequiredService<ForecastService>().GetAsync(new Proto.GetCashForecastRequest { AsOf = today.ToText() }, ct);
    }
}
