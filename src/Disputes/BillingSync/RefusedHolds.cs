using System.Linq.Expressions;
using ArPlatform.Disputes.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Disputes.BillingSync;

/// <summary>
/// Holds Billing refused for good, as the outbox records them. Only a refusal of a hold sent since
/// its case last opened (opened, or reopened) speaks of the claim the case makes now; an older one
/// was about a claim it has since given up or made again.
/// </summary>
internal static class RefusedHolds
{
    /// <summary>The current refusal of each case among <paramref name="cases"/> that has one.</summary>
    public static async Task<Dictionary<string, OutboxMessage>> SinceLastOpenedAsync(
        DisputesDbContext db, Expression<Func<OutboxMessage, bool>> cases, CancellationToken ct)
    {
        // A refused change is never delivered: saying so lets the (DeliveredAt, FailedAt) index find
        // the few refusals instead of every pass reading the whole outbox.
        var refused = await db.Outbox.AsNoTracking()
            .Where(m => m.DeliveredAt == null && m.FailedAt != null && m.Kind == BillingChangeKind.MarkDisputed).Where(cases)
            .OrderBy(m => m.Id).ToListAsync(ct);
        if (refused.Count == 0) return [];
        var ids = refused.Select(m => m.DisputeId).Distinct().ToList();
        var opened = await db.Disputes.AsNoTracking().AsSplitQuery().Where(d => ids.Contains(d.Id))
            .ToDictionaryAsync(d => d.Id, d => d.LastOpenedAt(), ct);
        return refused.Where(m => m.CreatedAt >= opened[m.DisputeId])
            .GroupBy(m => m.DisputeId).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
    }
}
