using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Labelling;

/// <summary>
/// The open items as a person working the day's payments in order sees them: what the payments
/// before settled is gone. Generators ask it whether an amount or a combination is unique for a
/// customer before they label a payment identifiable by it, and tell it what each payment settles.
/// </summary>
public sealed class Ledger
{
    /// <summary>Customers with more open items than this are never called unique by combination: the search would not be exhaustive in reasonable time.</summary>
    private const int MaxItemsForCombinations = 18;

    private readonly Dictionary<string, decimal> _open = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OpenInvoice>> _byCustomer = new(StringComparer.Ordinal);
    private readonly HashSet<string> _targeted = new(StringComparer.Ordinal);

    public Ledger(IReadOnlyList<CustomerName> customers, IReadOnlyList<OpenInvoice> invoices, IReadOnlyDictionary<string, string> learnedAccounts)
    {
        Context = new MatchContext(invoices, customers, learnedAccounts);
        foreach (var invoice in invoices)
        {
            _open[invoice.Id] = invoice.OpenAmount;
            if (!_byCustomer.TryGetValue(invoice.CustomerId, out var list)) _byCustomer[invoice.CustomerId] = list = [];
            list.Add(invoice);
        }
    }

    /// <summary>The world at the start of the day: what the engine's index is built from.</summary>
    public MatchContext Context { get; }

    public decimal Open(OpenInvoice invoice) => _open[invoice.Id];

    /// <summary>The customer's invoices still open in the currency.</summary>
    public IEnumerable<OpenInvoice> OpenOf(string customerId, string currency) =>
        _byCustomer.TryGetValue(customerId, out var list) ? list.Where(i => i.Currency == currency && _open[i.Id] > 0m) : [];

    /// <summary>Open, and no payment of the day has been made on it yet: a fresh target for a generator.</summary>
    public IEnumerable<OpenInvoice> Untargeted(string customerId, string currency) =>
        OpenOf(customerId, currency).Where(i => !_targeted.Contains(i.Id));

    /// <summary>How many of the customer's open invoices are open for exactly the amount.</summary>
    public int SameAmount(string customerId, string currency, decimal amount) =>
        OpenOf(customerId, currency).Count(i => _open[i.Id] == amount);

    /// <summary>
    /// How many sets of two or more of the customer's open items sum to exactly the amount,
    /// counted up to <paramref name="enough"/>; a customer with too many items to search
    /// exhaustively counts as <paramref name="enough"/> (never unique).
    /// </summary>
    public int Combinations(string customerId, string currency, decimal amount, int enough = 2)
    {
        var items = OpenOf(customerId, currency).Select(i => _open[i.Id]).OrderDescending().ToList();
        if (items.Count > MaxItemsForCombinations) return enough;
        var found = 0;
        void Search(int from, decimal left, int taken)
        {
            if (found >= enough) return;
            if (left == 0m)
            {
                if (taken >= 2) found++;
                return;
            }
            for (var i = from; i < items.Count && found < enough; i++)
                if (items[i] <= left) Search(i + 1, left - items[i], taken + 1);
        }
        Search(0, amount, 0);
        return found;
    }

    /// <summary>Whether a person would pin this one invoice from the amount alone, the payer being known: no other open item and no combination fits.</summary>
    public bool OnlyFit(OpenInvoice invoice) =>
        SameAmount(invoice.CustomerId, invoice.Currency, _open[invoice.Id]) == 1
        && Combinations(invoice.CustomerId, invoice.Currency, _open[invoice.Id], 1) == 0;

    /// <summary>The payment's truth is settled: its cash leaves the invoices (a short-paid rest stays open, as a person would leave it).</summary>
    public void Settle(Truth truth)
    {
        foreach (var line in truth.Lines)
        {
            _open[line.InvoiceId] = Math.Max(0m, _open[line.InvoiceId] - line.Cash);
            _targeted.Add(line.InvoiceId);
        }
    }
}
