using ArPlatform.Billing.Data;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;

namespace ArPlatform.Billing.Customers;

/// <summary>
/// Invoices and ledger entries of one customer and/or of one collector's portfolio (a null
/// filter keeps everything): the one place that says what belongs to a portfolio.
/// </summary>
public static class CustomerScope
{
    public static IQueryable<Invoice> Scoped(this IQueryable<Invoice> invoices, BillingDbContext db, string? customerId, string? collector) =>
        invoices.Where(i => (customerId == null || i.CustomerId == customerId)
                            && (collector == null || db.Customers.Any(c => c.Id == i.CustomerId && c.Collector == collector)));

    public static IQueryable<LedgerEntry> Scoped(this IQueryable<LedgerEntry> entries, BillingDbContext db, string? customerId, string? collector) =>
        entries.Where(e => (customerId == null || e.CustomerId == customerId)
                           && (collector == null || db.Customers.Any(c => c.Id == e.CustomerId && c.Collector == collector)));
}
