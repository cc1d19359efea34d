using System.Globalization;
using System.Text.RegularExpressions;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// Rules for what a mail names, in English, German and Spanish: invoice numbers in the forms
/// customers write them (INV-2026-000123, 2026-000123, #123, "invoice 123", "Rechnung Nr. 123",
/// "factura 123"), amounts with or without a currency, purchase-order numbers, and dates
/// (see <see cref="DateReader"/>). Rules, not a model: a number is either there or not.
/// </summary>
public static partial class EntityExtractor
{
    public static MailEntities Extract(string text, DateOnly received)
    {
        var po = PoNumbers(text);
        var invoices = new List<InvoiceRef>();
        foreach (Match m in FullNumber().Matches(text))
            invoices.Add(new InvoiceRef(m.Value, int.Parse(m.Groups["year"].Value, CultureInfo.InvariantCulture), long.Parse(m.Groups["serial"].Value, CultureInfo.InvariantCulture)));
        foreach (Match m in Named().Matches(text))
            foreach (Match n in Number().Matches(m.Groups["list"].Value))
                invoices.Add(new InvoiceRef(n.Value, null, long.Parse(n.Value, CultureInfo.InvariantCulture)));
        foreach (Match m in Hash().Matches(text))
            invoices.Add(new InvoiceRef(m.Value, null, long.Parse(m.Groups["serial"].Value, CultureInfo.InvariantCulture)));
        // A PO's digits are not an invoice's; the full form wins over its bare serial written again.
        var distinct = invoices.Where(i => !po.Any(p => p.EndsWith(i.Serial.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal) && i.Year is null))
            .GroupBy(i => i.Serial).Select(g => g.OrderByDescending(i => i.Year.HasValue).First()).ToList();
        return new MailEntities(distinct, Amounts(text), DateReader.Dates(text, received), po);
    }

    private static List<string> PoNumbers(string text) =>
        [.. PurchaseOrder().Matches(text).Select(m => m.Groups["po"].Value.Trim().TrimEnd('.', ',')).Where(p => p.Any(char.IsAsciiDigit)).Distinct()];

    private static List<WrittenAmount> Amounts(string text)
    {
        var amounts = new List<WrittenAmount>();
        foreach (Match m in Amount().Matches(text))
        {
            var currency = Currency(m.Groups["pre"].Value.Length > 0 ? m.Groups["pre"].Value : m.Groups["post"].Value);
            if (ParseNumber(m.Groups["number"].Value) is { } value && value > 0) amounts.Add(new WrittenAmount(value, currency));
        }
        return [.. amounts.Distinct()];
    }

    private static string Currency(string symbol) => symbol.Trim().ToUpperInvariant() switch
    {
        "$" or "USD" or "US$" or "DOLLARS" or "DÓLARES" => "USD",
        "€" or "EUR" or "EURO" or "EUROS" => "EUR",
        "£" or "GBP" => "GBP",
        "CHF" => "CHF",
        _ => "",
    };

    /// <summary>"1,234.50", "1.234,50", "1 234,50", "1234": the last separator followed by one or two digits is the decimal point.</summary>
    public static decimal? ParseNumber(string written)
    {
        var s = written.Replace(" ", "").Replace("\u00a0", "").Replace("'", "");
        var last = s.LastIndexOfAny(['.', ',']);
        string normalised;
        if (last >= 0 && s.Length - last - 1 is 1 or 2)
            normalised = s[..last].Replace(".", "").Replace(",", "") + "." + s[(last + 1)..];
        else
            normalised = s.Replace(".", "").Replace(",", "");
        return decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) ? value : null;
    }

    [GeneratedRegex(@"\b(?:INV|RE|RG|FAC?T?)?[-\s]?(?<year>20\d{2})[-/](?<serial>\d{4,9})\b(?![-/]\d)", RegexOptions.IgnoreCase)]
    private static partial Regex FullNumber();

    [GeneratedRegex(@"\b(?:invoices?|inv\.?|rechnung(?:en)?|rechnungsnummer|rg\.?|facturas?)\s*(?:no\.?|nos\.?|number|numbers|nr\.?|n[º°o]\.?|núm(?:ero)?\.?|#)?\s*:?\s*(?<list>\d{1,9}(?:\s*(?:,|and|und|y|&|/)\s*#?\d{1,9})*)\b(?![-/.]\d)", RegexOptions.IgnoreCase)]
    private static partial Regex Named();

    [GeneratedRegex(@"\d{1,9}")]
    private static partial Regex Number();

    [GeneratedRegex(@"(?<![\w&])#\s?(?<serial>\d{1,9})\b")]
    private static partial Regex Hash();

    [GeneratedRegex(@"\b(?:PO|P\.O\.|purchase order|bestellnummer|bestellung|orden de compra|pedido)(?:\s*(?:no\.?|number|nr\.?|n[º°o]\.?|#))?\s*[:#]?\s*(?<po>(?:PO-?)?[A-Z0-9][A-Z0-9-]{1,30})|\b(?<po>PO-\d[\w-]*)", RegexOptions.IgnoreCase)]
    private static partial Regex PurchaseOrder();

    [GeneratedRegex(@"(?<pre>US\$|\$|€|£|\bUSD|\bEUR|\bGBP|\bCHF)\s?(?<number>\d{1,3}(?:[.,\s']\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)(?!\d)|(?<number>\d{1,3}(?:[.,\s']\d{3})*(?:[.,]\d{1,2})?|\d+(?:[.,]\d{1,2})?)\s?(?<post>€|USD\b|EUR\b|GBP\b|CHF\b|euros?\b|dollars\b|dólares\b)", RegexOptions.IgnoreCase)]
    private static partial Regex Amount();
}
