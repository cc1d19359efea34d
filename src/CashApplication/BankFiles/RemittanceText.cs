using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// Document numbers written in free text ("OBI:=INVOICE 123456", "Rechnung Nr 7983", "Rg.-Nr.
/// 001", "FACTUUR 99579", "FAKTURA VAT NR FVD-0000/02/2017", "INV-000123"): the word for invoice
/// in the languages banks send, then the number. What the number means is decided by matching.
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
        @"\b(?:invoices?|inv|rechnung|rg|rng|factuur|faktura|facture|fattura|factura|bill)\b[\s.:#=\-]*(?:(?:no|nr|nummer|number|num|vat)\b[\s.:#=\-]*)*(?<number>[A-Z0-9][A-Z0-9\-/]*\d[A-Z0-9\-/]*|\d+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InvoiceReference();
}
