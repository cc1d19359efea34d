using ArPlatform.Billing.Ledger;

namespace ArPlatform.Billing.Reports;

/// <summary>What one kind of entry added up to in the period, per currency.</summary>
public sealed record KindTotal(string Currency, LedgerEntryKind Kind, decimal Sum);

public sealed record RollForwardRow(
    string Currency, decimal Beginning, decimal Billed, decimal Collected, decimal Credited, decimal WrittenOff, decimal Adjustments)
{
    /// <summary>Beginning + billed − collected − credited − written off ± adjustments.</summary>
    public decimal Ending => Beginning + Billed - Collected - Credited - WrittenOff + Adjustments;
}

/// <summary>
/// The AR roll-forward auditors ask for. Reductions (collected, credited, written off) are shown
/// as positive figures and subtracted; adjustments keep the sign with which they move AR.
/// Billed is net of voids; collected is net of reversed applications.
/// </summary>
public static class RollForwardCalculator
{
    public static IReadOnlyList<RollForwardRow> Compute(IReadOnlyDictionary<string, decimal> beginning, IEnumerable<KindTotal> period)
    {
        var totals = period.ToList();
        return beginning.Keys.Union(totals.Select(t => t.Currency)).Order(StringComparer.Ordinal).Select(currency =>
        {
            decimal Sum(params LedgerEntryKind[] kinds) =>
                totals.Where(t => t.Currency == currency && kinds.Contains(t.Kind)).Sum(t => t.Sum);
            var billed = Sum(LedgerEntryKind.InvoiceIssued, LedgerEntryKind.InvoiceVoided);
            var collected = -Sum(LedgerEntryKind.PaymentApplied, LedgerEntryKind.PaymentReversed);
            var credited = -Sum(LedgerEntryKind.CreditMemo);
            var writtenOff = -Sum(LedgerEntryKind.WriteOff);
            var all = totals.Where(t => t.Currency == currency).Sum(t => t.Sum);
            var adjustments = all - billed + collected + credited + writtenOff;
            return new RollForwardRow(currency, beginning.GetValueOrDefault(currency), billed, collected, credited, writtenOff, adjustments);
        }).ToList();
    }
}
