using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// Document numbers written in free text ("OBI:=INVOICE 123456", "Rechnung Nr 7983", "Rg.-Nr.
/// 001", "Rechnungsnr. 4711", "FACTUUR 99579", "Factuurnr 123", "FAKTURA VAT NR FVD-0000/02/2017",
/// "INV-000123", "RE 4723408", "RE4723408", "Facture n° 43 08 629"): the word for invoice (or "re", regarding) in the languages banks
/// send, then the number. What the number means is decided by matching.
/// </summary>
public static partial class RemittanceText
{
    public const string Qualifier = "TEXT";

    public static IReadOnlyList<RemittanceLine> Extract(string text)
    {
        if (text.Length == 0) return [];
        // An X12 RMR segment as CCD+ addenda and bank texts carry it ("RMR*IV*4711*PI*250.00\"): read as the 820 would.
        var segments = Rmr().Matches(text).Select(m => new RemittanceLine(m.Groups["q"].Value.ToUpperInvariant(), m.Groups["ref"].Value.Trim(),
            decimal.TryParse(m.Groups["paid"].Value, System.Globalization.NumberStyles.AllowDecimalPoint, System.Globalization.CultureInfo.InvariantCulture, out var paid) ? paid : null)).ToList();
        var rest = segments.Count > 0 ? Rmr().Replace(text, " ") : text;
        var orders = PurchaseOrder().Matches(rest).Select(m => new RemittanceLine("PO", m.Groups["number"].Value.TrimEnd('.', ',', ';', ':', '/')));
        var words = InvoiceReference().Matches(rest)
            // Only a number written in groups holds spaces: read as one.
            .Select(m => m.Groups["number"].Value.Replace(" ", "", StringComparison.Ordinal).TrimEnd('.', ',', ';', ':', '/'))
            .Where(n => n.Any(char.IsDigit))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(n => new RemittanceLine(Qualifier, n));
        return [.. segments, .. orders, .. words];
    }

    [GeneratedRegex(@"\bRMR\*(?<q>[A-Z0-9]{2})\*(?<ref>[^*\\~]+)(?:\*[A-Z]{0,2}(?:\*(?<paid>\d+(?:\.\d{1,2})?))?)?[^\\~]*[\\~]?", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Rmr();

    [GeneratedRegex(@"\b(?:p\.?\s?o\.?|purchase\s+order|bestellung|bestellnr|commande|ordine)(?:\b|(?=\d)|(?<=\.))[\s.:#=\-]*(?:(?:no|nr|number|num|n°)\b[\s.:#=\-]*)?(?<number>\d[A-Z0-9\-/]*)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PurchaseOrder();

    // The word may be glued to the number ("RE4312291"); the number may be written in groups of
    // two to four digits ("43 08 629"), read as one.
    [GeneratedRegex(
        @"\b(?:invoices?|inv|re|rechnung|rechnungsnr|rechnungsnummer|rgnr|rg|rng|factuur|factuurnr|factuurnummer|faktura|fakturanr|fakturanummer|fakt|facture|fact|fattura|fatt|ftr|factura|bill)(?:\b|(?=\d))[\s.:#=\-]*(?:(?:no|nr|nummer|number|num|vat|n°|nº|n)(?:\b|(?<=°|º))[\s.:#=\-]*)*(?<number>\d{1,4}(?: \d{2,4})+(?![\d.,])|[A-Z0-9][A-Z0-9\-/]*\d[A-Z0-9\-/]*|\d+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvoiceReference();
}
