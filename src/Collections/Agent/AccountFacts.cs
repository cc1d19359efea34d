namespace ArPlatform.Collections.Agent;

/// <summary>A balance in one currency: what is open and, of it, overdue.</summary>
public readonly record struct BalanceLine(string Currency, decimal Open, decimal Overdue);

/// <summary>An invoice of the customer as Billing has it.</summary>
public readonly record struct InvoiceFact(
    string Id, string Number, string Status, string Currency, DateOnly InvoiceDate, DateOnly DueDate, decimal Total, decimal Open);

/// <summary>
/// Everything a reply may state, read from Billing for the one customer who wrote: a draft is
/// filled from this and nothing else, so it cannot state another customer's numbers.
/// </summary>
public sealed record AccountFacts(
    string CustomerId, string CustomerName, string CustomerNumber, string ContactName,
    IReadOnlyList<BalanceLine> Balances, IReadOnlyList<InvoiceFact> Invoices, DateOnly AsOf)
{
    public IEnumerable<InvoiceFact> OpenInvoices => Invoices.Where(i => i.Open != 0).OrderBy(i => i.DueDate).ThenBy(i => i.Number, StringComparer.Ordinal);
}
