using System.Globalization;
using System.Text;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// A payer name as a lesson keeps it: the same name however a bank prints it (case, accents,
/// punctuation, spacing) is one key, but its words and their order are kept — a taught name
/// identifies its customer only when written the same way again, never because it is close.
/// </summary>
public static class PayerNames
{
    /// <summary>Fewer letters and digits than this name no one: "AB", "X" are not a payer.</summary>
    public const int ShortestTaught = 3;

    /// <summary>The longest key kept (the payment's own payer name is clipped to 200).</summary>
    public const int MaxLength = 200;

    /// <summary>Upper case, German umlauts as banks transliterate them, accents dropped, anything not a letter or digit one space.</summary>
    public static string Normalise(string name)
    {
        var text = new StringBuilder(name.Length);
        foreach (var c in name.ToUpperInvariant())
        {
            // Accents are folded by table: the service runs with invariant globalization, where Unicode normalisation is not available.
            if (Folded.TryGetValue(c, out var plain)) text.Append(plain);
            else if (char.IsLetterOrDigit(c)) text.Append(c);
            else if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) continue; // an accent written apart
            else if (text.Length > 0 && text[^1] != ' ') text.Append(' ');
        }
        var key = text.ToString().TrimEnd();
        return key.Length <= MaxLength ? key : key[..MaxLength].TrimEnd();
    }

    /// <summary>Latin letters with accents as their plain letters; German umlauts and ß as banks transliterate them (Müller → MUELLER).</summary>
    private static readonly Dictionary<char, string> Folded = new[]
    {
        ("ÀÁÂÃÅĀĂĄ", "A"), ("Æ", "AE"), ("ÇĆĈĊČ", "C"), ("ĎĐÐ", "D"), ("ÈÉÊËĒĔĖĘĚ", "E"), ("ĜĞĠĢ", "G"), ("ĤĦ", "H"),
        ("ÌÍÎÏĨĪĬĮİ", "I"), ("Ĵ", "J"), ("Ķ", "K"), ("ĹĻĽĿŁ", "L"), ("ÑŃŅŇ", "N"), ("ÒÓÔÕØŌŎŐ", "O"), ("Œ", "OE"), ("ŔŖŘ", "R"),
        ("ŚŜŞŠ", "S"), ("ŢŤŦ", "T"), ("ÙÚÛŨŪŬŮŰŲ", "U"), ("Ŵ", "W"), ("ÝŶŸ", "Y"), ("ŹŻŽ", "Z"), ("Þ", "TH"),
        ("Ä", "AE"), ("Ö", "OE"), ("Ü", "UE"), ("ß", "SS"), ("ẞ", "SS"),
    }.SelectMany(f => f.Item1.Select(c => (c, f.Item2))).ToDictionary(f => f.c, f => f.Item2);

    /// <summary>
    /// Whether the name is only a department, as payers' banks print it for whoever pays
    /// ("ACCOUNTS PAYABLE", "AP DEPT", "Kreditorenbuchhaltung", "Service Comptabilité
    /// Fournisseurs"): every word is a department's, so it names no company.
    /// </summary>
    public static bool IsDepartment(string name)
    {
        var words = Normalise(name).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        return words.Length > 0 && words.All(DepartmentWords.Contains);
    }

    private static readonly HashSet<string> DepartmentWords = new(StringComparer.Ordinal)
    {
        "A", "P", "AP", "ACCOUNTS", "ACCOUNT", "ACCTS", "ACCT", "PAYABLE", "PAYABLES", "DEPT", "DEPARTMENT", "DIV", "DIVISION", "OFFICE",
        "TREASURY", "FINANCE", "ACCOUNTING", "PAYMENT", "PAYMENTS", "VENDOR", "SUPPLIER", "DISBURSEMENTS", "THE", "OF",
        "KREDITORENBUCHHALTUNG", "BUCHHALTUNG", "FINANZBUCHHALTUNG", "KREDITOREN", "ABTEILUNG", "ZAHLUNGSVERKEHR",
        "SERVICE", "COMPTABILITE", "FOURNISSEURS", "FOURNISSEUR", "TRESORERIE", "DES", "DE", "LA",
        "CREDITEURENADMINISTRATIE", "CREDITEUREN", "ADMINISTRATIE", "AFDELING",
        "CONTABILITA", "FORNITORI", "UFFICIO", "AMMINISTRAZIONE", "TESORERIA", "CUENTAS", "POR", "PAGAR", "PROVEEDORES",
        "LEVERANTORSRESKONTRA", "EKONOMIAVDELNINGEN", "EKONOMI",
    };

    /// <summary>Whether the name, normalised, is long enough to be taught at all.</summary>
    public static bool CanBeTaught(string normalised) => normalised.Count(char.IsLetterOrDigit) >= ShortestTaught;
}
