using System.Text;

namespace ArPlatform.SharedKernel;

/// <summary>
/// Finds payment card numbers (PANs) in free text and masks them before anything is stored: 13–19
/// digits, alone or in groups separated by single spaces or dashes, that pass the Luhn check and
/// start like a card issuer's number. All but the last four digits become '*'. Order
/// numbers and bank references rarely pass both tests; a false positive costs a few masked
/// digits, a miss would put card data in the database.
/// </summary>
public static class CardNumbers
{
    private const int MinDigits = 13;
    private const int MaxDigits = 19;

    public static bool ContainsCardNumber(string? text) => text is not null && Mask(text) != text;

    public static string Mask(string text)
    {
        if (text.Length < MinDigits) return text;
        StringBuilder? masked = null;
        var i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i]) || (i > 0 && char.IsAsciiDigit(text[i - 1])))
            {
                i++;
                continue;
            }
            var (end, digits, boundaries) = DigitRun(text, i);
            if (FindCard(digits, boundaries) is { } card)
            {
                masked ??= new StringBuilder(text);
                MaskDigits(masked, text, i, card);
            }
            i = end;
        }
        return masked?.ToString() ?? text;
    }

    /// <summary>
    /// The digits from <paramref name="start"/>, allowing one space or dash between groups, and
    /// the digit positions where a group starts (0 and after each separator, plus the end).
    /// </summary>
    private static (int End, string Digits, HashSet<int> Boundaries) DigitRun(string text, int start)
    {
        var digits = new StringBuilder();
        var boundaries = new HashSet<int> { 0 };
        var i = start;
        while (i < text.Length && digits.Length < 64)
        {
            if (char.IsAsciiDigit(text[i])) { digits.Append(text[i]); i++; }
            else if ((text[i] == ' ' || text[i] == '-') && i + 1 < text.Length && char.IsAsciiDigit(text[i + 1]))
            {
                boundaries.Add(digits.Length);
                i++;
            }
            else break;
        }
        boundaries.Add(digits.Length);
        return (i, digits.ToString(), boundaries);
    }

    /// <summary>
    /// A card number in <paramref name="digits"/> that starts and ends on group boundaries
    /// ("Order 1234 4111 1111 1111 1111" holds one; "12344111111111111111" is just a number).
    /// </summary>
    private static (int Offset, int Length)? FindCard(string digits, HashSet<int> boundaries)
    {
        foreach (var offset in boundaries.Order())
            for (var length = Math.Min(MaxDigits, digits.Length - offset); length >= MinDigits; length--)
            {
                if (!boundaries.Contains(offset + length)) continue;
                var candidate = digits.AsSpan(offset, length);
                if (IsIssuerPrefix(candidate) && PassesLuhn(candidate)) return (offset, length);
            }
        return null;
    }

    private static void MaskDigits(StringBuilder masked, string text, int start, (int Offset, int Length) card)
    {
        var digitIndex = 0;
        for (var i = start; i < text.Length && digitIndex < card.Offset + card.Length; i++)
        {
            if (!char.IsAsciiDigit(text[i])) continue;
            if (digitIndex >= card.Offset && digitIndex < card.Offset + card.Length - 4) masked[i] = '*';
            digitIndex++;
        }
    }

    public static bool PassesLuhn(ReadOnlySpan<char> digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return sum % 10 == 0;
    }

    /// <summary>Visa, Mastercard, Amex, Discover, JCB, Diners, UnionPay, Maestro.</summary>
    private static bool IsIssuerPrefix(ReadOnlySpan<char> digits)
    {
        var first4 = int.Parse(digits[..4]);
        int Prefix(int n) => first4 / (int)Math.Pow(10, 4 - n);
        return digits[0] == '4'
               || Prefix(2) is >= 51 and <= 55 || Prefix(4) is >= 2221 and <= 2720
               || Prefix(2) is 34 or 37
               || Prefix(4) == 6011 || Prefix(2) == 65 || Prefix(3) is >= 644 and <= 649
               || Prefix(4) is >= 3528 and <= 3589
               || Prefix(3) is >= 300 and <= 305 || Prefix(2) is 36 or 38
               || Prefix(2) == 62
               || Prefix(2) is 50 or (>= 56 and <= 69);
    }
}
