using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Fx;

/// <summary>
/// Amounts reported in a functional currency: each currency at its latest rate on or before the
/// report date, from the table either way round (a USD→EUR rate also converts EUR to USD).
/// </summary>
public sealed class FxConversion(Currency reportCurrency, IReadOnlyDictionary<string, FxRate> rates)
{
    public Currency ReportCurrency { get; } = reportCurrency;

    /// <summary>The rates used, one per currency converted.</summary>
    public IReadOnlyDictionary<string, FxRate> Rates { get; } = rates;

    /// <summary>The amount in the report currency, exact (round once, after summing).</summary>
    public decimal Convert(decimal amount, string currency)
    {
        if (currency == ReportCurrency.Code) return amount;
        var rate = Rates[currency];
        return rate.BaseCurrency == currency ? amount * rate.Rate : amount / rate.Rate;
    }

    /// <summary>
    /// Picks, for each currency, the newest rate on or before <paramref name="asOf"/> between it
    /// and the report currency; the currencies without one are returned instead.
    /// </summary>
    public static (FxConversion? Conversion, IReadOnlyList<string> Missing) For(
        Currency reportCurrency, IEnumerable<string> currencies, IEnumerable<FxRate> table, DateOnly asOf)
    {
        var usable = table.Where(r => r.Date <= asOf).ToList();
        var chosen = new Dictionary<string, FxRate>(StringComparer.Ordinal);
        var missing = new List<string>();
        foreach (var currency in currencies.Distinct(StringComparer.Ordinal).Where(c => c != reportCurrency.Code).Order(StringComparer.Ordinal))
        {
            var rate = usable
                .Where(r => (r.BaseCurrency == currency && r.QuoteCurrency == reportCurrency.Code)
                            || (r.BaseCurrency == reportCurrency.Code && r.QuoteCurrency == currency))
                .MaxBy(r => r.Date);
            if (rate is null) missing.Add(currency);
            else chosen[currency] = rate;
        }
        return missing.Count > 0 ? (null, missing) : (new FxConversion(reportCurrency, chosen), []);
    }
}
