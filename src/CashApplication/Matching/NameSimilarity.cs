using System.Text;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// How alike a payer's name on a bank statement and a customer's name are (0–1): case, accents,
/// punctuation and legal forms ("Inc", "GmbH", "B.V.") ignored, then the Sørensen–Dice
/// coefficient of character pairs — robust to word order and to truncation by banks.
/// </summary>
public static class NameSimilarity
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "ltd", "limited", "plc", "gmbh", "ag", "bv", "nv",
        "sa", "sas", "sarl", "srl", "spa", "oy", "ab", "as", "kg", "the",
    };

    public static decimal Score(string a, string b)
    {
        var x = Pairs(Normalise(a));
        var y = Pairs(Normalise(b));
        if (x.Count == 0 || y.Count == 0) return 0m;
        var common = 0;
        var pool = y.GroupBy(p => p).ToDictionary(g => g.Key, g => g.Count());
        foreach (var pair in x)
        {
            if (pool.TryGetValue(pair, out var n) && n > 0)
            {
                common++;
                pool[pair] = n - 1;
            }
        }
        return Math.Round(2m * common / (x.Count + y.Count), 3);
    }

    private static string Normalise(string name)
    {
        // German umlauts as banks transliterate them (Müller → MUELLER), before accents are dropped.
        var transliterated = name.ToLowerInvariant().Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ß", "ss");
        var plain = new string(transliterated.Normalize(NormalizationForm.FormD)
            .Where(c => System.Globalization.CharUnicodeInfo.GetUnicodeCategory(c) != System.Globalization.UnicodeCategory.NonSpacingMark)
            .Select(c => char.IsLetterOrDigit(c) ? char.ToLowerInvariant(c) : ' ').ToArray());
        var words = plain.Split(' ', StringSplitOptions.RemoveEmptyEntries).Where(w => !LegalForms.Contains(w)).Order(StringComparer.Ordinal);
        return string.Join(" ", words);
    }

    private static List<string> Pairs(string text)
    {
        var pairs = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            for (var i = 0; i + 1 < word.Length; i++) pairs.Add(word.Substring(i, 2));
        return pairs;
    }
}
