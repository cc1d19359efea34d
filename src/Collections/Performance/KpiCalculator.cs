namespace ArPlatform.Collections.Performance;

/// <summary>One currency's AR figures for a period, as Billing's roll-forward and aging give them.</summary>
public readonly record struct KpiInputs(
    decimal BeginningAr, decimal EndingAr, decimal EndingCurrentAr, decimal CreditSales, decimal WrittenOff, int DaysInPeriod);

/// <summary>One month of credit sales, newest first, for the countback method.</summary>
public readonly record struct MonthSales(int Days, decimal Sales);

/// <summary>The KPIs of DOMAIN.md, unrounded; null where the formula's divisor is zero.</summary>
public readonly record struct KpiFigures(
    decimal? Dso, decimal? BestPossibleDso, decimal? AverageDaysDelinquent, decimal? Cei, decimal? PercentCurrent, decimal? BadDebtPercent);

/// <summary>
/// The collections KPIs exactly as DOMAIN.md defines them. Conventions: average AR is the mean of
/// beginning and ending AR; "current" is not yet past its due date; CEI is taken over the whole
/// period's credit sales with write-offs left in (not subtracted from the numerator).
/// </summary>
public static class KpiCalculator
{
    public static KpiFigures Calculate(KpiInputs k)
    {
        var dso = Ratio((k.BeginningAr + k.EndingAr) / 2m, k.CreditSales) * k.DaysInPeriod;
        var bestPossible = Ratio(k.EndingCurrentAr, k.CreditSales) * k.DaysInPeriod;
        var cei = Ratio(k.BeginningAr + k.CreditSales - k.EndingAr, k.BeginningAr + k.CreditSales - k.EndingCurrentAr) * 100m;
        return new KpiFigures(
            dso, bestPossible, dso - bestPossible, cei,
            Ratio(k.EndingCurrentAr, k.EndingAr) * 100m,
            Ratio(k.WrittenOff, k.CreditSales) * 100m);
    }

    /// <summary>
    /// Countback DSO: ending AR is matched against each month's credit sales going back from the
    /// period end; whole months count their days, the last one its share. Null when the months
    /// given do not account for all of the AR.
    /// </summary>
    public static decimal? CountbackDso(decimal endingAr, IEnumerable<MonthSales> monthsNewestFirst)
    {
        var left = endingAr;
        var days = 0m;
        foreach (var month in monthsNewestFirst)
        {
            if (left <= 0m) return days;
            if (month.Sales <= 0m) { days += month.Days; continue; }
            if (left >= month.Sales) { days += month.Days; left -= month.Sales; continue; }
            return days + left * month.Days / month.Sales;
        }
        return left <= 0m ? days : null;
    }

    /// <summary>
    /// The currency the headline figures are in: the one asked for, else the functional (reporting)
    /// currency when one is configured, else the first with any activity in the period — a currency
    /// with nothing open and nothing moving has no KPIs to head the answer with. Null when none has.
    /// </summary>
    public static string? HeadlineCurrency(IEnumerable<(string Currency, bool Active)> currencies, string? requested, string? functional)
    {
        if (!string.IsNullOrEmpty(requested)) return requested;
        if (!string.IsNullOrEmpty(functional)) return functional;
        return currencies.Where(c => c.Active).Select(c => c.Currency).Order(StringComparer.Ordinal).FirstOrDefault();
    }

    /// <summary>One decimal, halves away from zero, as the API shows KPIs; empty when undefined.</summary>
    public static string Format(decimal? value) =>
        value is { } v ? Math.Round(v, 1, MidpointRounding.AwayFromZero).ToString("0.0", System.Globalization.CultureInfo.InvariantCulture) : "";

    private static decimal? Ratio(decimal numerator, decimal denominator) => denominator == 0m ? null : numerator / denominator;
}
