using System.Runtime.CompilerServices;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Ledger;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Reports;

/// <summary>One customer's payment habit: amount-weighted days from due date to payment.</summary>
public readonly record struct PaymentHabit(string CustomerId, decimal AverageDaysLate, int Payments);

/// <summary>
/// How late each customer pays, from the cash applied to invoices since a date: one streamed
/// read of the payments joined to their invoices' due dates, summed per customer in memory
/// (SQLite cannot sum decimals; the row stream is narrow).
/// </summary>
public sealed class PaymentBehaviourQuery(BillingDbContext db, TimeProvider clock)
{
    /// <param name="since">The first accounting date counted; a year before today when null.</param>
    public async IAsyncEnumerable<PaymentHabit> ReadAsync(DateOnly? since, [EnumeratorCancellation] CancellationToken ct)
    {
        var from = since ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).AddYears(-1);
        var sums = new Dictionary<string, (decimal WeightedDays, decimal Cash, int Payments)>(StringComparer.Ordinal);
        var payments = db.LedgerEntries.AsNoTracking()
            .Where(e => e.Kind == LedgerEntryKind.PaymentApplied && e.EffectiveDate >= from && e.InvoiceId != null)
            .Join(db.Invoices, e => e.InvoiceId, i => i.Id, (e, i) => new { i.CustomerId, e.EffectiveDate, i.DueDate, e.Amount });
        await foreach (var p in payments.AsAsyncEnumerable().WithCancellation(ct))
        {
            var cash = -p.Amount;
            var (weighted, total, count) = sums.GetValueOrDefault(p.CustomerId);
            sums[p.CustomerId] = (weighted + cash * (p.EffectiveDate.DayNumber - p.DueDate.DayNumber), total + cash, count + 1);
        }
        foreach (var (customerId, (weighted, cash, count)) in sums.OrderBy(s => s.Key, StringComparer.Ordinal))
            if (cash > 0m) yield return new PaymentHabit(customerId, Math.Round(weighted / cash, 2, MidpointRounding.AwayFromZero), count);
    }
}
