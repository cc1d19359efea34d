using System.Text.RegularExpressions;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// The language a customer wrote in, from the small words every sentence of it uses: a reply goes
/// back in that language when the agent has its wording (<see cref="ReplyWording"/>), else in English.
/// A handful of words is no evidence: fewer than <see cref="MinimumHits"/> say English.
/// </summary>
public static partial class MailLanguage
{
    private const int MinimumHits = 3;

    private static readonly Dictionary<string, HashSet<string>> Words = new()
    {
        ["en"] = Set("the and you your we our please thanks thank invoice is are of for to with regards could would can"),
        ["es"] = Set("el los las que por favor gracias factura facturas nuestra nuestro usted ustedes saludos hola estimados es del con una para pago"),
        ["de"] = Set("der die das und ist wir sie bitte danke rechnung ihre unsere mit freundlichen grüßen grüssen sehr geehrte für zahlung nicht"),
        ["fr"] = Set("le les et est nous vous merci facture votre notre pour bonjour cordialement une des avec paiement pas sommes"),
        ["pt"] = Set("o os que por favor obrigado obrigada fatura nossa nosso você para não com pagamento uma olá prezados"),
        ["it"] = Set("il gli che per grazie fattura nostra nostro vostra cordiali saluti con una pagamento non buongiorno gentili"),
        ["nl"] = Set("het een en wij uw bedankt factuur onze graag met vriendelijke groet betaling niet voor"),
    };

    /// <summary>A two-letter code: the language whose small words the text uses most, English when none stands out.</summary>
    public static string Detect(string text)
    {
        var counts = Words.Keys.ToDictionary(l => l, _ => 0);
        foreach (Match word in Word().Matches(text.ToLowerInvariant()))
            foreach (var (language, words) in Words)
                if (words.Contains(word.Value)) counts[language]++;
        var best = counts.OrderByDescending(c => c.Value).ThenBy(c => c.Key == "en" ? 0 : 1).First();
        return best.Value >= MinimumHits ? best.Key : "en";
    }

    private static HashSet<string> Set(string words) => new(words.Split(' '), StringComparer.Ordinal);

    [GeneratedRegex(@"\p{L}+")]
    private static partial Regex Word();
}
