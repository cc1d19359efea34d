using System.Globalization;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Reports;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.SharedKernel;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Gl;

/// <summary>
/// Month-end: the journal of every ledger entry, the proof that the subledger equals the AR
/// control account, and closing periods so nothing lands in them afterwards.
/// </summary>
public sealed class GlService(
    BillingDbContext db, CommandExecutor<BillingDbContext> commands, PeriodLock periods, AgingQuery openItems, CallerContext caller,
    IOptions<GlAccounts> accounts, TimeProvider clock)
{
    public async Task<Proto.ExportJournalResponse> ExportAsync(Proto.ExportJournalRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        var (from, to) = v.DateRange("from_date", request.FromDate, "to_date", request.ToDate);
        var after = page.AfterNumber(v);
        v.ThrowIfInvalid();

        var entries = await JournalPageAsync(from, to, after ?? 0, page.Size + 1, ct);
        var (items, next) = page.Slice(entries, e => e.LedgerEntryId.ToString(CultureInfo.InvariantCulture));
        return new Proto.ExportJournalResponse { Entries = { items.Select(ToProto) }, NextPageToken = next };
    }

    /// <summary>
    /// Journal entries for the ledger entries after <paramref name="afterId"/> in a date range:
    /// one range read of the ledger and one read of the invoices the page's issue and void entries
    /// belong to (their tax split and kind).
    /// </summary>
    public async Task<IReadOnlyList<JournalEntry>> JournalPageAsync(DateOnly? from, DateOnly? to, long afterId, int size, CancellationToken ct)
    {
        var query = db.LedgerEntries.AsNoTracking().Where(e => e.Id > afterId);
        if (from is { } f) query = query.Where(e => e.EffectiveDate >= f);
        if (to is { } t) query = query.Where(e => e.EffectiveDate <= t);
        var rows = await query.OrderBy(e => e.Id).Take(size).ToListAsync(ct);
        var invoiceIds = rows
            .Where(e => e.Kind is LedgerEntryKind.InvoiceIssued or LedgerEntryKind.InvoiceVoided && e.InvoiceId is not null)
            .Select(e => e.InvoiceId!).Distinct().ToList();
        var facts = await db.Invoices.AsNoTracking().IgnoreAutoIncludes().Where(i => invoiceIds.Contains(i.Id))
            .Select(i => new { i.Id, i.TaxTotal, i.Total, i.Kind })
            .ToDictionaryAsync(i => i.Id, i => new InvoiceFacts(i.TaxTotal, i.Total, i.Kind), ct);
        return rows.Select(e => JournalBuilder.Build(e, e.InvoiceId is { } id ? facts.GetValueOrDefault(id) : null, accounts.Value)).ToList();
    }

    public async Task<Proto.GlReconciliation> ReconcileAsync(Proto.GetGlReconciliationRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var asOf = v.Date("as_of", request.AsOf);
        v.ThrowIfInvalid();
        return await ReconcileAsync(asOf ?? Today, ct);
    }

    /// <summary>
    /// Subledger against control account, per currency. The subledger is the aging's open items:
    /// up to date, what AR works from — every open invoice's open amount plus the on-account items —
    /// so any drift between the invoices and the ledger shows; for a past date, each invoice rebuilt
    /// from the ledger. The control account is the journal's AR lines up to that date.
    /// </summary>
    private async Task<Proto.GlReconciliation> ReconcileAsync(DateOnly asOf, CancellationToken ct)
    {
        var byKind = await db.LedgerEntries.AsNoTracking().Where(e => e.EffectiveDate <= asOf)
            .GroupBy(e => new { e.Currency, e.Kind }).Select(g => new { g.Key.Currency, g.Key.Kind, Sum = g.Sum(e => e.Amount) })
            .ToListAsync(ct);
        var control = byKind.GroupBy(k => k.Currency)
            .ToDictionary(g => g.Key, g => g.Sum(k => JournalBuilder.ReceivablesEffect(k.Kind, k.Sum)), StringComparer.Ordinal);

        var subledger = await (await openItems.OpenItemsAsync(asOf, OpenItemScope.Everyone, ct))
            .GroupBy(i => i.Currency).Select(g => new { Currency = g.Key, Sum = g.Sum(i => i.Open) })
            .ToDictionaryAsync(g => g.Currency, g => g.Sum, StringComparer.Ordinal, ct);

        var result = new Proto.GlReconciliation
        {
            AsOf = asOf.ToText(),
            ControlAccount = accounts.Value.Receivables,
            ClosedThrough = (await periods.ClosedThroughAsync(ct))?.ToText() ?? "",
        };
        foreach (var currency in control.Keys.Union(subledger.Keys).Order(StringComparer.Ordinal))
        {
            var sub = subledger.GetValueOrDefault(currency);
            var gl = control.GetValueOrDefault(currency);
            result.Rows.Add(new Proto.GlReconciliationRow
            {
                Currency = currency,
                Subledger = MoneyMapping.ToProto(sub, currency),
                ControlAccount = MoneyMapping.ToProto(gl, currency),
                Difference = MoneyMapping.ToProto(sub - gl, currency),
                Reconciled = sub == gl,
            });
        }
        result.Reconciled = result.Rows.All(r => r.Reconciled);
        return result;
    }

    public async Task<Proto.AccountingPeriod> CloseAsync(Proto.ClosePeriodRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        var first = v.Month("period", request.Period, required: true);
        v.ThrowIfInvalid();
        var lastDay = first!.Value.AddMonths(1).AddDays(-1);

        return await commands.ExecuteAsync("ClosePeriod", request.RequestId, request, async token =>
        {
            if (lastDay >= Today)
                throw new PreconditionFailedException("PERIOD_NOT_ENDED", $"periods/{request.Period}",
                    $"{request.Period} ends on {lastDay:yyyy-MM-dd}; a month closes only after its last day.");
            if (await periods.ClosedThroughAsync(token) is { } closed)
            {
                var next = ClosedPeriod.Name(closed.AddDays(1));
                if (lastDay <= closed)
                    throw new PreconditionFailedException("PERIOD_CLOSED", $"periods/{request.Period}", $"{request.Period} is already closed.");
                if (request.Period != next)
                    throw new PreconditionFailedException("PERIOD_OUT_OF_ORDER", $"periods/{request.Period}",
                        $"Months close in order: {next} is the next one to close.");
            }
            var reconciliation = await ReconcileAsync(lastDay, token);
            if (!reconciliation.Reconciled)
                throw new PreconditionFailedException("NOT_RECONCILED", $"periods/{request.Period}",
                    $"The subledger does not equal the AR control account on {lastDay:yyyy-MM-dd}: " +
                    string.Join(", ", reconciliation.Rows.Where(r => !r.Reconciled).Select(r => $"{r.Currency} differs by {r.Difference.Amount}")));
            var period = new ClosedPeriod
            {
                Period = request.Period, LastDay = lastDay, ClosedBy = caller.Actor, ClosedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.ClosedPeriods.Add(period);
            periods.Closed(lastDay);
            var result = ToProto(period);
            commands.Audit("period", period.Period, null, result);
            return result;
        }, ct);
    }

    public async Task<Proto.ListClosedPeriodsResponse> ListClosedAsync(CancellationToken ct) => new()
    {
        Periods = { (await db.ClosedPeriods.AsNoTracking().OrderBy(p => p.Period).ToListAsync(ct)).Select(ToProto) },
    };

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static Proto.AccountingPeriod ToProto(ClosedPeriod p) => new()
    {
        Period = p.Period,
        LastDay = p.LastDay.ToText(),
        ClosedBy = p.ClosedBy,
        CloseTime = Timestamp.FromDateTime(DateTime.SpecifyKind(p.ClosedAt, DateTimeKind.Utc)),
    };

    /// <summary>An amount as the journal shows it: the currency's decimals, always.</summary>
    public static string Format(decimal amount, string currency) => SharedKernel.Money.Rounded(amount, Currency.Of(currency)).FormatAmount();

    private static Proto.JournalEntry ToProto(JournalEntry e) => new()
    {
        LedgerEntryId = e.LedgerEntryId,
        Date = e.Date.ToText(),
        Currency = e.Currency,
        CustomerId = e.CustomerId,
        Description = e.Description,
        Lines =
        {
            e.Lines.Select(l => new Proto.JournalLine
            {
                Account = l.Account, Debit = Format(l.Debit, e.Currency), Credit = Format(l.Credit, e.Currency),
            }),
        },
    };
}
