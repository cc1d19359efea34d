using System.Globalization;
using ArPlatform.Collections.BillingReads;
using ArPlatform.Collections.Data;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Performance;

/// <summary>Configuration section <c>Collections:Kpis</c>.</summary>
public sealed class KpiOptions
{
    /// <summary>The functional (reporting) currency the headline KPIs are in; empty: the first currency with activity.</summary>
    public string FunctionalCurrency { get; init; } = "";
}

/// <summary>
/// The period's KPIs per currency from Billing's AR roll-forward (beginning, credit sales,
/// collected, written off, ending) and its aging at the period end (current AR), the countback
/// DSO from the same roll-forward month by month, and the promise-kept rate from Collections's
/// own decisions. A collector without a wider role gets their own portfolio's figures: Billing is
/// asked for that collector's customers only, as it answers this service for every customer.
/// </summary>
public sealed class KpiService(
    CollectionsDbContext db, Billing.BillingService.BillingServiceClient billing, BillingReader reader, CallerContext caller, IOptions<KpiOptions> options)
{
    /// <summary>Months the countback looks back at most.</summary>
    private const int CountbackMonths = 12;

    public async Task<Proto.Kpis> GetAsync(Proto.GetKpisRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var start = v.Date("period_start", request.PeriodStart, required: true);
        var end = v.Date("period_end", request.PeriodEnd, required: true);
        if (start > end) v.Add("period_end", "must not be before period_start");
        if (request.Currency.Length > 0) v.Currency("currency", request.Currency);
        v.ThrowIfInvalid();
        var (from, to) = (start!.Value, end!.Value);
        var days = to.DayNumber - from.DayNumber + 1;
        var collector = caller.PortfolioOwner ?? "";

        // Billing's monthly roll-forward for the countback window, which also gives the period itself
        // when it starts on the first of a month (one read of the ledger instead of two); the
        // aging at the period end alongside.
        var windowStart = new DateOnly(to.Year, to.Month, 1).AddMonths(1 - CountbackMonths);
        var oneRead = from.Day == 1;
        if (oneRead && from < windowStart) windowStart = from;
        var monthlyCall = billing.GetArRollForwardAsync(new Billing.GetArRollForwardRequest
        {
            FromDate = windowStart.ToText(), ToDate = to.ToText(), Monthly = true, Collector = collector,
        }, cancellationToken: ct).ResponseAsync;
        var agingCall = billing.GetAgingReportAsync(new Billing.GetAgingReportRequest
        {
            AsOf = to.ToText(), GroupBy = Billing.AgingGroupBy.Currency, Collector = collector,
        }, cancellationToken: ct).ResponseAsync;
        var periodCall = oneRead ? null : billing.GetArRollForwardAsync(new Billing.GetArRollForwardRequest
        {
            FromDate = from.ToText(), ToDate = to.ToText(), Collector = collector,
        }, cancellationToken: ct).ResponseAsync;
        var monthsRead = await monthlyCall;
        var current = (await agingCall).Totals.ToDictionary(t => t.Currency, t => t.Current.ToDecimal(), StringComparer.Ordinal);
        var periodRows = periodCall is null ? PeriodOf(monthsRead, from) : (await periodCall).Rows.ToList();
        var rows = periodRows.Where(r => request.Currency.Length == 0 || r.Currency == request.Currency).OrderBy(r => r.Currency, StringComparer.Ordinal).ToList();
        var monthly = MonthlySales(monthsRead, to);
        var kpis = new Proto.Kpis { PeriodStart = from.ToText(), PeriodEnd = to.ToText(), DaysInPeriod = days, DsoMethod = "SIMPLE" };
        foreach (var row in rows)
        {
            var inputs = new KpiInputs(row.Beginning.ToDecimal(), row.Ending.ToDecimal(), current.GetValueOrDefault(row.Currency),
                row.Billed.ToDecimal(), row.WrittenOff.ToDecimal(), days);
            var f = KpiCalculator.Calculate(inputs);
            kpis.Currencies.Add(new Proto.CurrencyKpis
            {
                Currency = row.Currency,
                Dso = KpiCalculator.Format(f.Dso), BestPossibleDso = KpiCalculator.Format(f.BestPossibleDso),
                AverageDaysDelinquent = KpiCalculator.Format(f.AverageDaysDelinquent), Cei = KpiCalculator.Format(f.Cei),
                PercentCurrent = KpiCalculator.Format(f.PercentCurrent), BadDebtPercent = KpiCalculator.Format(f.BadDebtPercent),
                CountbackDso = KpiCalculator.Format(KpiCalculator.CountbackDso(inputs.EndingAr, monthly.GetValueOrDefault(row.Currency) ?? [])),
                BeginningAr = row.Beginning, EndingAr = row.Ending, EndingCurrentAr = MoneyMapping.ToProto(inputs.EndingCurrentAr, row.Currency),
                CreditSales = row.Billed, Collected = row.Collected, WrittenOff = row.WrittenOff,
            });
        }
        kpis.HeadlineCurrency = KpiCalculator.HeadlineCurrency(rows.Select(r => (r.Currency, HasActivity(r))), request.Currency, options.Value.FunctionalCurrency) ?? "";
        if (kpis.Currencies.FirstOrDefault(c => c.Currency == kpis.HeadlineCurrency) is { } headline)
        {
            kpis.Dso = headline.Dso;
            kpis.BestPossibleDso = headline.BestPossibleDso;
            kpis.AverageDaysDelinquent = headline.AverageDaysDelinquent;
            kpis.Cei = headline.Cei;
            kpis.PercentCurrent = headline.PercentCurrent;
            kpis.BadDebtPercent = headline.BadDebtPercent;
        }
        var decided = await db.Promises.AsNoTracking()
            .Where(p => p.DecidedOn >= from && p.DecidedOn <= to && p.Status != Proto.PromiseStatus.Cancelled)
            .Select(p => new { p.CustomerId, p.Status }).ToListAsync(ct);
        if (caller.PortfolioOwner is { } owner)
        {
            var theirs = await reader.CustomersAsync(owner, ct);
            decided = decided.Where(p => theirs.ContainsKey(p.CustomerId)).ToList();
        }
        kpis.PromisesDecided = decided.Count;
        var kept = decided.Count(d => d.Status == Proto.PromiseStatus.Kept);
        kpis.PromiseKeptRate = KpiCalculator.Format(kpis.PromisesDecided == 0 ? null : 100m * kept / kpis.PromisesDecided);
        return kpis;
    }

    private static bool HasActivity(Billing.RollForwardRow r) =>
        new[] { r.Beginning, r.Billed, r.Collected, r.Credited, r.WrittenOff, r.Adjustments, r.Ending }.Any(m => m.ToDecimal() != 0m);

    /// <summary>The period's roll-forward from the months that make it up (the period starts on a month's first day).</summary>
    private static List<Billing.RollForwardRow> PeriodOf(Billing.ArRollForward months, DateOnly from)
    {
        var inPeriod = months.Months.Where(m => string.CompareOrdinal(m.Month, from.ToString("yyyy-MM", CultureInfo.InvariantCulture)) >= 0).ToList();
        return inPeriod.SelectMany(m => m.Rows).GroupBy(r => r.Currency).Select(g =>
        {
            var rows = g.ToList();
            var currency = g.Key;
            Contracts.Common.V1.Money Sum(Func<Billing.RollForwardRow, Contracts.Common.V1.Money> field) => MoneyMapping.ToProto(rows.Sum(r => field(r).ToDecimal()), currency);
            return new Billing.RollForwardRow
            {
                Currency = currency, Beginning = rows[0].Beginning, Ending = rows[^1].Ending,
                Billed = Sum(r => r.Billed), Collected = Sum(r => r.Collected), Credited = Sum(r => r.Credited),
                WrittenOff = Sum(r => r.WrittenOff), Adjustments = Sum(r => r.Adjustments),
            };
        }).ToList();
    }

    /// <summary>Credit sales per calendar month going back from <paramref name="end"/> (the first month ends there), newest first.</summary>
    private static Dictionary<string, List<MonthSales>> MonthlySales(Billing.ArRollForward rollForward, DateOnly end)
    {
        var months = new Dictionary<string, List<MonthSales>>(StringComparer.Ordinal);
        foreach (var month in rollForward.Months.Reverse())
        {
            var start = DateOnly.ParseExact(month.Month + "-01", "yyyy-MM-dd", CultureInfo.InvariantCulture);
            var days = Math.Min(end.DayNumber, start.AddMonths(1).DayNumber - 1) - start.DayNumber + 1;
            foreach (var row in month.Rows)
            {
                if (!months.TryGetValue(row.Currency, out var list)) months[row.Currency] = list = [];
                list.Add(new MonthSales(days, row.Billed.ToDecimal()));
            }
        }
        return months;
    }
}
