using System.Globalization;

namespace ArPlatform.SharedKernel;

/// <summary>Business dates (invoice date, due date, as-of) travel as "YYYY-MM-DD".</summary>
public static class BusinessDate
{
    public const string Format = "yyyy-MM-dd";

    public static bool TryParse(string? text, out DateOnly date) =>
        DateOnly.TryParseExact(text, Format, CultureInfo.InvariantCulture, DateTimeStyles.None, out date);

    /// <summary>A date another service sent (well formed there); callers' input goes through validation instead.</summary>
    public static DateOnly Parse(string text) =>
        TryParse(text, out var date) ? date : throw new FormatException($"'{text}' is not a {Format} date.");

    public static string ToText(this DateOnly date) => date.ToString(Format, CultureInfo.InvariantCulture);

    public static string ToText(this DateOnly? date) => date?.ToText() ?? "";
}
