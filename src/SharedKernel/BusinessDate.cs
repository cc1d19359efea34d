using System.Globalization;

namespace ArPlatform.SharedKernel;

/// <summary>Business dates (invoice date, due date, as-of) travel as "YYYY-MM-DD".</summary>
public static class BusinessDate
{
    public const string Format = "yyyy-MM-dd";

    /// <summary>
    /// The dates a business record may carry: any real invoice, payment or as-of date, and far
    /// enough from the calendar's ends that terms, periods and horizons computed from one never
    /// overflow it (DateOnly stops at 9999-12-31).
    /// </summary>
    public static readonly DateOnly Earliest = new(1900, 1, 1);

    /// <inheritdoc cref="Earliest"/>
    public static readonly DateOnly Latest = new(2199, 12, 31);

    public static bool IsInRange(DateOnly date) => date >= Earliest && date <= Latest;

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A date another service sent (well formed there); callers' input goes through validation instead.</summary>
    public static DateOnly Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a {Format} date.");

    public static string ToText(this DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static string ToText(this DateOnly? date) => date?.ToText() ?? "";
}
