using ArPlatform.Billing.Data;
using ArPlatform.Billing.Invoices;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Customers;

/// <summary>
/// What the caller may see: everything, or — for a collector — the customers assigned to them.
/// Outside the portfolio a customer reads as not found, so nothing about it leaks, not even that
/// it exists. Enforced here in the service, whatever app calls it.
/// </summary>
public sealed class Portfolio(BillingDbContext db, CallerContext caller)
{
    /// <summary>The collector whose customers are visible, or null when every customer is.</summary>
    public string? Owner { get; } = caller.PortfolioOwner;

    public IQueryable<Customer> Customers(IQueryable<Customer> customers) =>
        Owner is { } owner ? customers.Where(c => c.Collector == owner) : customers;

    public IQueryable<Invoice> Invoices(IQueryable<Invoice> invoices) => invoices.Scoped(db, customerId: null, Owner);

    public IQueryable<Ledger.LedgerEntry> Entries(IQueryable<Ledger.LedgerEntry> entries) => entries.Scoped(db, customerId: null, Owner);

    /// <summary>NOT_FOUND for a customer outside the portfolio, exactly as for one that does not exist.</summary>
    public async Task EnsureVisibleAsync(string customerId, CancellationToken ct)
    {
        if (Owner is { } owner && !await db.Customers.AnyAsync(c => c.Id == customerId && c.Collector == owner, ct))
            throw new NotFoundException("customer", customerId);
    }
}
