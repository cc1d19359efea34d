namespace ArPlatform.Collections.Agent;

/// <summary>An invoice as a customer refers to it: the serial number, and the year when they wrote it.</summary>
public readonly record struct InvoiceRef(string Written, int? Year, long Serial)
{
    /// <summary>Whether our invoice number ("INV-2026-000123") is the one meant.</summary>
    public bool Matches(string number)
    {
        var digits = number.Split('-', StringSplitOptions.RemoveEmptyEntries);
        if (digits.Length == 0 || !long.TryParse(digits[^1], out var serial) || serial != Serial) return false;
        var year = Year?.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return year is null || digits.Contains(year);
    }
}

/// <summary>An amount as written; the currency is "" when the mail did not say.</summary>
public readonly record struct WrittenAmount(decimal Amount, string Currency);

/// <summary>What a mail names: invoices, amounts, dates (resolved against its arrival) and purchase orders.</summary>
public sealed record MailEntities(
    IReadOnlyList<InvoiceRef> Invoices, IReadOnlyList<WrittenAmount> Amounts, IReadOnlyList<DateOnly> Dates, IReadOnlyList<string> PoNumbers);
