using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Disputes;

/// <summary>Undecided and overdue cases and the Billing outbox backlog: four indexed counts.</summary>
public sealed class DisputesGaugeRefresher(
    IServiceScopeFactory scopes, DisputesMetrics metrics, IConfiguration configuration, TimeProvider clock,
    ILogger<DisputesGaugeRefresher> logger) : GaugeRefresher<DisputesDbContext>(scopes, configuration, "Disputes", logger)
{
    protected override async Task RefreshAsync(DisputesDbContext db, CancellationToken ct)
    {
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
