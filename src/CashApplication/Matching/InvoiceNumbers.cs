namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Invoice numbers as payers write them: "INV-2026-000123", "2026000123", "000123" and "123" all
/// name the same invoice. Keys are the digits of a number and its sequence — its last group of
/// digits without leading zeros, or the group before when the last is a year ("SI-004512/2026",
/// "FV 123/26": 4512, 123); slips — a digit misread, two neighbours swapped, a digit dropped or
/// doubled — are one edit apart.
/// </summary>
public static class InvoiceNumbers
{
    private const int MinimumSlipLength = 5;

    /// <summary>
    /// The keys a written number can be found under (empty when it has no digits): all its digits,
    /// and its sequence without leading zeros (<c>INV-2026-000123</c>: 2026000123 and 123;
    /// <c>SI-004512/2026</c>: 0045122026 and 4512). One pass, no regular expression: every open
    /// invoice's number goes through here when the match index is built, a million at a time.
    /// </summary>
    public static IReadOnlyList<string> Keys(string written)
    {
        Span<char> digits = written.Length <= 128 ? stackalloc char[written.Length] : new char[written.Length];
        var (count, lastGroup, lastLength, previousGroup, previousLength) = (0, 0, 0, -1, 0);
        for (var i = 0; i < written.Length; i++)
        {
            if (!char.IsAsciiDigit(written[i])) continue;
            if (i == 0 || !char.IsAsciiDigit(written[i - 1]))
            {
                if (count > 0) (previousGroup, previousLength) = (lastGroup, lastLength);
                (lastGroup, lastLength) = (count, 0);
            }
            digits[count++] = written[i];
            lastLength++;
        }
        if (count == 0) return [];
        var all = new string(digits[..count]);
        var sequence = previousGroup >= 0 && IsYear(digits.Slice(lastGroup, lastLength), previousLength)
            ? digits.Slice(previousGroup, previousLength).TrimStart('0')
            : digits.Slice(lastGroup, lastLength).TrimStart('0');
        return sequence.Length > 0 && sequence.Length != count ? [all, new string(sequence)] : [all];
    }

    /// <summary>
    /// Whether a number's last group is the year it was issued in rather than its sequence:
    /// four digits from 1990 to 2099, or two, after a group of three or more digits ("4512/2026", "4512/26").
    /// </summary>
    private static bool IsYear(ReadOnlySpan<char> group, int previousLength) => previousLength > 2 && group.Length switch
    {
        // After a group of two ("EF 26 2056") the year came first: this is the sequence.
        4 => group[0] == '1' && group[1] == '9' && group[2] == '9' || group[0] == '2' && group[1] == '0',
        2 => true,
        _ => false,
    };

    /// <summary>
    /// Whether a number is written exactly as the invoice was issued, series letters and all,
    /// separators aside ("GH/26/01441", "gh 26 01441"): no other document would be written so.
    /// </summary>
    public static bool AsIssued(string written, string number)
    {
        static string Plain(string s) => new(s.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return Series(number).Length > 0 && Plain(written) == Plain(number);
    }

    /// <summary>The letters a number starts with, its series ("AB/26/01985": AB), upper case; empty when it starts with a digit.</summary>
    public static string Series(string number)
    {
        var letters = number.TrimStart().TakeWhile(c => !char.IsAsciiDigit(c)).Where(char.IsAsciiLetter).Select(char.ToUpperInvariant);
        return new string(letters.ToArray());
    }

    /// <summary>
    /// Whether a reference found by its sequence says something else with its other groups:
    /// "GH/25/01579" names the 2025 series, not invoice "EF/26/01579"; "SI-4512/2025" names last
    /// year's, not "SI-004512/2026". Each group written before the sequence must be the invoice's
    /// (leading zeros aside), and so must a year after it ("26" is "2026"); a number written as
    /// one group, or as its sequence alone, says nothing else.
    /// </summary>
    public static bool Contradicts(string written, string number)
    {
        var (ours, theirs) = (Groups(written), Groups(number));
        if (ours.Count <= 1) return false;
        if (string.Concat(ours) == string.Concat(theirs)) return false;
        var (ourSequence, theirSequence) = (SequenceGroup(ours), SequenceGroup(theirs));
        var before = ours.Take(ourSequence).ToList();
        var invoiceBefore = theirs.Take(theirSequence).ToList();
        var after = ours.Skip(ourSequence + 1).ToList();
        var invoiceAfter = theirs.Skip(theirSequence + 1).ToList();
        return before.Count > invoiceBefore.Count || after.Count > invoiceAfter.Count
               || before.Where((group, i) => group.TrimStart('0') != invoiceBefore[invoiceBefore.Count - before.Count + i].TrimStart('0')).Any()
               || after.Where((group, i) => !SameGroup(group, invoiceAfter[i])).Any();
    }

    /// <summary>Which group is the sequence: the last, or the one before when the last is a year.</summary>
    private static int SequenceGroup(List<string> groups) =>
        groups.Count > 1 && IsYear(groups[^1], groups[^2].Length) ? groups.Count - 2 : groups.Count - 1;

    /// <summary>A year written short is the year: "26" is "2026".</summary>
    private static bool SameGroup(string written, string theirs) =>
        written.TrimStart('0') == theirs.TrimStart('0') || written.Length == 2 && theirs.Length == 4 && theirs.EndsWith(written, StringComparison.Ordinal);

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
