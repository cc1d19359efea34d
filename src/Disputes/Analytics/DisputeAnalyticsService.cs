using ArPlatform.Disputes.Data;
using ArPlatform.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Analytics;

/// <summary>
/// Reads the facts analytics needs in two flat queries (cases, then their items' products),
/// never the cases' notes or history, and hands them to the pure calculator.
/// </summary>
public sealed class DisputeAnalyticsService(DisputesDbContext db, TimeProvider clock)
{
    public async Task<Proto.DisputeAnalytics> GetAsync(Proto.GetDisputeAnalyticsRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var (from, to) = v.DateRange("from", request.From, "to", request.To);
        v.ThrowIfInvalid();

        var cases = db.Disputes.AsNoTracking().IgnoreAutoIncludes();
        if (from is { } f) { var start = f.ToDateTime(TimeOnly.MinValue); cases = cases.Where(d => d.OpenedAt >= start || d.ResolvedAt == null); }
        var rows = await cases
            .Select(d => new { d.Id, d.CustomerId, d.Reason, d.Owner, d.Status, d.Currency, d.Amount, d.OpenedAt, d.ResolvedAt, d.SlaDueDate })
            .ToListAsync(ct);
        var products = (await db.Disputes.AsNoTracking().IgnoreAutoIncludes()
                .SelectMany(d => d.Items, (d, i) => new { DisputeId = d.Id, i.ProductCode, i.Amount })
                .ToListAsync(ct))
            .ToLookup(p => p.DisputeId, p => (p.ProductCode, p.Amount), StringComparer.Ordinal);
        var facts = rows.Select(r => new DisputeFact(r.CustomerId, r.Reason, r.Owner, r.Status, r.Currency, r.Amount,
            r.OpenedAt, r.ResolvedAt, r.SlaDueDate, products[r.Id].ToList())).ToList();
        return DisputeAnalyticsCalculator.Compute(facts, from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
