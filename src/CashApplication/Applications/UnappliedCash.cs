using ArPlatform.CashApplication.Payments;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.CashApplication.Applications;

/// <summary>
/// Cash received and not yet placed (payments unapplied or partly applied): what it totals per
/// currency, and the part older than <see cref="AgedDays"/> — the figure collectors, controllers
/// (GetCashApplicationMetrics) and SREs (the <c>ar_cashapp_unapplied_*</c> gauges) all watch.
/// </summary>
public sealed record UnappliedCash(
    int Count, IReadOnlyDictionary<string, decimal> Amounts,
    int AgedCount, IReadOnlyDictionary<string, decimal> AgedAmounts,
    DateOnly? OldestBookingDate)
{
    public const int AgedDays = 7;

    /// <summary>Reads the waiting payments among <paramref name="payments"/> (by the status index).</summary>
    public static async Task<UnappliedCash> ReadAsync(IQueryable<Payment> payments, DateOnly today, CancellationToken ct)
    {
        var waiting = await payments.Where(p => p.Status == PaymentStatus.Unapplied || p.Status == PaymentStatus.PartiallyApplied)
            .Select(p => new { p.Currency, Open = p.Amount - p.AppliedAmount - p.OnAccountAmount, p.BookingDate })
            .ToListAsync(ct);
        var aged = waiting.Where(p => p.BookingDate < today.AddDays(-AgedDays)).ToList();
        return new UnappliedCash(
            waiting.Count, Totals(waiting.Select(p => (p.Currency, p.Open))),
            aged.Count, Totals(aged.Select(p => (p.Currency, p.Open))),
            waiting.Count == 0 ? null : waiting.Min(p => p.BookingDate));
    }

    /// <summary>Amounts summed per currency, in currency-code order.</summary>
    public static SortedDictionary<string, decimal> Totals(IEnumerable<(string Currency, decimal Amount)> amounts) =>
        new(amounts.GroupBy(a => a.Currency).ToDictionary(g => g.Key, g => g.Sum(a => a.Amount)), StringComparer.Ordinal);
}
