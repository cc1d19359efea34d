using ArPlatform.Disputes.Data;
using ArPlatform.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Analytics;

/// <summary>
/// Reads the facts analytics needs in one flat query (cases with their items' products), never
/// the cases' notes or history, and hands them to the pure calculator.
/// </summary>
public sealed class DisputeAnalyticsService(DisputesDbContext db, TimeProvider clock)
{
    public async Task<Proto.DisputeAnalytics> GetAsync(Proto.GetDisputeAnalyticsRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var (from, to) = v.DateRange("from", request.From, "to", request.To);
        v.ThrowIfInvalid();

        var cases = db.Disputes.AsNoTracking().IgnoreAutoIncludes();
        if (from is { } f)
        {
            // Cases opened before the window matter only while still unresolved (open now).
            var start = f.ToDateTime(TimeOnly.MinValue);
            cases = cases.Where(d => d.OpenedAt >= start || d.ResolvedAt == null);
        }
        // One row per item: a case's own columns repeat for each of its items (mostly one); its
        // amount is the sum of its items'.
        var rows = await cases.SelectMany(d => d.Items, (d, i) => new
            {
                d.Id, d.CustomerId, d.Reason, d.Owner, d.Status, d.Currency, d.OpenedAt, d.ResolvedAt, d.SlaDueDate,
                i.ProductCode, ItemAmount = i.Amount,
            })
            .ToListAsync(ct);
        var facts = rows.GroupBy(r => r.Id, StringComparer.Ordinal).Select(g =>
        {
            var r = g.First();
            var products = g.Select(i => (i.ProductCode, i.ItemAmount)).ToList();
            return new DisputeFact(r.CustomerId, r.Reason, r.Owner, r.Status, r.Currency, products.Sum(p => p.ItemAmount),
                r.OpenedAt, r.ResolvedAt, r.SlaDueDate, products);
        }).ToList();
        return DisputeAnalyticsCalculator.Compute(facts, from, to, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
    }
}
