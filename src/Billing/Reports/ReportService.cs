using System.Globalization;
using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Fx;
using ArPlatform.Billing.Invoices;
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
public sealed class ReportService(BillingDbContext db, AgingQuery aging, Portfolio portfolio, FxRateService fx, TimeProvider clock)
{
    public async Task<Proto.AgingReport> GetAgingAsync(Proto.GetAgingReportRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var asOf = v.Date("as_of", request.AsOf) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (!System.Enum.IsDefined(request.GroupBy))
            v.Add("group_by", "must be CUSTOMER, REGION, CURRENCY, COLLECTOR, SALES_REP, PRODUCT_LINE or SEGMENT");
        var reportCurrency = request.ReportCurrency.Length > 0 ? v.Currency("report_currency", request.ReportCurrency) : null;
        v.MaxLength("collector", request.Collector, 100);
        v.ThrowIfInvalid();
        var collector = CollectorOf(request.Collector);

        IReadOnlyList<AgingBuckets> rows;
        if (request.GroupBy == Proto.AgingGroupBy.ProductLine)
        {
            // Shares per line need each invoice's amount: read per invoice, split, then aged here.
            var items = await (await aging.OpenItemsAsync(asOf, new OpenItemScope(Collector: collector), ct))
                .Where(i => i.Open != 0m).ToListAsync(ct);
            var lines = await ProductLinesAsync(asOf, ct);
            rows = AgingCalculator.Age(items.SelectMany(i =>
            {
                var currency = Currency.Of(i.Currency);
                var shares = i.InvoiceId is { } id && lines.TryGetValue(id, out var l)
                    ? ProductLineShares.Split(i.Open, l, currency)
                    : [("", i.Open)];
                // The disputed part follows the open amount's shares.
                return shares.Select(s => new AgingItem(AgingQuery.Named(s.ProductCode), i.Currency, i.DueDate, s.Amount,
                    currency.Round(i.Disputed * s.Amount / i.Open)));
            }), asOf);
        }
        else
        {
            rows = await aging.AgeAsync(asOf, request.GroupBy, collector, ct);
        }
        var totals = AgingCalculator.Totals(rows);
        var report = new Proto.AgingReport
        {
            AsOf = asOf.ToText(),
            Rows = { rows.Select(ToProto) },
            Totals = { totals.Select(ToProto) },
        };
        if (reportCurrency is not null)
        {
            var conversion = await fx.ConversionAsync(reportCurrency, totals.Select(t => t.Currency).ToList(), asOf, ct);
            report.ReportTotal = ToProto(AgingCalculator.Convert(totals, conversion));
            report.RatesUsed.Add(conversion.Rates.Values.Select(FxRateService.ToProto));
        }
        return report;
    }


    /// <summary>The gross amount of each product code on every invoice that could be open on the date.</summary>
    private async Task<Dictionary<string, List<(string, decimal)>>> ProductLinesAsync(DateOnly asOf, CancellationToken ct)
    {
        var rows = await (
            from invoice in db.Invoices.AsNoTracking()
            where invoice.Status != InvoiceStatus.Draft && invoice.InvoiceDate <= asOf
            from line in invoice.Lines
            select new { invoice.Id, line.ProductCode, line.NetAmount, line.TaxAmount })
            .ToListAsync(ct);
        var byInvoice = new Dictionary<string, List<(string, decimal)>>(StringComparer.Ordinal);
        foreach (var row in rows)
        {
            if (!byInvoice.TryGetValue(row.Id, out var list)) byInvoice[row.Id] = list = [];
            list.Add((row.ProductCode, row.NetAmount + row.TaxAmount));
        }
        return byInvoice;
    }

    public async Task<Proto.ArRollForward> GetRollForwardAsync(Proto.GetArRollForwardRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var from = v.Date("from_date", request.FromDate, required: true);
        var to = v.Date("to_date", request.ToDate, required: true);
        if (from > to) v.Add("to_date", "must not be before from_date");
        v.MaxLength("collector", request.Collector, 100);
        v.ThrowIfInvalid();

        var ledger = db.LedgerEntries.AsNoTracking().Scoped(db, customerId: null, CollectorOf(request.Collector));
        var beginning = await ledger.Where(e => e.EffectiveDate < from)
            .GroupBy(e => e.Currency).Select(g => new { Currency = g.Key, Sum = g.Sum(e => e.Amount) })
            .ToDictionaryAsync(g => g.Currency, g => g.Sum, StringComparer.Ordinal, ct);
        // One read of the period, by month: the months roll forward from the beginning, and add up to the period.
        var byMonth = await ledger.Where(e => e.EffectiveDate >= from && e.EffectiveDate <= to)
            .GroupBy(e => new { e.EffectiveDate.Year, e.EffectiveDate.Month, e.Currency, e.Kind })
            .Select(g => new { g.Key.Year, g.Key.Month, Total = new KindTotal(g.Key.Currency, g.Key.Kind, g.Sum(e => e.Amount)) })
            .ToListAsync(ct);
        var period = byMonth.GroupBy(m => (m.Total.Currency, m.Total.Kind)).Select(g => new KindTotal(g.Key.Currency, g.Key.Kind, g.Sum(m => m.Total.Sum)));
        var result = new Proto.ArRollForward { FromDate = from!.Value.ToText(), ToDate = to!.Value.ToText() };
        result.Rows.AddRange(ToProto(RollForwardCalculator.Compute(beginning, period)));
        if (!request.Monthly) return result;
        var opening = new Dictionary<string, decimal>(beginning, StringComparer.Ordinal);
        for (var month = new DateOnly(from.Value.Year, from.Value.Month, 1); month <= to.Value; month = month.AddMonths(1))
        {
            var rows = RollForwardCalculator.Compute(opening,
                byMonth.Where(m => m.Year == month.Year && m.Month == month.Month).Select(m => m.Total));
            result.Months.Add(new Proto.RollForwardMonth { Month = month.ToString("yyyy-MM", CultureInfo.InvariantCulture), Rows = { ToProto(rows) } });
            foreach (var row in rows) opening[row.Currency] = row.Ending;
        }
        return result;
    }

    /// <summary>Whose customers a report covers: a collector's own portfolio, else the collector asked for, else everyone's.</summary>
    private string? CollectorOf(string requested) => portfolio.Owner ?? (requested.Length > 0 ? requested : null);

    private static IEnumerable<Proto.RollForwardRow> ToProto(IEnumerable<RollForwardRow> rows) => rows.Select(r => new Proto.RollForwardRow
    {
        Currency = r.Currency,
        Beginning = MoneyMapping.ToProto(r.Beginning, r.Currency),
        Billed = MoneyMapping.ToProto(r.Billed, r.Currency),
        Collected = MoneyMapping.ToProto(r.Collected, r.Currency),
        Credited = MoneyMapping.ToProto(r.Credited, r.Currency),
        WrittenOff = MoneyMapping.ToProto(r.WrittenOff, r.Currency),
        Adjustments = MoneyMapping.ToProto(r.Adjustments, r.Currency),
        Ending = MoneyMapping.ToProto(r.Ending, r.Currency),
    });

    public async Task<Proto.ListLedgerEntriesResponse> ListLedgerEntriesAsync(Proto.ListLedgerEntriesRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        var (from, to) = v.DateRange("from_date", request.FromDate, "to_date", request.ToDate);
        var after = page.AfterNumber(v);
        v.ThrowIfInvalid();

        var query = portfolio.Entries(db.LedgerEntries.AsNoTracking());
        if (request.CustomerId.Length > 0) query = query.Where(e => e.CustomerId == request.CustomerId);
        if (request.InvoiceId.Length > 0) query = query.Where(e => e.InvoiceId == request.InvoiceId);
        if (from is { } f) query = query.Where(e => e.EffectiveDate >= f);
        if (to is { } t) query = query.Where(e => e.EffectiveDate <= t);
        if (after is { } last) query = query.Where(e => e.Id > last);
        var rows = await query.OrderBy(e => e.Id).Take(page.Size + 1).ToListAsync(ct);
        var (items, next) = page.Slice(rows, e => e.Id.ToString(CultureInfo.InvariantCulture));
        return new Proto.ListLedgerEntriesResponse { Entries = { items.Select(ToProto) }, NextPageToken = next };
    }

    public static Proto.AgingRow ToProto(AgingBuckets b) => new()
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
        Kind = LedgerEntryKindNames.ToWire(e.Kind),
        Amount = MoneyMapping.ToProto(e.Amount, e.Currency),
        EffectiveDate = e.EffectiveDate.ToText(),
        PostTime = Timestamp.FromDateTime(DateTime.SpecifyKind(e.PostedAt, DateTimeKind.Utc)),
        Reference = e.Reference,
    };
}
