using ArPlatform.Collections.Data;
using ArPlatform.ServiceDefaults.Hosting;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections;

/// <summary>Collections' outboxes: mail for the SMTP server, approved write-offs for Billing (by index).</summary>
public sealed class CollectionsGaugeRefresher(
    IServiceScopeFactory scopes, CollectionsMetrics metrics, IConfiguration configuration, ILogger<CollectionsGaugeRefresher> logger)
    : GaugeRefresher<CollectionsDbContext>(scopes, configuration, "Collections", logger)
{
    protected override async Task RefreshAsync(CollectionsDbContext db, CancellationToken ct) =>
        metrics.Update(new CollectionsSnapshot(
            await db.Mail.LongCountAsync(m => m.SentAt == null && m.FailedAt == null, ct),
            await db.Mail.LongCountAsync(m => m.SentAt == null && m.FailedAt != null, ct),
            await db.WriteOffs.LongCountAsync(w => w.Status == Proto.WriteOffStatus.Approved, ct)));
}
