using System.Globalization;
using ArPlatform.SharedKernel;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// Dates as bank files write them, read one way by every parser. A date outside the business
/// range (<see cref="BusinessDate"/>) is no real payment's: the file is corrupt, and is refused
/// whole at the date's line rather than let terms, aging and periods compute from year 1 or 9999.
/// Two-digit years (YYMMDD: BAI2, MT940, NACHA, the X12 ISA) read as 1950–2049, the invariant
/// calendar's window, and so always fall inside the range.
/// </summary>
public static class BankFileDate
{
    /// <summary>The date written in <paramref name="format"/>; null when the text is not such a date.</summary>
    public static DateOnly? Parse(string text, string format, int line, string what)
    {
        if (!DateOnly.TryParseExact(text, format, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)) return null;
        return BusinessDate.IsInRange(date)
            ? date
            : throw new BankFileFormatException(line,
                $"{what} {date.ToText()} is outside the business dates {BusinessDate.Earliest.ToText()} to {BusinessDate.Latest.ToText()}");
    }
}
