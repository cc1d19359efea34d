namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Invoice numbers as payers write them: "INV-2026-000123", "2026000123", "000123" and "123" all
/// name the same invoice. Keys are the digits of a number and its last group of digits without
/// leading zeros; slips — a digit misread, two neighbours swapped, a digit dropped or doubled —
/// are one edit apart.
/// </summary>
public static class InvoiceNumbers
{
    private const int MinimumSlipLength = 5;

    /// <summary>
    /// The keys a written number can be found under (empty when it has no digits): all its digits,
    /// and its last group of digits without leading zeros (<c>INV-2026-000123</c>: 2026000123 and
    /// 123). One pass, no regular expression: every open invoice's number goes through here when
    /// the match index is built, a million at a time.
    /// </summary>
    public static IReadOnlyList<string> Keys(string written)
    {
        Span<char> digits = written.Length <= 128 ? stackalloc char[written.Length] : new char[written.Length];
        var (count, lastGroup, lastLength) = (0, 0, 0);
        for (var i = 0; i < written.Length; i++)
        {
            if (!char.IsAsciiDigit(written[i])) continue;
            if (i == 0 || !char.IsAsciiDigit(written[i - 1])) (lastGroup, lastLength) = (count, 0);
            digits[count++] = written[i];
            lastLength++;
        }
        if (count == 0) return [];
        var all = new string(digits[..count]);
        var last = digits.Slice(lastGroup, lastLength).TrimStart('0');
        return last.Length > 0 && last.Length != count ? [all, new string(last)] : [all];
    }

    /// <summary>
    /// Whether a reference found by its last group of digits says something else with its other
    /// groups: "GH/25/01579" names the 2025 series, not invoice "EF/26/01579". Each earlier group
    /// written must be the invoice's (leading zeros aside); a number written as one group, or as
    /// its last group alone, says nothing else.
    /// </summary>
    public static bool Contradicts(string written, string number)
    {
        var (ours, theirs) = (Groups(written), Groups(number));
        if (ours.Count <= 1) return false;
        if (string.Concat(ours) == string.Concat(theirs)) return false;
        var earlier = ours.Take(ours.Count - 1).ToList();
        var invoiceEarlier = theirs.Take(Math.Max(0, theirs.Count - 1)).ToList();
        return earlier.Count > invoiceEarlier.Count
               || earlier.Where((group, i) => group.TrimStart('0') != invoiceEarlier[invoiceEarlier.Count - earlier.Count + i].TrimStart('0')).Any();
    }

    private static List<string> Groups(string written)
    {
        var groups = new List<string>();
        for (var i = 0; i < written.Length;)
        {
            if (!char.IsAsciiDigit(written[i])) { i++; continue; }
            var start = i;
            while (i < written.Length && char.IsAsciiDigit(written[i])) i++;
            groups.Add(written[start..i]);
        }
        return groups;
    }

    /// <summary>
    /// Every key one slip from the written one: each digit misread as another, each pair of
    /// neighbours swapped, each digit left out (the payer typed one too many), and each place
    /// given one more digit (the payer left one out).
    /// </summary>
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
            // A doubled digit left out gives the same key whichever copy goes: once is enough.
            if (i == 0 || key[i - 1] != key[i]) yield return key.Remove(i, 1);
        }
        for (var i = 0; i <= key.Length; i++)
            for (var digit = '0'; digit <= '9'; digit++)
                // Inserting a digit before its own copy gives the same key as after it.
                if (i == key.Length || key[i] != digit) yield return key.Insert(i, digit.ToString());
    }
}
