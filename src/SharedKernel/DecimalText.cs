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

    /// <summary>Shortest exact form: "3", "8.25", "0.0125" (storage may have added trailing zeros).</summary>
    public static string Format(decimal value) =>
        value.ToString("0.############################", CultureInfo.InvariantCulture);
}
