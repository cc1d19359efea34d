using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Disputes;

/// <summary>
/// Counts what the SRE gauges show (undecided and overdue cases, the Billing outbox backlog)
/// every <c>Disputes:MetricsRefreshSeconds</c> (15 by default): four indexed counts, so a
/// scrape never waits on the database.
/// </summary>
public sealed class DisputesGaugeRefresher(
    IServiceScopeFactory scopes, DisputesMetrics metrics, IConfiguration configuration, TimeProvider clock,
    ILogger<DisputesGaugeRefresher> logger) : PeriodicWorker(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue("Disputes:MetricsRefreshSeconds", 15));

    protected override Task RunOnceAsync(CancellationToken ct) => RefreshAsync(ct);

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisputesDbContext>();
        var unresolved = DisputeWorkflow.UnresolvedStatuses.ToList();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var cases = db.Disputes.AsNoTracking().IgnoreAutoIncludes().Where(d => unresolved.Contains(d.Status));
        metrics.Update(new DisputesSnapshot(
            await cases.LongCountAsync(ct),
            await cases.LongCountAsync(d => d.SlaDueDate < today, ct),
            await db.Outbox.LongCountAsync(m => m.DeliveredAt == null && m.FailedAt == null, ct),
            await db.Outbox.LongCountAsync(m => m.FailedAt != null, ct)));
    }
}
