using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// The payer as banks write it into free text when a format has no field of its own for it
/// (BAI2 16/88 text, MT940 :86: without subfields): keyed fields such as "ORIG CO NAME:ACME
/// CORP ORIG ID:1234" (ACH), "ORG:=ACME CORP" / "ORG=/0123 ACME" (wires), "B/O ACME",
/// "BY ORDER OF ACME", "SENDER:", "DEBTOR:", "From: ACME INC,". A value runs to the next key,
/// so the keys of what is not the payer (the sending bank, the beneficiary — BNF, BENEFICIARY:
/// our own name — and the remittance) are known too, and never read as the payer.
/// </summary>
public static partial class PayerText
{
    /// <summary>The payer's name and account (or originator id) when the text names them; empty strings otherwise.</summary>
    public static (string Name, string Account) Find(string text)
    {
        if (text.Length == 0) return ("", "");
        var keys = ValueKeys(text);
        var (name, account, originatorId) = ("", "", "");
        for (var i = 0; i < keys.Count; i++)
        {
            var end = i + 1 < keys.Count ? keys[i + 1].Index : text.Length;
            var value = text[(keys[i].Index + keys[i].Length)..end];
            switch (Canonical(keys[i].Groups["key"].Value))
            {
                case var payer when PayerKeys.Contains(payer) && name.Length == 0:
                    (name, var written) = NameAndAccount(value);
                    if (account.Length == 0) account = written;
                    break;
                // An IBAN a giro text writes (Swiss and German credit advices) is the payer's, unless it follows our own name as beneficiary; a masked one says nothing.
                case "IBAN" when account.Length == 0 && (i == 0 || !BeneficiaryKeys.Contains(Canonical(keys[i - 1].Groups["key"].Value))):
                    account = Clean(value).Split(' ')[0] is var iban && iban.Length > 0 && iban.All(char.IsLetterOrDigit) ? iban : "";
                    break;
                case "ORIG ID" or "ORIGINATOR ID" when originatorId.Length == 0:
                    originatorId = Clean(value);
                    break;
            }
        }
        return (name, account.Length > 0 ? account : originatorId);
    }

    /// <summary>
    /// The keys that start a value. Remittance (OBI, "Remittance Info:") is the originator's
    /// message to us, and what it says ("OBI:=B/O HOOLI INV 7") is remittance, never the payer: a
    /// payer key inside it is words of the message. The message ends at the next other key, or
    /// at a wire tag (written "ORG:=" or "ORG="), which starts a field of its own even after it.
    /// </summary>
    private static List<Match> ValueKeys(string text)
    {
        var keys = new List<Match>();
        var inRemittance = false;
        foreach (Match key in Key().Matches(text))
        {
            var canonical = Canonical(key.Groups["key"].Value);
            if (inRemittance && PayerKeys.Contains(canonical) && !key.Groups["sep"].Value.Contains('=')) continue;
            inRemittance = RemittanceKeys.Contains(canonical);
            keys.Add(key);
        }
        return keys;
    }

    private static string Canonical(string key) => Spaces().Replace(key.ToUpperInvariant(), " ");

    /// <summary>"/0123456789 ACME CORP": the account the wire names before the name, then the name.</summary>
    private static (string Name, string Account) NameAndAccount(string value)
    {
        var cleaned = Clean(value);
        var account = "";
        if (cleaned.StartsWith('/'))
        {
            var space = cleaned.IndexOf(' ');
            account = (space < 0 ? cleaned[1..] : cleaned[1..space]).Trim();
            cleaned = space < 0 ? "" : cleaned[(space + 1)..].Trim();
        }
        // A number alone (an id where the name should be) names nobody.
        return (cleaned.Any(char.IsLetter) ? cleaned : "", account);
    }

    private static string Clean(string value)
    {
        var squashed = Spaces().Replace(value, " ").Trim().Trim(',', ';', '"', '\'', '-').Trim();
        return squashed.Length > 140 ? squashed[..140].TrimEnd() : squashed;
    }

    private static readonly HashSet<string> PayerKeys = new(StringComparer.Ordinal)
    {
        "ORIG CO NAME", "ORIGINATOR NAME", "ORIGINATOR", "ORG", "B/O", "BY ORDER OF", "SENDER NAME", "SENDER",
        "DEBTOR NAME", "DEBTOR", "FROM", "REMITTER", "PAYER", "ORDERING CUSTOMER",
        "AUFTRAGGEBER", "DONNEUR D'ORDRE", "ORDINANTE", "OPDRACHTGEVER", "BETALARE",
    };

    private static readonly HashSet<string> BeneficiaryKeys = new(StringComparer.Ordinal) { "BNF", "BNF NAME", "BENEFICIARY", "BENEFICIARY NAME", "BENEFICIARY ACCOUNT", "TO" };

    private static readonly HashSet<string> RemittanceKeys = new(StringComparer.Ordinal) { "OBI", "REMITTANCE INFO" };

    // Every key a value runs up to; longer keys first, so "ORG ADDRESS" is not read as "ORG".
    [GeneratedRegex(
        @"(?<![A-Z0-9])(?:(?<key>ORIG\s+CO\s+NAME|ORIGINATOR\s+NAME|ORIGINATOR\s+ID|ORIGINATOR|ORIG\s+ID|ORIG\s+BANK|ORG\s+ADDRESS|ORG\s+ID|ORG" +
        @"|SENDER\s+BNK|SENDER\s+BANK|SENDER\s+ID|SENDER\s+REF|SENDER\s+NAME|SENDER|DEBTOR\s+NAME|DEBTOR\s+ACCOUNT|DEBTOR|FROM|REMITTER|PAYER" +
        @"|ORDERING\s+CUSTOMER|BNF\s+ID|BNF\s+NAME|BNF\s+ADDRESS|BNF|BENEFICIARY\s+(?:ID|NAME|ADDRESS|ACCOUNT)|BENEFICIARY|REC\s+FI|REC\s+ID|OBI|OGB|OBK|IBK|BBI|RFB|FED\s+NO|IND\s+ID|IND\s+NAME" +
        @"|DESC\s+DATE|CO\s+ENTRY\s+DESCR|ENTRY\s+DESCRIPTION|ENTRY\s+DESCR|SEC|TRACE\s*#|TRACE|EED|REMITTANCE\s+INFO|CLIENT\s+REF\s+ID|GS\s+ID" +
        @"|ACCOUNT|ADDENDA|RETURN\s+REASON|CHECK\s+SERIAL\s+NUMBER|REASON|TO" +
        @"|AUFTRAGGEBER|DONNEUR\s+D'ORDRE|ORDINANTE|OPDRACHTGEVER|BETALARE|MITTEILUNG|VERWENDUNGSZWECK|COMMUNICATION|MOTIF|CAUSALE|OMSCHRIJVING|MEDDELANDE)\s*(?<sep>:=|:|=)" +
        @"|(?<key>B/O|BY\s+ORDER\s+OF|IBAN)(?:\s*(?<sep>:=|:|=)|\s))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Key();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
