using System.Globalization;
using ArPlatform.Billing.Data;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Fx;

/// <summary>The FX rate table: set (a rate for the same date and pair replaces the old one) and list.</summary>
public sealed class FxRateService(BillingDbContext db, CommandExecutor<BillingDbContext> commands)
{
    public const int MaxRates = 1000;

    public async Task<Proto.SetFxRatesResponse> SetAsync(Proto.SetFxRatesRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        if (request.Rates.Count is 0 or > MaxRates) v.Add("rates", $"between 1 and {MaxRates} rates");
        var rates = request.Rates.Select((r, i) =>
        {
            var field = $"rates[{i}]";
            var date = v.Date(field + ".date", r.Date, required: true);
            var baseCurrency = v.Currency(field + ".base_currency", r.BaseCurrency);
            var quoteCurrency = v.Currency(field + ".quote_currency", r.QuoteCurrency);
            if (baseCurrency is not null && baseCurrency == quoteCurrency) v.Add(field + ".quote_currency", "must differ from base_currency");
            var rate = v.Decimal(field + ".rate", r.Rate, required: true);
            if (rate <= 0m) v.Add(field + ".rate", "must be greater than zero");
            return new FxRate { Date = date ?? default, BaseCurrency = baseCurrency?.Code ?? "", QuoteCurrency = quoteCurrency?.Code ?? "", Rate = rate ?? 0m };
        }).ToList();
        if (rates.GroupBy(r => (r.Date, r.BaseCurrency, r.QuoteCurrency)).Any(g => g.Count() > 1))
            v.Add("rates", "one rate per date and currency pair");
        v.ThrowIfInvalid();

        return await commands.ExecuteAsync("SetFxRates", request.RequestId, request, async token =>
        {
            foreach (var rate in rates)
            {
                var stored = await db.FxRates.FindAsync([rate.BaseCurrency, rate.QuoteCurrency, rate.Date], token);
                var before = stored is null ? null : ToProto(stored);
                if (stored is null) db.FxRates.Add(stored = rate);
                else stored.Rate = rate.Rate;
                commands.Audit("fx-rate", $"{rate.BaseCurrency}/{rate.QuoteCurrency}/{rate.Date.ToText()}", before, ToProto(stored));
            }
            return new Proto.SetFxRatesResponse { Rates = { rates.Select(ToProto) } };
        }, ct);
    }

    public async Task<Proto.ListFxRatesResponse> ListAsync(Proto.ListFxRatesRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var (from, to) = v.DateRange("from_date", request.FromDate, "to_date", request.ToDate);
        v.ThrowIfInvalid();
        var query = db.FxRates.AsNoTracking();
        if (request.BaseCurrency.Length > 0) query = query.Where(r => r.BaseCurrency == request.BaseCurrency.ToUpperInvariant());
        if (request.QuoteCurrency.Length > 0) query = query.Where(r => r.QuoteCurrency == request.QuoteCurrency.ToUpperInvariant());
        if (from is { } f) query = query.Where(r => r.Date >= f);
        if (to is { } t) query = query.Where(r => r.Date <= t);
        var rows = await query.OrderBy(r => r.BaseCurrency).ThenBy(r => r.QuoteCurrency).ThenBy(r => r.Date).Take(10_000).ToListAsync(ct);
        return new Proto.ListFxRatesResponse { Rates = { rows.Select(ToProto) } };
    }

    /// <summary>The conversion into <paramref name="reportCurrency"/> on a date, or FAILED_PRECONDITION naming the missing pairs.</summary>
    public async Task<FxConversion> ConversionAsync(Currency reportCurrency, IReadOnlyCollection<string> currencies, DateOnly asOf, CancellationToken ct)
    {
        var others = currencies.Where(c => c != reportCurrency.Code).ToList();
        var table = await db.FxRates.AsNoTracking()
            .Where(r => r.Date <= asOf
                        && ((r.QuoteCurrency == reportCurrency.Code && others.Contains(r.BaseCurrency))
                            || (r.BaseCurrency == reportCurrency.Code && others.Contains(r.QuoteCurrency))))
            .ToListAsync(ct);
        var (conversion, missing) = FxConversion.For(reportCurrency, others, table, asOf);
        return conversion ?? throw new PreconditionFailedException("FX_RATE_MISSING", $"fx-rates/{reportCurrency.Code}",
            $"No rate on or before {asOf.ToText()} for {string.Join(", ", missing.Select(m => $"{m}/{reportCurrency.Code}"))}; set one with SetFxRates.");
    }

    public static Proto.FxRate ToProto(FxRate r) => new()
    {
        Date = r.Date.ToText(), BaseCurrency = r.BaseCurrency, QuoteCurrency = r.QuoteCurrency,
        Rate = r.Rate.ToString("0.##########", CultureInfo.InvariantCulture),
    };
}
