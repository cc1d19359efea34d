using System.Globalization;

namespace ArPlatform.SharedKernel;

/// <summary>
/// Decimal strings as they travel on the wire: "1234.50", "-3", "0.125". No exponents, no
/// thousands separators, no culture: what is accepted is exactly what a decimal(19,4) column holds.
/// </summary>
public static class DecimalText
{
    private const NumberStyles Style = NumberStyles.AllowLeadingSign | NumberStyles.AllowDecimalPoint;

    /// <summary>The largest magnitude decimal(19,4) can store.</summary>
    public const decimal MaxMagnitude = 999_999_999_999_999.9999m;

    public static bool TryParse(string? text, out decimal value)
    {
        value = 0m;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 40) return false;
        if (!decimal.TryParse(text, Style, CultureInfo.InvariantCulture, out value)) return false;
        return Math.Abs(value) <= MaxMagnitude;
    }

    /// <summary>
    /// A plain decimal text ("324.7", "-12", "0.0", as databases keep decimals) written with exactly
    /// <paramref name="decimals"/> decimals — "324.70" for 2 — by adding or dropping zeros only, as
    /// formatting the decimal would, without parsing it. Null when that is not possible (more
    /// significant decimals, an exponent, a leading zero or negative zero): then parse and round.
    /// </summary>
    public static string? WithDecimals(string text, int decimals)
    {
        var negative = text.StartsWith('-');
        var digits = negative ? text.AsSpan(1) : text.AsSpan();
        var dot = digits.IndexOf('.');
        var whole = dot < 0 ? digits : digits[..dot];
        var fraction = dot < 0 ? [] : digits[(dot + 1)..];
        if (whole.Length == 0 || (whole.Length > 1 && whole[0] == '0') || (dot >= 0 && fraction.Length == 0)
            || whole.ContainsAnyExceptInRange('0', '9') || fraction.ContainsAnyExceptInRange('0', '9')) return null;
        var kept = Math.Min(fraction.Length, decimals);
        if (fraction[kept..].ContainsAnyExcept('0')) return null;
        if (negative && !whole.ContainsAnyExcept('0') && !fraction.ContainsAnyExcept('0')) return null;
        if (fraction.Length == decimals) return text;
        var length = text.Length - fraction.Length + decimals - (decimals == 0 && dot >= 0 ? 1 : 0) + (dot < 0 && decimals > 0 ? 1 : 0);
        return string.Create(length, (text, wholeEnd: (negative ? 1 : 0) + whole.Length, fraction: kept, decimals), static (span, s) =>
        {
            s.text.AsSpan(0, s.wholeEnd).CopyTo(span);
            if (s.decimals == 0) return;
            span[s.wholeEnd] = '.';
            if (s.fraction > 0) s.text.AsSpan(s.wholeEnd + 1, s.fraction).CopyTo(span[(s.wholeEnd + 1)..]);
            span[(s.wholeEnd + 1 + s.fraction)..].Fill('0');
        });
    }

    /// <summary>Shortest exact form: "3", "8.25", "0.0125" (storage may have added trailing zeros).</summary>
    public static string Format(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);
}
