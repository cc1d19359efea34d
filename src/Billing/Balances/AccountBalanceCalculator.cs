using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Balances;

/// <summary>
/// What the ledger says one invoice (or, with no invoice, the customer's on-account items) still
/// owes: the sum of its entries, with the invoice's due date and disputed amount.
/// </summary>
public sealed record OpenItem(string? InvoiceId, string Currency, DateOnly? DueDate, decimal Open, decimal Disputed);

public sealed record CurrencyBalanceFigures(Money Open, Money Overdue, Money Disputed);

public sealed record BalanceFigures(IReadOnlyList<CurrencyBalanceFigures> Currencies, int OpenInvoiceCount);

/// <summary>
/// A customer's balance from their ledger, per currency: open (everything owed), overdue
/// (owed on invoices due before <c>today</c>) and disputed (flagged amounts still open).
/// </summary>
public static class AccountBalanceCalculator
{
    public static BalanceFigures Summarise(IEnumerable<OpenItem> items, DateOnly today)
    {
        var openInvoices = 0;
        var byCurrency = new SortedDictionary<string, (decimal Open, decimal Overdue, decimal Disputed)>(StringComparer.Ordinal);
        foreach (var item in items)
        {
            byCurrency.TryGetValue(item.Currency, out var sums);
            sums.Open += item.Open;
            if (item.InvoiceId is not null && item.Open > 0m)
            {
                openInvoices++;
                if (item.DueDate < today) sums.Overdue += item.Open;
                sums.Disputed += Math.Min(item.Disputed, item.Open);
            }
            byCurrency[item.Currency] = sums;
        }

        var currencies = byCurrency.Select(kv =>
        {
            var currency = Currency.Of(kv.Key);
            return new CurrencyBalanceFigures(
                new Money(kv.Value.Open, currency),
                new Money(kv.Value.Overdue, currency),
                new Money(kv.Value.Disputed, currency));
        }).ToList();
        return new BalanceFigures(currencies, openInvoices);
    }
}
