using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// Document numbers written in free text ("OBI:=INVOICE 123456", "Rechnung Nr 7983", "Rg.-Nr.
/// 001", "Rechnungsnr. 4711", "FACTUUR 99579", "Factuurnr 123", "FAKTURA VAT NR FVD-0000/02/2017",
/// "INV-000123", "RE 4723408"): the word for invoice (or "re", regarding) in the languages banks
/// send, then the number. What the number means is decided by matching.
/// </summary>
public static partial class RemittanceText
{
    public const string Qualifier = "TEXT";

    public static IReadOnlyList<RemittanceLine> Extract(string text)
    {
        if (text.Length == 0) return [];
        return InvoiceReference().Matches(text)
            .Select(m => m.Groups["number"].Value.TrimEnd('.', ',', ';', ':', '/'))
            .Where(n => n.Any(char.IsDigit))
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .Select(n => new RemittanceLine(Qualifier, n))
            .ToList();
    }

    [GeneratedRegex(
        @"\b(?:invoices?|inv|re|rechnung|rechnungsnr|rechnungsnummer|rgnr|rg|rng|factuur|factuurnr|factuurnummer|faktura|facture|fact|fattura|ftr|factura|bill)\b[\s.:#=\-]*(?:(?:no|nr|nummer|number|num|vat)\b[\s.:#=\-]*)*(?<number>[A-Z0-9][A-Z0-9\-/]*\d[A-Z0-9\-/]*|\d+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvoiceReference();
}
