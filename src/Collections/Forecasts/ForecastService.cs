using System.Globalization;
using ArPlatform.Collections.BillingReads;
using ArPlatform.Collections.Data;
using ArPlatform.Collections.Promises;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Billing = ArPlatform.Contracts.Billing.V1;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Forecasts;

/// <summary>
/// The weekly cash forecast from Billing's open invoices and each customer's payment habit, with
/// promises and plan instalments as committed cash. Each forecast is kept per week, so a past
/// week shows what was forecast before it began beside the cash Billing actually applied in it.
/// A collector without a wider role gets their own portfolio's forecast; it is not kept (what is
/// kept is the company's), so their past weeks show only the cash that arrived.
/// </summary>
public sealed class ForecastService(
    CollectionsDbContext db, BillingReader reader, Billing.BillingService.BillingServiceClient billing, CallerContext caller, TimeProvider clock)
{
    public async Task<Proto.CashForecast> GetAsync(Proto.GetCashForecastRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var asOf = v.Date("as_of", request.AsOf) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.Weeks is < 0 or > 26) v.Add("weeks", "must be 1 to 26 (13 when unset)");
        if (request.PastWeeks is < 0 or > 26) v.Add("past_weeks", "must be 0 to 26");
        v.ThrowIfInvalid();
        var weeks = request.Weeks == 0 ? 13 : request.Weeks;

        var owner = caller.PortfolioOwner;
        Func<string, bool> inScope = _ => true;
        if (owner is not null)
        {
            var theirs = await reader.CustomersAsync(owner, ct);
            inScope = theirs.ContainsKey;
        }
        var habits = await HabitsAsync(asOf, ct);
        var invoices = new List<ForecastInvoice>();
        await foreach (var i in reader.OpenInvoicesAsync(customerId: null, ct))
            if (inScope(i.CustomerId)) invoices.Add(new ForecastInvoice(i.CustomerId, i.Currency, i.DueDate, i.OpenAmount));
        var commitments = (await CommitmentsAsync(asOf, ct)).Where(c => inScope(c.CustomerId)).ToList();
        var (forecast, later) = CashForecaster.Forecast(invoices, habits, commitments, asOf, weeks);
        if (owner is null) await KeepAsync(forecast, asOf, ct);

        var result = new Proto.CashForecast { AsOf = asOf.ToText() };
        result.Weeks.AddRange(await PastWeeksAsync(CashForecaster.WeekStart(asOf), request.PastWeeks, owner, ct));
        result.Weeks.AddRange(forecast.Select(w => new Proto.ForecastWeek
        {
            WeekStart = w.WeekStart.ToText(), Currency = w.Currency,
            Expected = MoneyMapping.ToProto(Currency.Of(w.Currency).Round(w.Expected), w.Currency),
            Committed = MoneyMapping.ToProto(Currency.Of(w.Currency).Round(w.Committed), w.Currency),
        }));
        result.Later.AddRange(later.OrderBy(l => l.Key, StringComparer.Ordinal).Select(l => MoneyMapping.ToProto(l.Value, l.Key)));
        return result;
    }

    private async Task<Dictionary<string, decimal>> HabitsAsync(DateOnly asOf, CancellationToken ct)
    {
        var habits = new Dictionary<string, decimal>(StringComparer.Ordinal);
        using var stream = billing.StreamPaymentBehaviour(new Billing.StreamPaymentBehaviourRequest { Since = asOf.AddYears(-1).ToText() },
            deadline: DateTime.UtcNow.AddMinutes(5), cancellationToken: ct);
        await foreach (var h in stream.ResponseStream.ReadAllAsync(ct))
            habits[h.CustomerId] = decimal.Parse(h.AverageDaysLate, CultureInfo.InvariantCulture);
        return habits;
    }

    /// <summary>What is still to come of open promises and active plans.</summary>
    private async Task<List<Commitment>> CommitmentsAsync(DateOnly asOf, CancellationToken ct)
    {
        var commitments = new List<Commitment>();
        foreach (var p in await db.Promises.AsNoTracking().Where(p => p.Status == Proto.PromiseStatus.Open).ToListAsync(ct))
            commitments.Add(new Commitment(p.CustomerId, p.Currency, p.PromisedDate, Math.Max(0m, p.Amount - p.Paid)));
        foreach (var plan in await db.Plans.AsNoTracking().Where(p => p.Status == Proto.PaymentPlanStatus.Active).ToListAsync(ct))
            commitments.AddRange(PromiseRules.Allocate(plan.Schedule(), plan.Paid)
                .Select(i => new Commitment(plan.CustomerId, plan.Currency, i.DueDate, i.Unpaid)));
        return commitments;
    }

    /// <summary>Keeps today's forecast of each week (the latest of the day replaces an earlier one).</summary>
    private async Task KeepAsync(IReadOnlyList<WeekForecast> forecast, DateOnly madeOn, CancellationToken ct)
    {
        await db.ForecastSnapshots.Where(s => s.MadeOn == madeOn).ExecuteDeleteAsync(ct);
        db.ForecastSnapshots.AddRange(forecast.Select(w => new ForecastSnapshot { WeekStart = w.WeekStart, Currency = w.Currency, MadeOn = madeOn, Expected = w.Expected }));
        await db.SaveChangesAsync(ct);
        db.ChangeTracker.Clear();
    }

    /// <summary>
    /// For each past week: the cash Billing applied in it, and the last forecast made before it
    /// began — for a collector, their portfolio's cash and no forecast (none of theirs is kept).
    /// </summary>
    private async Task<List<Proto.ForecastWeek>> PastWeeksAsync(DateOnly thisWeek, int count, string? collector, CancellationToken ct)
    {
        var rows = new List<Proto.ForecastWeek>();
        for (var week = thisWeek.AddDays(-7 * count); week < thisWeek; week = week.AddDays(7))
        {
            var start = week;
            var actual = await billing.GetArRollForwardAsync(new Billing.GetArRollForwardRequest
            {
                FromDate = start.ToText(), ToDate = start.AddDays(6).ToText(), Collector = collector ?? "",
            }, cancellationToken: ct);
            var forecasts = new Dictionary<string, decimal>(StringComparer.Ordinal);
            if (collector is null)
                forecasts = (await db.ForecastSnapshots.AsNoTracking().Where(s => s.WeekStart == start && s.MadeOn < start).ToListAsync(ct))
                    .GroupBy(s => s.Currency).ToDictionary(g => g.Key, g => g.MaxBy(s => s.MadeOn)!.Expected, StringComparer.Ordinal);
            var currencies = actual.Rows.Select(r => r.Currency).Union(forecasts.Keys).Order(StringComparer.Ordinal);
            foreach (var currency in currencies)
            {
                var cash = actual.Rows.FirstOrDefault(r => r.Currency == currency)?.Collected.ToDecimal() ?? 0m;
                var forecast = forecasts.GetValueOrDefault(currency);
                var accuracy = forecasts.ContainsKey(currency) ? CashForecaster.AccuracyPercent(forecast, cash) : null;
                rows.Add(new Proto.ForecastWeek
                {
                    WeekStart = start.ToText(), Currency = currency,
                    Expected = MoneyMapping.ToProto(Currency.Of(currency).Round(forecast), currency),
                    Actual = MoneyMapping.ToProto(cash, currency),
                    AccuracyPercent = accuracy is { } a ? Math.Round(a, 1, MidpointRounding.AwayFromZero).ToString("0.0", CultureInfo.InvariantCulture) : "",
                });
            }
        }
        return rows;
    }
}
