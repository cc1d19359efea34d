using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// The features the intent model reads, the same at training and at run time: lower-case words
/// without accents, numbers as "#", each pair of neighbouring words, and each longer word's first
/// five letters. Subject words count
/// like body words: "Statement request" is often all a customer writes.
/// </summary>
public static partial class TextFeatures
{
    private const int StemLength = 5;

    public static IReadOnlyCollection<string> Of(string subject, string text)
    {
        var words = Words().Matches(Fold(subject + "\n" + text)).Select(m => char.IsAsciiDigit(m.Value[0]) ? "#" : m.Value).ToList();
        var features = new HashSet<string>(words, StringComparer.Ordinal);
        for (var i = 1; i < words.Count; i++) features.Add(words[i - 1] + " " + words[i]);
        // A crude stem: "statements", "paid"/"payment", "Rechnungen" meet their other forms in wording the corpus lacks.
        foreach (var w in words.Where(w => w.Length > StemLength)) features.Add(w[..StemLength] + "~");
        foreach (var w in words.Where(w => w.Length >= 4))
        {
            var marked = "<" + w + ">";
            for (var i = 0; i + 4 <= marked.Length; i++) features.Add("^" + marked.Substring(i, 4));
        }
        return features;
    }

    /// <summary>Lower case without diacritics ("Überweisung" and "uberweisung", "próximo" and "proximo" are one word).</summary>
    private static string Fold(string s)
    {
        var decomposed = s.ToLowerInvariant().Normalize(NormalizationForm.FormD);
        var folded = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
            if (CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark) folded.Append(c == 'ß' ? 's' : c);
        return folded.ToString();
    }

    [GeneratedRegex(@"\p{L}+|\d+")]
    private static partial Regex Words();
}
