using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Invoice numbers as payers write them: "INV-2026-000123", "2026000123", "000123" and "123" all
/// name the same invoice. Keys are the digits of a number and its last group of digits without
/// leading zeros; OCR-style slips are one edit apart.
/// </summary>
public static partial class InvoiceNumbers
{
    private const int MinimumSlipLength = 5;

    /// <summary>The keys a written number can be found under (empty when it has no digits).</summary>
    public static IReadOnlyList<string> Keys(string written)
    {
        var digits = new string(written.Where(char.IsAsciiDigit).ToArray());
        if (digits.Length == 0) return [];
        var last = DigitGroups().Matches(written)[^1].Value.TrimStart('0');
        return last.Length > 0 && last != digits ? [digits, last] : [digits];
    }

    /// <summary>Every string one slip from the key: each digit misread as another, each pair of neighbours swapped.</summary>
    public static IEnumerable<string> OneSlipVariants(string key)
    {
        if (key.Length < MinimumSlipLength) yield break;
        var chars = key.ToCharArray();
        for (var i = 0; i < chars.Length; i++)
        {
            var original = chars[i];
            for (var digit = '0'; digit <= '9'; digit++)
            {
                if (digit == original) continue;
                chars[i] = digit;
                yield return new string(chars);
            }
            chars[i] = original;
            if (i + 1 < chars.Length && chars[i + 1] != original)
            {
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
                yield return new string(chars);
                (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
            }
        }
    }

    [GeneratedRegex(@"\d+")]
    private static partial Regex DigitGroups();
}
