using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;

namespace ArPlatform.Billing.Gl;

public sealed record JournalLine(string Account, decimal Debit, decimal Credit);

public sealed record JournalEntry(
    long LedgerEntryId, DateOnly Date, string Currency, string CustomerId, string Description, IReadOnlyList<JournalLine> Lines);

/// <summary>For an invoice's own entries: the tax in its total and what raised it.</summary>
public sealed record InvoiceFacts(decimal TaxTotal, decimal Total, InvoiceKind Kind);

/// <summary>
/// Every ledger entry as a balanced journal entry. An entry that raises AR (positive) debits the
/// AR control account and credits its counter-account; one that lowers AR credits AR and debits
/// the counter-account. An invoice's counter-account splits into revenue (or late-charge income)
/// and sales tax. Debits always equal credits.
/// </summary>
public static class JournalBuilder
{
    public static JournalEntry Build(LedgerEntry entry, InvoiceFacts? invoice, GlAccounts accounts)
    {
        var amount = Math.Abs(entry.Amount);
        var raisesAr = entry.Amount > 0m;
        var counter = CounterAccounts(entry, invoice, amount, accounts);
        var lines = new List<JournalLine>(counter.Count + 1)
        {
            raisesAr ? new JournalLine(accounts.Receivables, amount, 0m) : new JournalLine(accounts.Receivables, 0m, amount),
        };
        lines.AddRange(counter
            .Where(c => c.Amount != 0m)
            .Select(c => raisesAr ? new JournalLine(c.Account, 0m, c.Amount) : new JournalLine(c.Account, c.Amount, 0m)));
        return new JournalEntry(entry.Id, entry.EffectiveDate, entry.Currency, entry.CustomerId,
            $"{Describe(entry.Kind)} {entry.Reference}".Trim(), lines);
    }

    /// <summary>
    /// How an entry of this kind moves the AR control account: by its amount, except a credit
    /// applied from on-account to an invoice, which moves AR against AR.
    /// </summary>
    public static decimal ReceivablesEffect(LedgerEntryKind kind, decimal amount) =>
        kind == LedgerEntryKind.CreditApplied ? 0m : amount;

    private static IReadOnlyList<(string Account, decimal Amount)> CounterAccounts(
        LedgerEntry entry, InvoiceFacts? invoice, decimal amount, GlAccounts accounts)
    {
        switch (entry.Kind)
        {
            case LedgerEntryKind.InvoiceIssued or LedgerEntryKind.InvoiceVoided:
                // A void reverses the whole invoice, so its tax share is the invoice's tax.
                var tax = invoice is null || invoice.Total == 0m ? 0m : Math.Min(invoice.TaxTotal, amount);
                var income = invoice?.Kind == InvoiceKind.LateCharge ? accounts.LateChargeIncome : accounts.Revenue;
                return [(income, amount - tax), (accounts.SalesTaxPayable, tax)];
            case LedgerEntryKind.PaymentApplied or LedgerEntryKind.PaymentReversed:
                return [(accounts.CashClearing, amount)];
            case LedgerEntryKind.CreditMemo:
                return [(accounts.SalesReturnsAndAllowances, amount)];
            case LedgerEntryKind.WriteOff:
                return [(accounts.AllowanceForDoubtfulAccounts, amount)];
            case LedgerEntryKind.WithholdingTax:
                return [(accounts.WithholdingTaxReceivable, amount)];
            case LedgerEntryKind.DiscountTaken:
                return [(accounts.SalesDiscounts, amount)];
            case LedgerEntryKind.CreditApplied:
                // From the customer's on-account credit to an invoice: AR against AR (the pair nets to zero).
                return [(accounts.Receivables, amount)];
            default:
                return [(accounts.Adjustments, amount)];
        }
    }

    private static string Describe(LedgerEntryKind kind) => kind switch
    {
        LedgerEntryKind.InvoiceIssued => "Invoice",
        LedgerEntryKind.InvoiceVoided => "Void",
        LedgerEntryKind.PaymentApplied => "Cash applied",
        LedgerEntryKind.PaymentReversed => "Cash reversed",
        LedgerEntryKind.CreditMemo => "Credit memo",
        LedgerEntryKind.WriteOff => "Write-off",
        LedgerEntryKind.WithholdingTax => "Withholding tax",
        LedgerEntryKind.DiscountTaken => "Discount",
        LedgerEntryKind.CreditApplied => "Credit applied",
        _ => "Adjustment",
    };
}
