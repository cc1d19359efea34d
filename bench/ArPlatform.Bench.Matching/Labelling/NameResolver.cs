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
    private readonly IReadOnlyDictionary<string, string[]> _abbreviations;

    /// <param name="abbreviations">Written abbreviation → the words it stands for ("mfg" → "manufacturing").</param>
    public NameResolver(IEnumerable<CustomerName> customers, IReadOnlyDictionary<string, string[]> abbreviations)
    {
        _abbreviations = abbreviations;
        _customers = customers.Select(c => (c.Id, Words(c.Name))).ToList();
    }

    /// <summary>The ids of the customers the name could be; empty for a stranger, several when it is not clear.</summary>
    public IReadOnlyList<string> Candidates(string written)
    {
        var words = Words(written);
        if (words.Count == 0) return [];
        return _customers.Where(c => Covers(c.Words, words)).Select(c => c.Id).ToList();
    }

    /// <summary>The one customer the name names, or null.</summary>
    public string? Identify(string written) => Candidates(written) is [var only] ? only : null;

    private bool Covers(List<string> customer, List<string> written)
    {
        var free = customer.ToList();
        for (var i = 0; i < written.Count; i++)
        {
            var last = i == written.Count - 1;
            var at = free.FindIndex(c => Same(c, written[i], last));
            if (at < 0) return false;
            free.RemoveAt(at);
        }
        return true;
    }

    private bool Same(string customerWord, string written, bool last) =>
        Canonical(customerWord, true) == Canonical(written, true)
        || Canonical(customerWord, false) == Canonical(written, false)
        || (_abbreviations.TryGetValue(written, out var full) && full.Any(f => Canonical(f, false) == Canonical(customerWord, false)))
        || (last && written.Length >= 3 && Canonical(customerWord, false).StartsWith(Canonical(written, false), StringComparison.Ordinal));

    /// <summary>Lower case, umlauts as two letters (ue) or as one (u), other accents dropped.</summary>
    private static string Canonical(string word, bool twoLetterUmlauts)
    {
        var text = twoLetterUmlauts
            ? word.Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("ø", "oe").Replace("æ", "ae").Replace("å", "aa")
            : word.Replace("ä", "a").Replace("ö", "o").Replace("ü", "u").Replace("ø", "o").Replace("æ", "a").Replace("å", "a")
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
