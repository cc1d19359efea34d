using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Invoices;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Reports;

/// <summary>What was open on the as-of date: an invoice, or a customer's on-account items (no due date).</summary>
public sealed class OpenItem
{
    public string? InvoiceId { get; init; }
    public required string CustomerId { get; init; }
    public required string Currency { get; init; }
    public DateOnly? DueDate { get; init; }
    public decimal Open { get; init; }
    public decimal Disputed { get; init; }
    public string SalesRep { get; init; } = "";
}

/// <summary>Whose open items: everyone's, one customer's, or one collector's portfolio.</summary>
public sealed record OpenItemScope(string? CustomerId = null, string? Collector = null)
{
    public static readonly OpenItemScope Everyone = new();
}

/// <summary>
/// The open items behind an aging report, a statement or the allowance. The aging report reads
/// the invoices through <see cref="OpenInvoiceScan"/> (today's open amounts, less what was posted
/// after a past date); the open items as a query (<see cref="OpenItemsAsync"/>) take the invoices'
/// own open amounts when nothing is posted after the date, otherwise the ledger summed per invoice.
/// </summary>
public sealed class AgingQuery(BillingDbContext db, OpenInvoiceScan openInvoices)
{
    /// <summary>
    /// Ages every open item as it streams from the database, keyed as asked: memory holds the
    /// report's rows, never the items (a million open invoices are read once, row by row).
    /// </summary>
    public async Task<IReadOnlyList<AgingBuckets>> AgeAsync(DateOnly asOf, Proto.AgingGroupBy groupBy, string? collector, CancellationToken ct)
    {
        var report = new AgingAccumulator(asOf);
        var scope = new OpenItemScope(Collector: collector);
        // The invoices are scanned below; the on-account items (few) go the EF way.
        var keyed =
            from item in OnAccountItems(asOf, scope)
            join customer in db.Customers on item.CustomerId equals customer.Id
            select new AgingItem(
                groupBy == Proto.AgingGroupBy.Region ? Named(customer.Region)
                : groupBy == Proto.AgingGroupBy.Currency ? item.Currency
                : groupBy == Proto.AgingGroupBy.Collector ? Named(customer.Collector)
                : groupBy == Proto.AgingGroupBy.Segment ? Named(customer.Segment)
                : groupBy == Proto.AgingGroupBy.SalesRep ? Named(item.SalesRep)
                : item.CustomerId,
                item.Currency, item.DueDate, item.Open, item.Disputed);
        await foreach (var item in keyed.AsAsyncEnumerable().WithCancellation(ct)) report.Add(item);
        await openInvoices.AgeAsync(asOf, groupBy, collector, report, ct);
        return report.Rows();
    }

    private IQueryable<OpenItem> OnAccountItems(DateOnly asOf, OpenItemScope scope) =>
        from entry in db.LedgerEntries.Scoped(db, scope.CustomerId, scope.Collector)
        where entry.InvoiceId == null && entry.EffectiveDate <= asOf
        group entry.Amount by new { entry.CustomerId, entry.Currency } into g
        select new OpenItem { InvoiceId = null, CustomerId = g.Key.CustomerId, Currency = g.Key.Currency, DueDate = null, Open = g.Sum(), Disputed = 0m, SalesRep = "" };

    /// <summary>Rows for things nobody was assigned to (no collector, no sales rep) still add up in the totals.</summary>
    public static string Named(string? key) => string.IsNullOrEmpty(key) ? "UNASSIGNED" : key;

    /// <summary>
    /// Each open item on the date, of the scope only (filtered before anything is summed). Up to
    /// date, the invoices' own open amounts (kept with every posting) plus the on-account entries;
    /// for a past date, the ledger summed per invoice.
    /// </summary>
    public async Task<IQueryable<OpenItem>> OpenItemsAsync(DateOnly asOf, OpenItemScope scope, CancellationToken ct) =>
        (await IsUpToDateAsync(asOf, ct) ? OpenInvoices(scope) : LedgerItems(asOf, scope)).Concat(OnAccountItems(asOf, scope));

    /// <summary>Nothing is posted after the date: the invoices' own open amounts are the amounts on that date.</summary>
    private async Task<bool> IsUpToDateAsync(DateOnly asOf, CancellationToken ct) =>
        !await db.LedgerEntries.AnyAsync(e => e.EffectiveDate > asOf, ct);

    private IQueryable<OpenItem> OpenInvoices(OpenItemScope scope) =>
        db.Invoices.IgnoreAutoIncludes().Scoped(db, scope.CustomerId, scope.Collector)
            .Where(i => i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.PartiallyPaid)
            .Select(i => new OpenItem
            {
                InvoiceId = i.Id, CustomerId = i.CustomerId, Currency = i.Currency, DueDate = i.DueDate, Open = i.OpenAmount,
                Disputed = i.DisputedAmount, SalesRep = i.SalesRep,
            });

    /// <summary>Each invoice's ledger entries up to the date, summed.</summary>
    private IQueryable<OpenItem> LedgerItems(DateOnly asOf, OpenItemScope scope) =>
        from sum in
            from entry in db.LedgerEntries.Scoped(db, scope.CustomerId, scope.Collector)
            where entry.InvoiceId != null && entry.EffectiveDate <= asOf
            group entry.Amount by entry.InvoiceId into g
            select new { InvoiceId = g.Key, Open = g.Sum() }
        join invoice in db.Invoices.IgnoreAutoIncludes() on sum.InvoiceId equals invoice.Id
        select new OpenItem
        {
            InvoiceId = invoice.Id, CustomerId = invoice.CustomerId, Currency = invoice.Currency, DueDate = invoice.DueDate, Open = sum.Open,
            Disputed = invoice.DisputedAmount, SalesRep = invoice.SalesRep,
        };
}
