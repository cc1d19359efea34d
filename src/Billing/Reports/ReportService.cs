using System.Globalization;
using System.Text.RegularExpressions;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Ledger;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using ArPlatform.SharedKernel;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Reports;

/// <summary>Reads over the ledger: aging as of any date, and the entries themselves.</summary>
public sealed partial class ReportService(BillingDbContext db, TimeProvider clock)
{
    public async Task<Proto.AgingReport> GetAgingAsync(Proto.GetAgingReportRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var asOf = v.Date("as_of", request.AsOf) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!System.Enum.IsDefined(request.GroupBy)) v.Add("group_by", "must be CUSTOMER, REGION or CURRENCY");
        v.ThrowIfInvalid();

        // Each invoice's open amount on the as-of date: its entries up to that date, summed.
        var perInvoice = await (
            from entry in db.LedgerEntries.AsNoTracking()
            where entry.EffectiveDate <= asOf
            join customer in db.Customers on entry.CustomerId equals customer.Id
            join invoice in db.Invoices on entry.InvoiceId equals invoice.Id into invoices
            from invoice in invoices.DefaultIfEmpty()
            group entry.Amount by new
            {
                entry.InvoiceId, entry.CustomerId, customer.Region, entry.Currency,
                DueDate = (DateOnly?)invoice!.DueDate, Disputed = (decimal?)invoice.DisputedAmount,
            }
            into g
            select new { g.Key, Open = g.Sum() })
            .ToListAsync(ct);

        var items = perInvoice.Select(i => new AgingItem(
            request.GroupBy switch
            {
                Proto.AgingGroupBy.Region => i.Key.Region.Length > 0 ? i.Key.Region : "UNASSIGNED",
                Proto.AgingGroupBy.Currency => i.Key.Currency,
                _ => i.Key.CustomerId,
            },
            i.Key.Currency, i.Key.DueDate, i.Open, i.Key.Disputed ?? 0m));
        var rows = AgingCalculator.Age(items, asOf);
        return new Proto.AgingReport
        {
            AsOf = asOf.ToText(),
            Rows = { rows.Select(ToProto) },
            Totals = { AgingCalculator.Totals(rows).Select(ToProto) },
        };
    }

    public async Task<Proto.ListLedgerEntriesResponse> ListLedgerEntriesAsync(Proto.ListLedgerEntriesRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        var (from, to) = v.DateRange("from_date", request.FromDate, "to_date", request.ToDate);
        var after = page.AfterNumber(v);
        v.ThrowIfInvalid();

        var query = db.LedgerEntries.AsNoTracking();
        if (request.CustomerId.Length > 0) query = query.Where(e => e.CustomerId == request.CustomerId);
        if (request.InvoiceId.Length > 0) query = query.Where(e => e.InvoiceId == request.InvoiceId);
        if (from is { } f) query = query.Where(e => e.EffectiveDate >= f);
        if (to is { } t) query = query.Where(e => e.EffectiveDate <= t);
        if (after is { } last) query = query.Where(e => e.Id > last);
        var rows = await query.OrderBy(e => e.Id).Take(page.Size + 1).ToListAsync(ct);
        var (items, next) = page.Slice(rows, e => e.Id.ToString(CultureInfo.InvariantCulture));
        return new Proto.ListLedgerEntriesResponse { Entries = { items.Select(ToProto) }, NextPageToken = next };
    }

    private static Proto.AgingRow ToProto(AgingBuckets b) => new()
    {
        Key = b.Key,
        Currency = b.Currency,
        Current = MoneyMapping.ToProto(b.Current, b.Currency),
        Days1To30 = MoneyMapping.ToProto(b.Days1To30, b.Currency),
        Days31To60 = MoneyMapping.ToProto(b.Days31To60, b.Currency),
        Days61To90 = MoneyMapping.ToProto(b.Days61To90, b.Currency),
        Over90 = MoneyMapping.ToProto(b.Over90, b.Currency),
        Total = MoneyMapping.ToProto(b.Total, b.Currency),
        Disputed = MoneyMapping.ToProto(b.Disputed, b.Currency),
    };

    private static Proto.LedgerEntry ToProto(LedgerEntry e) => new()
    {
        Id = e.Id,
        CustomerId = e.CustomerId,
        InvoiceId = e.InvoiceId ?? "",
        Kind = WordBoundary().Replace(e.Kind.ToString(), "_$1").ToUpperInvariant(),
        Amount = MoneyMapping.ToProto(e.Amount, e.Currency),
        EffectiveDate = e.EffectiveDate.ToText(),
        PostTime = Timestamp.FromDateTime(DateTime.SpecifyKind(e.PostedAt, DateTimeKind.Utc)),
        Reference = e.Reference,
    };

    /// <summary>"InvoiceIssued" → "Invoice_Issued": the wire spells kinds as INVOICE_ISSUED.</summary>
    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBoundary();
}
