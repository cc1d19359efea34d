using System.Globalization;
using ArPlatform.SharedKernel;
using ProtoMoney = ArPlatform.Contracts.Common.V1.Money;

namespace ArPlatform.ServiceDefaults.Errors;

/// <summary>
/// Parses wire values into domain values, recording a field violation (and returning a default)
/// for anything malformed, so one pass over a request reports every bad field.
/// </summary>
public static class WireParsing
{
    public static Currency? Currency(this Validator v, string field, string code)
    {
        if (string.IsNullOrEmpty(code)) { v.Add(field, "is required"); return null; }
        if (SharedKernel.Currency.TryParse(code, out var currency)) return currency;
        v.Add(field, $"'{code}' is not an ISO 4217 currency code");
        return null;
    }

    /// <summary>
    /// A money amount with at most <paramref name="maxDecimals"/> decimals (the currency's
    /// minor units when null): prices may be finer than the currency, totals may not.
    /// </summary>
    public static SharedKernel.Money? Money(this Validator v, string field, ProtoMoney? money,
        bool required = true, bool allowNegative = false, int? maxDecimals = null)
    {
        if (money is null)
        {
            if (required) v.Add(field, "is required");
            return null;
        }
        var currency = v.Currency(field + ".currency", money.Currency);
        var amount = v.Decimal(field + ".amount", money.Amount, required: true);
        if (currency is null || amount is null) return null;
        var decimals = maxDecimals ?? currency.MinorUnits;
        if (Math.Round(amount.Value, decimals) != amount.Value)
        {
            v.Add(field + ".amount", $"has more than {decimals} decimal places for {currency.Code}");
            return null;
        }
        if (!allowNegative && amount < 0m)
        {
            v.Add(field + ".amount", "must not be negative");
            return null;
        }
        return new SharedKernel.Money(amount.Value, currency);
    }

    public static decimal? Decimal(this Validator v, string field, string text, bool required = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required) v.Add(field, "is required");
            return null;
        }
        if (DecimalText.TryParse(text, out var value)) return value;
        v.Add(field, $"'{Truncate(text)}' is not a decimal number (digits, optional '-' and '.')");
        return null;
    }

    /// <summary>A percentage from 0 to 100 with at most four decimals; empty means 0.</summary>
    public static decimal Percent(this Validator v, string field, string text)
    {
        var value = v.Decimal(field, text);
        if (value is null) return 0m;
        if (value < 0m || value > 100m) v.Add(field, "must be between 0 and 100");
        else if (Math.Round(value.Value, 4) != value) v.Add(field, "has more than 4 decimal places");
        return value.Value;
    }

    /// <summary>
    /// A business date, YYYY-MM-DD, within <see cref="BusinessDate.Earliest"/> and
    /// <see cref="BusinessDate.Latest"/>: every date a service takes passes here, so none can
    /// overflow the arithmetic done with it.
    /// </summary>
    public static DateOnly? Date(this Validator v, string field, string text, bool required = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required) v.Add(field, "is required");
            return null;
        }
        if (!BusinessDate.TryParse(text, out var date))
        {
            v.Add(field, $"'{Truncate(text)}' is not a date in YYYY-MM-DD form");
            return null;
        }
        return InRange(v, field, date);
    }

    /// <summary>A calendar month, YYYY-MM (an accounting period), as its first day; within the same range as dates.</summary>
    public static DateOnly? Month(this Validator v, string field, string text, bool required = false)
    {
        if (string.IsNullOrEmpty(text))
        {
            if (required) v.Add(field, "is required");
            return null;
        }
        if (!DateOnly.TryParseExact(text, "yyyy-MM", CultureInfo.InvariantCulture, DateTimeStyles.None, out var first))
        {
            v.Add(field, $"'{Truncate(text)}' is not a month in YYYY-MM form");
            return null;
        }
        return InRange(v, field, first);
    }

    private static DateOnly? InRange(Validator v, string field, DateOnly date)
    {
        if (BusinessDate.IsInRange(date)) return date;
        v.Add(field, $"must be between {BusinessDate.Earliest.ToText()} and {BusinessDate.Latest.ToText()}");
        return null;
    }

    /// <summary>An optional inclusive date range; the end may not come before the start.</summary>
    public static (DateOnly? From, DateOnly? To) DateRange(this Validator v, string fromField, string from, string toField, string to)
    {
        var start = v.Date(fromField, from);
        var end = v.Date(toField, to);
        if (start > end) v.Add(toField, $"must not be before {fromField}");
        return (start, end);
    }

    public static Validator MaxLength(this Validator v, string field, string? text, int max)
    {
        if (text is not null && text.Length > max) v.Add(field, $"must be at most {max} characters");
        return v;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
