using System.Globalization;
using System.Text.RegularExpressions;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// Dates as customers write them, resolved against the day the mail arrived: ISO, day-first
/// numeric ("15/12", "15.12.2026"; month-first only when the first number cannot be a month),
/// "December 15", "15 December", "15. Dezember", "15 de diciembre", "on the 15th" (the next
/// 15th), weekdays ("next Friday", "nächsten Freitag", "el viernes"), today and tomorrow. A date
/// without a year is the next one on or after the arrival.
/// </summary>
public static partial class DateReader
{
    private static readonly Dictionary<string, int> Months = new(StringComparer.OrdinalIgnoreCase)
    {
        ["january"] = 1, ["jan"] = 1, ["januar"] = 1, ["enero"] = 1, ["february"] = 2, ["feb"] = 2, ["februar"] = 2, ["febrero"] = 2,
        ["march"] = 3, ["mar"] = 3, ["märz"] = 3, ["marzo"] = 3, ["april"] = 4, ["apr"] = 4, ["abril"] = 4, ["may"] = 5, ["mai"] = 5, ["mayo"] = 5,
        ["june"] = 6, ["jun"] = 6, ["juni"] = 6, ["junio"] = 6, ["july"] = 7, ["jul"] = 7, ["juli"] = 7, ["julio"] = 7,
        ["august"] = 8, ["aug"] = 8, ["agosto"] = 8, ["september"] = 9, ["sep"] = 9, ["sept"] = 9, ["septiembre"] = 9,
        ["october"] = 10, ["oct"] = 10, ["oktober"] = 10, ["octubre"] = 10, ["november"] = 11, ["nov"] = 11, ["noviembre"] = 11,
        ["december"] = 12, ["dec"] = 12, ["dezember"] = 12, ["diciembre"] = 12,
    };

    private static readonly Dictionary<string, DayOfWeek> Weekdays = new(StringComparer.OrdinalIgnoreCase)
    {
        ["monday"] = DayOfWeek.Monday, ["montag"] = DayOfWeek.Monday, ["lunes"] = DayOfWeek.Monday,
        ["tuesday"] = DayOfWeek.Tuesday, ["dienstag"] = DayOfWeek.Tuesday, ["martes"] = DayOfWeek.Tuesday,
        ["wednesday"] = DayOfWeek.Wednesday, ["mittwoch"] = DayOfWeek.Wednesday, ["miércoles"] = DayOfWeek.Wednesday, ["miercoles"] = DayOfWeek.Wednesday,
        ["thursday"] = DayOfWeek.Thursday, ["donnerstag"] = DayOfWeek.Thursday, ["jueves"] = DayOfWeek.Thursday,
        ["friday"] = DayOfWeek.Friday, ["freitag"] = DayOfWeek.Friday, ["viernes"] = DayOfWeek.Friday,
        ["saturday"] = DayOfWeek.Saturday, ["samstag"] = DayOfWeek.Saturday, ["sábado"] = DayOfWeek.Saturday,
        ["sunday"] = DayOfWeek.Sunday, ["sonntag"] = DayOfWeek.Sunday, ["domingo"] = DayOfWeek.Sunday,
    };

    public static IReadOnlyList<DateOnly> Dates(string text, DateOnly received)
    {
        var dates = new List<(int At, DateOnly Date)>();
        foreach (Match m in Iso().Matches(text))
            Add(dates, m.Index, Make(Int(m, "y"), Int(m, "m"), Int(m, "d")));
        foreach (Match m in Numeric().Matches(text))
        {
            var (a, b) = (Int(m, "a"), Int(m, "b"));
            var (day, month) = a > 12 || b <= 12 ? (a, b) : (b, a);
            Add(dates, m.Index, m.Groups["y"].Success ? Make(Year(Int(m, "y")), month, day) : Next(received, month, day));
        }
        foreach (Match m in MonthDay().Matches(text))
            if (Months.TryGetValue(m.Groups["mon"].Value.TrimEnd('.'), out var month))
                Add(dates, m.Index, m.Groups["y"].Success ? Make(Int(m, "y"), month, Int(m, "d")) : Next(received, month, Int(m, "d")));
        foreach (Match m in DayMonth().Matches(text))
            if (Months.TryGetValue(m.Groups["mon"].Value.TrimEnd('.'), out var month))
                Add(dates, m.Index, m.Groups["y"].Success ? Make(Int(m, "y"), month, Int(m, "d")) : Next(received, month, Int(m, "d")));
        foreach (Match m in Ordinal().Matches(text))
            Add(dates, m.Index, NextDay(received, Int(m, "d")));
        foreach (Match m in Weekday().Matches(text))
            if (Weekdays.TryGetValue(m.Groups["wd"].Value, out var weekday))
                Add(dates, m.Index, NextWeekday(received, weekday));
        foreach (Match m in Relative().Matches(text))
            Add(dates, m.Index, m.Value.ToLowerInvariant() switch
            {
                "today" or "heute" or "hoy" => received,
                _ => received.AddDays(1),
            });
        // Overlapping readings of one phrase ("15. Dezember" is also "15."): the first reading at a position wins.
        return [.. dates.OrderBy(d => d.At).Select(d => d.Date).Distinct()];
    }

    private static void Add(List<(int, DateOnly)> dates, int at, DateOnly? date)
    {
        if (date is { } d && !dates.Any(x => x.Item1 == at)) dates.Add((at, d));
    }

    private static int Int(Match m, string group) => int.Parse(m.Groups[group].Value, CultureInfo.InvariantCulture);

    private static int Year(int y) => y < 100 ? 2000 + y : y;

    private static DateOnly? Make(int year, int month, int day) =>
        month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month) ? new DateOnly(year, month, day) : null;

    private static DateOnly? Next(DateOnly from, int month, int day) =>
        Make(from.Year, month, day) is { } d && d >= from ? d : Make(from.Year + 1, month, day);

    private static DateOnly? NextDay(DateOnly from, int day)
    {
        for (var i = 0; i < 3; i++)
        {
            var month = from.AddMonths(i);
            if (Make(month.Year, month.Month, day) is { } d && d >= from) return d;
        }
        return null;
    }

    /// <summary>"Friday" is the coming one (today excluded); "next Friday" said on a Monday is the same, as most people mean it.</summary>
    private static DateOnly NextWeekday(DateOnly from, DayOfWeek weekday)
    {
        var days = ((int)weekday - (int)from.DayOfWeek + 7) % 7;
        return from.AddDays(days == 0 ? 7 : days);
    }

    [GeneratedRegex(@"\b(?<y>20\d{2})-(?<m>\d{1,2})-(?<d>\d{1,2})\b")]
    private static partial Regex Iso();

    [GeneratedRegex(@"(?<![\d/.-])(?<a>\d{1,2})[/.](?<b>\d{1,2})(?:[/.](?<y>\d{4}|\d{2}))?\.?(?![\d/]|\.\d)")]
    private static partial Regex Numeric();

    [GeneratedRegex(@"\b(?<mon>[a-zäé]{3,10}\.?)\s+(?<d>\d{1,2})(?:st|nd|rd|th)?\b(?:,?\s+(?<y>20\d{2}))?", RegexOptions.IgnoreCase)]
    private static partial Regex MonthDay();

    [GeneratedRegex(@"\b(?<d>\d{1,2})(?:st|nd|rd|th|\.)?\s+(?:of\s+|de\s+)?(?<mon>[a-zäé]{3,10}\.?)(?:\s+(?:de\s+)?(?<y>20\d{2}))?", RegexOptions.IgnoreCase)]
    private static partial Regex DayMonth();

    [GeneratedRegex(@"\b(?:on|by|before|until|am|bis zum|el|día)\s+(?:the\s+)?(?<d>\d{1,2})(?:st|nd|rd|th|\.)(?!\s*(?:of\s+|de\s+)?[a-zäé]{3})", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    [GeneratedRegex(@"\b(?:(?:next|this|coming|nächsten|kommenden|diesen|próximo|este)\s+|(?:on|am|el)\s+)(?<wd>monday|tuesday|wednesday|thursday|friday|saturday|sunday|montag|dienstag|mittwoch|donnerstag|freitag|samstag|sonntag|lunes|martes|miércoles|miercoles|jueves|viernes|sábado|domingo)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Weekday();

    [GeneratedRegex(@"\b(today|tomorrow|heute|(?<!guten\s)morgen|hoy|mañana)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Relative();
}
