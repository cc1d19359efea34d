using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Invoice numbers as payers write them: "INV-2026-000123", "2026000123", "000123" and "123" all
/// name the same invoice. Keys are the digits of a number and its last group of digits without
/// leading zeros; OCR-style slips are one edit apart.
/// </summary>
public static partial class InvoiceNumbers
{
    /// <summary>The keys a written number can be found under (empty when it has no digits).</summary>
    public static IReadOnlyList<string> Keys(string written)
    {
        var digits = new string(written.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return [];
        var last = DigitGroups().Matches(written)[^1].Value.TrimStart('0');
        return last.Length > 0 && last != digits ? [digits, last] : [digits];
    }

    /// <summary>
    /// One substitution or one swap of neighbours between two digit strings of the same length
    /// (a misread or mistyped digit). Short numbers never count: "12" vs "13" is a different invoice.
    /// </summary>
    public static bool IsOneSlipApart(string a, string b)
    {
        if (a.Length != b.Length || a.Length < 5 || a == b) return false;
        var differ = Enumerable.Range(0, a.Length).Where(i => a[i] != b[i]).ToList();
        return differ.Count == 1
               || (differ.Count == 2 && differ[1] == differ[0] + 1 && a[differ[0]] == b[differ[1]] && a[differ[1]] == b[differ[0]]);
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitGroups();
}
