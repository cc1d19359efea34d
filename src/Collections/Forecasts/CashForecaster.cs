namespace ArPlatform.Collections.Forecasts;

/// <summary>An open invoice as the forecast sees it.</summary>
public readonly record struct ForecastInvoice(string CustomerId, string Currency, DateOnly DueDate, decimal OpenAmount);

/// <summary>Cash a customer committed to: a promise or a plan instalment not yet paid.</summary>
public readonly record struct Commitment(string CustomerId, string Currency, DateOnly Date, decimal Amount);

/// <summary>Expected and committed cash of one week in one currency.</summary>
public readonly record struct WeekForecast(DateOnly WeekStart, string Currency, decimal Expected, decimal Committed);

/// <summary>
/// The weekly cash forecast. Commitments come in on their dates; the rest of a customer's open
/// invoices (oldest due first, less what the commitments cover) on their due date moved by the
/// customer's historical days-to-pay (how many days after the due date they pay, on average,
/// weighted by amount). Anything expected before as_of is expected in the first week; anything
/// after the horizon is reported as later.
/// </summary>
public static class CashForecaster
{
    public static DateOnly WeekStart(DateOnly date) => date.AddDays(-(((int)date.DayOfWeek + 6) % 7));

    public static (IReadOnlyList<WeekForecast> Weeks, IReadOnlyDictionary<string, decimal> Later) Forecast(
        IEnumerable<ForecastInvoice> invoices, IReadOnlyDictionary<string, decimal> daysToPayByCustomer,
        IEnumerable<Commitment> commitments, DateOnly asOf, int weeks)
    {
        var first = WeekStart(asOf);
        var horizon = first.AddDays(7 * weeks);
        var expected = new Dictionary<(DateOnly, string), (decimal Expected, decimal Committed)>();
        var later = new Dictionary<string, decimal>(StringComparer.Ordinal);
        var committedLeft = new Dictionary<(string, string), decimal>();

        void Add(DateOnly date, string currency, decimal amount, bool committed)
        {
            if (amount <= 0m) return;
            if (date >= horizon) { later[currency] = later.GetValueOrDefault(currency) + amount; return; }
            var key = (WeekStart(date < asOf ? asOf : date), currency);
            var (e, c) = expected.GetValueOrDefault(key);
            expected[key] = (e + amount, c + (committed ? amount : 0m));
        }

        foreach (var c in commitments)
        {
            Add(c.Date, c.Currency, c.Amount, committed: true);
            committedLeft[(c.CustomerId, c.Currency)] = committedLeft.GetValueOrDefault((c.CustomerId, c.Currency)) + c.Amount;
        }
        foreach (var invoice in invoices.OrderBy(i => i.DueDate))
        {
            var key = (invoice.CustomerId, invoice.Currency);
            var covered = Math.Min(committedLeft.GetValueOrDefault(key), invoice.OpenAmount);
            if (covered > 0m) committedLeft[key] -= covered;
            var delay = (int)Math.Round(daysToPayByCustomer.GetValueOrDefault(invoice.CustomerId), MidpointRounding.AwayFromZero);
            Add(invoice.DueDate.AddDays(delay), invoice.Currency, invoice.OpenAmount - covered, committed: false);
        }
        var rows = expected.Select(e => new WeekForecast(e.Key.Item1, e.Key.Item2, e.Value.Expected, e.Value.Committed))
            .OrderBy(w => w.WeekStart).ThenBy(w => w.Currency, StringComparer.Ordinal).ToList();
        return (rows, later);
    }

    /// <summary>100 − |actual − forecast| ÷ forecast × 100, floored at 0; null without a forecast.</summary>
    public static decimal? AccuracyPercent(decimal forecast, decimal actual) =>
        forecast <= 0m ? null : Math.Max(0m, 100m - Math.Abs(actual - forecast) / forecast * 100m);
}
