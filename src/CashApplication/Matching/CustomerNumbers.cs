using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// The customer number a payer quotes as their own: after a word saying so ("Cust No 304274",
/// "ACC NO 301759", "A/C 308605", "Our acc 306091", "Kundennr. 4711", "N° client 8820"). A number
/// without such a word may be anything (an invoice, an order, a date), so it is never read as one.
/// A BPAY customer reference number ("CRN 3011962") counts too (<see cref="CustomerReference"/>).
/// </summary>
public static partial class CustomerNumbers
{
    public static IEnumerable<string> Quoted(string text) =>
        text.Length == 0 ? [] : Quote().Matches(text).Select(m => m.Groups["number"].Value.TrimEnd('.', ',', ';', ':', '/', '-'))
            .Concat(Crn().Matches(text).SelectMany(m => CustomerReference(m.Groups["crn"].Value)));

    /// <summary>
    /// A BPAY customer reference number ("BPAY CRN 3011962") is the biller's number for the customer:
    /// most billers issue it as the customer number followed by a Luhn (MOD10V01) check digit. The
    /// reference as written, and the number before a valid check digit.
    /// </summary>
    private static IEnumerable<string> CustomerReference(string crn)
    {
        yield return crn;
        if (crn.Length > 4 && LuhnCheckDigit(crn[..^1]) == crn[^1] - '0') yield return crn[..^1];
    }

    private static int LuhnCheckDigit(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
            sum += d;
        }
        return (10 - sum % 10) % 10;
    }

    /// <summary>Upper case, letters and digits only: "C-000123" and "c000123" are one number; fewer than four characters or no digit, none.</summary>
    public static string Key(string number)
    {
        var key = new string(number.Where(char.IsAsciiLetterOrDigit).Select(char.ToUpperInvariant).ToArray());
        return key.Length >= 4 && key.Any(char.IsAsciiDigit) ? key : "";
    }

    [GeneratedRegex(
        @"\b(?:(?:our|my)\s+)?(?:cust(?:omer)?|client|acc(?:oun)?t?|acc|a/c|kunde|kunden|kundennr|debitor|debiteur|cliente|n°\s*client|klant|kund)(?:\b|(?<=/c))\.?\s*(?:(?:no|nr|num|number|id|ref|n°|#)\b\.?)?[\s.:#=\-]*(?<number>[A-Z]{0,3}[\-/]?\d[\dA-Z\-/]*)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Quote();

    [GeneratedRegex(@"\bCRN\b[\s.:#=\-]*(?<crn>\d{4,20})\b", RegexOptions.CultureInvariant)]
    private static partial Regex Crn();
}
