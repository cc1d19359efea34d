using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Payments;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Applications;

/// <summary>
/// GetCashApplicationMetrics: how much cash places itself, at three levels (the payment as a
/// whole; each remittance line; each invoice settled), and what waits for people. Counted in the
/// database; only the waiting payments' amounts are summed here (per currency, exactly).
/// </summary>
public sealed class CashApplicationMetricsService(CashApplicationDbContext db, TimeProvider clock)
{
    private static readonly ApplicationStatus[] Live = [ApplicationStatus.Pending, ApplicationStatus.Applied, ApplicationStatus.Reversing];

    public async Task<Proto.CashApplicationMetrics> GetAsync(Proto.GetCashApplicationMetricsRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var from = v.Date("from_date", request.FromDate);
        var to = v.Date("to_date", request.ToDate);
        if (from > to) v.Add("to_date", "is before from_date");
        v.ThrowIfInvalid();

        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var payments = db.Payments.AsNoTracking().IgnoreAutoIncludes().Where(p => p.Status != PaymentStatus.Returned);
        if (from is { } f) payments = payments.Where(p => p.BookingDate >= f);
        if (to is { } t) payments = payments.Where(p => p.BookingDate <= t);
        var live = db.Applications.AsNoTracking().IgnoreAutoIncludes()
            .Where(a => Live.Contains(a.Status) && payments.Any(p => p.Id == a.PaymentId));
        var liveLines = live.SelectMany(a => a.Lines, (a, l) => new { a.Automatic, l.InvoiceId });

        var count = await payments.CountAsync(ct);
        var autoApplied = await payments.CountAsync(p => (p.Status == PaymentStatus.Applied || p.Status == PaymentStatus.OnAccount)
            && live.Any(a => a.PaymentId == p.Id && a.Automatic) && !live.Any(a => a.PaymentId == p.Id && !a.Automatic), ct);
        var lines = await payments.SelectMany(p => p.Remittance).CountAsync(ct);
        var linesMatched = await live.Where(a => a.Automatic).SumAsync(a => a.RemittanceLinesMatched, ct);
        var invoices = await liveLines.CountAsync(ct);
        var invoicesAuto = await liveLines.CountAsync(l => l.Automatic, ct);

        var unapplied = await UnappliedCash.ReadAsync(payments, today, ct);
        var onAccount = await payments.Where(p => p.Status == PaymentStatus.OnAccount)
            .Select(p => new { p.Currency, p.OnAccountAmount }).ToListAsync(ct);

        return new Proto.CashApplicationMetrics
        {
            Payments = count,
            PaymentsAutoApplied = autoApplied,
            EnvelopeAutoMatchRate = Rate(autoApplied, count),
            RemittanceLines = lines,
            RemittanceLinesAutoMatched = linesMatched,
            LineAutoMatchRate = Rate(linesMatched, lines),
            InvoicesApplied = invoices,
            InvoicesAutoApplied = invoicesAuto,
            InvoiceAutoMatchRate = Rate(invoicesAuto, invoices),
            UnappliedCount = unapplied.Count,
            UnappliedAmounts = { ToProto(unapplied.Amounts) },
            UnappliedOver7DaysCount = unapplied.AgedCount,
            UnappliedOver7DaysAmounts = { ToProto(unapplied.AgedAmounts) },
            OnAccountCount = onAccount.Count,
            OnAccountAmounts = { ToProto(UnappliedCash.Totals(onAccount.Select(p => (p.Currency, p.OnAccountAmount)))) },
            ApplicationsPending = await db.Applications.CountAsync(a => a.NextAttemptAt != null, ct),
            ApplicationsFailed = await db.Applications.CountAsync(a => a.Status == ApplicationStatus.Failed, ct),
            AsOf = today.ToString("yyyy-MM-dd"),
        };
    }

    /// <summary>A share as a decimal string with four places; "0" when there is nothing to share.</summary>
    public static string Rate(int part, int whole) =>
        whole == 0 ? "0" : DecimalText.Format(Math.Round((decimal)part / whole, 4));

    /// <summary>Totals per currency (already in code order) as wire amounts.</summary>
    private static IEnumerable<Contracts.Common.V1.Money> ToProto(IReadOnlyDictionary<string, decimal> totals) =>
        totals.Select(t => MoneyMapping.ToProto(t.Value, t.Key));
}
