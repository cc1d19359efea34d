using System.Globalization;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.Disputes.Workflow;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Analytics;

/// <summary>One case as analytics sees it; <see cref="Products"/> are its items' product codes and amounts.</summary>
public sealed record DisputeFact(
    string CustomerId, DisputeReason Reason, string Owner, DisputeStatus Status, string Currency, decimal Amount,
    DateTime OpenedAt, DateTime? ResolvedAt, DateOnly SlaDueDate, IReadOnlyList<(string Product, decimal Amount)> Products);

/// <summary>
/// Dispute analytics as pure arithmetic over facts. Cycle time is days from opening to
/// resolution (fractional, shown to one decimal): mean, median, and p90 by nearest rank. A case
/// is resolved within SLA when resolved on or before its due date. Breakdowns list the
/// <see cref="TopGroups"/> largest groups by count.
/// </summary>
public static class DisputeAnalyticsCalculator
{
    public const int TopGroups = 50;
    private const string Unassigned = "(unassigned)";
    private const string NoProduct = "(none)";

    public static Proto.DisputeAnalytics Compute(IReadOnlyList<DisputeFact> all, DateOnly? from, DateOnly? to, DateOnly today)
    {
        var open = all.Where(f => DisputeWorkflow.IsUnresolved(f.Status)).ToList();
        var window = all.Where(f => InWindow(DateOnly.FromDateTime(f.OpenedAt), from, to)).ToList();
        var resolved = window.Where(f => f.ResolvedAt is not null).ToList();
        var result = new Proto.DisputeAnalytics
        {
            OpenCount = open.Count,
            OpenAmount = { PerCurrency(open.Select(f => (f.Currency, f.Amount))) },
            OverdueCount = open.Count(f => DisputeSla.IsOverdue(f.Status, f.SlaDueDate, today)),
            CycleTime = CycleTime(resolved),
            ResolvedWithinSlaPercent = Percent(
                resolved.Count(f => DateOnly.FromDateTime(f.ResolvedAt!.Value) <= f.SlaDueDate), resolved.Count),
            ByReason = { Groups(window.Select(f => (WireName(f.Reason), f, f.Amount))) },
            ByCustomer = { Groups(window.Select(f => (f.CustomerId, f, f.Amount))) },
            ByProduct = { Groups(window.SelectMany(f => f.Products.Select(p => (p.Product.Length > 0 ? p.Product : NoProduct, f, p.Amount)))) },
            ByOwner = { Groups(window.Select(f => (f.Owner.Length > 0 ? f.Owner : Unassigned, f, f.Amount))) },
            RepeatDisputeRatePercent = Percent(
                window.GroupBy(f => f.CustomerId).Count(g => g.Count() > 1), window.Select(f => f.CustomerId).Distinct().Count()),
            RepeatByCustomer = { RepeatsByCustomer(window) },
            RepeatByReason = { RepeatsByReason(window) },
            Trend = { Trend(window) },
        };
        return result;
    }

    /// <summary>Days from opening to resolution of each case.</summary>
    public static Proto.CycleTime CycleTime(IReadOnlyCollection<DisputeFact> resolved)
    {
        var days = resolved.Select(f => (decimal)(f.ResolvedAt!.Value - f.OpenedAt).TotalDays).Order().ToList();
        if (days.Count == 0) return new Proto.CycleTime();
        var middle = days.Count / 2;
        var median = days.Count % 2 == 1 ? days[middle] : (days[middle - 1] + days[middle]) / 2m;
        var p90 = days[(int)Math.Ceiling(days.Count * 0.9m) - 1];
        return new Proto.CycleTime
        {
            ResolvedCount = days.Count, MeanDays = OneDecimal(days.Average()), MedianDays = OneDecimal(median), P90Days = OneDecimal(p90),
        };
    }

    public static string Percent(int part, int whole) =>
        whole == 0 ? "" : OneDecimal(part * 100m / whole);

    private static IEnumerable<Proto.AnalyticsGroup> Groups(IEnumerable<(string Key, DisputeFact Fact, decimal Amount)> rows) =>
        rows.GroupBy(r => r.Key, StringComparer.Ordinal)
            .Select(g => new Proto.AnalyticsGroup
            {
                Key = g.Key,
                Count = g.Count(),
                OpenCount = g.Count(r => DisputeWorkflow.IsUnresolved(r.Fact.Status)),
                Amount = { PerCurrency(g.Select(r => (r.Fact.Currency, r.Amount))) },
                CycleTime = CycleTime(g.Select(r => r.Fact).Where(f => f.ResolvedAt is not null).ToList()),
            })
            .OrderByDescending(g => g.Count).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(TopGroups);

    /// <summary>Per customer: of its cases, those repeating the reason of an earlier case of the customer.</summary>
    private static IEnumerable<Proto.RepeatRate> RepeatsByCustomer(IEnumerable<DisputeFact> window) =>
        window.GroupBy(f => f.CustomerId, StringComparer.Ordinal)
            .Select(g => (Key: g.Key, Base: g.Count(), Repeats: g.Count() - g.Select(f => f.Reason).Distinct().Count()))
            .Where(r => r.Repeats > 0)
            .OrderByDescending(r => r.Repeats).ThenBy(r => r.Key, StringComparer.Ordinal)
            .Take(TopGroups)
            .Select(r => new Proto.RepeatRate { Key = r.Key, Base = r.Base, Repeats = r.Repeats, Percent = Percent(r.Repeats, r.Base) });

    /// <summary>Per reason: of the customers with a case of that reason, those with two or more.</summary>
    private static IEnumerable<Proto.RepeatRate> RepeatsByReason(IEnumerable<DisputeFact> window) =>
        window.GroupBy(f => f.Reason)
            .Select(g =>
            {
                var perCustomer = g.GroupBy(f => f.CustomerId).ToList();
                var repeats = perCustomer.Count(c => c.Count() > 1);
                return new Proto.RepeatRate
                {
                    Key = WireName(g.Key), Base = perCustomer.Count, Repeats = repeats, Percent = Percent(repeats, perCustomer.Count),
                };
            })
            .OrderBy(r => r.Key, StringComparer.Ordinal);

    private static IEnumerable<Proto.MonthTrend> Trend(IReadOnlyCollection<DisputeFact> window)
    {
        var opened = window.ToLookup(f => Month(f.OpenedAt));
        var resolved = window.Where(f => f.ResolvedAt is not null).ToLookup(f => Month(f.ResolvedAt!.Value));
        return opened.Select(g => g.Key).Union(resolved.Select(g => g.Key)).Order(StringComparer.Ordinal)
            .Select(month => new Proto.MonthTrend
            {
                Month = month,
                Opened = opened[month].Count(),
                Resolved = resolved[month].Count(),
                OpenedAmount = { PerCurrency(opened[month].Select(f => (f.Currency, f.Amount))) },
            });
    }

    private static IEnumerable<Money> PerCurrency(IEnumerable<(string Currency, decimal Amount)> amounts) =>
        amounts.GroupBy(a => a.Currency, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => MoneyMapping.ToProto(g.Sum(a => a.Amount), g.Key));

    /// <summary>Reason keys as the wire spells the reason codes: QualityDamage → QUALITY_DAMAGE.</summary>
    private static string WireName(DisputeReason reason) =>
        string.Concat(reason.ToString().Select((c, i) => i > 0 && char.IsUpper(c) ? "_" + c : c.ToString())).ToUpperInvariant();

    private static bool InWindow(DateOnly opened, DateOnly? from, DateOnly? to) =>
        (from is null || opened >= from) && (to is null || opened <= to);

    private static string Month(DateTime at) => at.ToString("yyyy-MM", CultureInfo.InvariantCulture);

    private static string OneDecimal(decimal value) => Math.Round(value, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture);
}
