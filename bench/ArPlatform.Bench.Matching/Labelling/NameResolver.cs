using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Labelling;

/// <summary>
/// Whom a person with the customer list would take a written payer name to be: the customers
/// whose name holds every meaningful word written — equal once accents and case are set aside
/// (Müller, MUELLER and MULLER alike; Sørensen and SOERENSEN), a known abbreviation of it, or, for the last word of a
/// name the bank cut short, its start. Legal forms and filler words mean nothing. Generators
/// label a payment identifiable by name only when exactly one customer answers; this never asks
/// the engine's own similarity.
/// </summary>
public sealed class NameResolver
{
    private static readonly HashSet<string> Meaningless = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "llc", "corp", "corporation", "co", "company", "lp", "llp", "ltd", "limited", "plc", "the", "and", "of",
        "gmbh", "ag", "kg", "se", "ohg", "ug", "mbh", "sa", "sas", "sarl", "srl", "spa", "bv", "nv", "oy", "ab", "as", "aps", "kk", "pty",
        "et", "cie", "und", "y", "e", "de", "del", "la", "le", "van", "der",
    };

    private readonly List<(string Id, List<string> Words)> _customers;
    /// <summary>Folded word → the customers whose name holds it: a name is only compared with customers sharing its first word.</summary>
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string[]> _abbreviations;

    /// <param name="abbreviations">Written abbreviation → the words it stands for ("mfg" → "manufacturing").</param>
    public NameResolver(IEnumerable<CustomerName> customers, IReadOnlyDictionary<string, string[]> abbreviations)
    {
        _abbreviations = abbreviations.ToDictionary(a => a.Key, a => a.Value.Select(Fold).ToArray(), StringComparer.Ordinal);
        _customers = customers.Select(c => (c.Id, Words(c.Name).Select(Fold).ToList())).ToList();
        for (var i = 0; i < _customers.Count; i++)
            foreach (var word in _customers[i].Words.Distinct())
            {
                if (!_byWord.TryGetValue(word, out var list)) _byWord[word] = list = [];
                list.Add(i);
            }
    }

    /// <summary>The ids of the customers the name could be; empty for a stranger, several when it is not clear.</summary>
    public IReadOnlyList<string> Candidates(string written)
    {
        var words = Words(written);
        if (words.Count == 0) return [];
        var folded = words.Select(Fold).ToList();
        // The first word, unless it is the only one (a last word may be cut short, and match any word it starts).
        IEnumerable<int> candidates = words.Count == 1
            ? Enumerable.Range(0, _customers.Count)
            : new[] { folded[0] }.Concat(_abbreviations.GetValueOrDefault(words[0]) ?? [])
                .SelectMany(w => _byWord.GetValueOrDefault(w) ?? []).Distinct();
        return candidates.Where(i => Covers(_customers[i].Words, words, folded)).Select(i => _customers[i].Id).ToList();
    }

    /// <summary>The one customer the name names, or null.</summary>
    public string? Identify(string written) => Candidates(written) is [var only] ? only : null;

    private bool Covers(List<string> customer, List<string> written, List<string> folded)
    {
        var free = customer.ToList();
        for (var i = 0; i < written.Count; i++)
        {
            var last = i == written.Count - 1;
            var at = free.FindIndex(c => c == folded[i]
                || (_abbreviations.TryGetValue(written[i], out var full) && full.Contains(c))
                || (last && written[i].Length >= 3 && c.StartsWith(folded[i], StringComparison.Ordinal)));
            if (at < 0) return false;
            free.RemoveAt(at);
        }
        return true;
    }

    /// <summary>
    /// Lower case with umlauts and their two-letter spellings folded to one letter (Müller,
    /// Mueller and Muller all "muller"), other accents dropped.
    /// </summary>
    private static string Fold(string word)
    {
        var text = word.Replace("ä", "a").Replace("ö", "o").Replace("ü", "u").Replace("ø", "o").Replace("æ", "a").Replace("å", "a")
            .Replace("ae", "a").Replace("oe", "o").Replace("ue", "u").Replace("aa", "a");
        return new string(text.Replace("ß", "ss").Replace("ł", "l").Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());
    }

    private static List<string> Words(string name)
    {
        var lowered = name.ToLowerInvariant().Replace("d/b/a", " ").Replace("&", " ");
        return Regex.Split(lowered, @"[^\p{L}\p{Nd}]+")
            .Where(w => w.Length > 0 && w != "dba" && !Meaningless.Contains(w))
            .ToList();
    }
}
