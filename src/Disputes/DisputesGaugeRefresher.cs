using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Workflow;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Disputes;

/// <summary>
/// Counts what the SRE gauges show (undecided and overdue cases, the Billing outbox backlog)
/// every <c>Disputes:MetricsRefreshSeconds</c> (15 by default): four indexed counts, so a
/// scrape never waits on the database.
/// </summary>
public sealed class DisputesGaugeRefresher(
    IServiceScopeFactory scopes, DisputesMetrics metrics, IConfiguration configuration, TimeProvider clock,
    ILogger<DisputesGaugeRefresher> logger) : BackgroundService
{
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

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var seconds = configuration.GetValue("Disputes:MetricsRefreshSeconds", 15);
        if (seconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(seconds));
        do
        {
            try
            {
                await RefreshAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // Stale gauges are better than none: try again on the next tick.
                logger.LogWarning(e, "Refreshing the disputes gauges failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
