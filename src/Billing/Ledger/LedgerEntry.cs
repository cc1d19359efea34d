namespace ArPlatform.Billing.Ledger;

public enum LedgerEntryKind
{
    InvoiceIssued = 1,
    PaymentApplied = 2,
    PaymentReversed = 3,
    CreditMemo = 4,
    WriteOff = 5,
    Adjustment = 6,
    /// <summary>Reverses an issued invoice's total when it is voided.</summary>
    InvoiceVoided = 7,
    /// <summary>Tax the payer withheld: no longer owed by the customer but by the tax office, against a certificate.</summary>
    WithholdingTax = 8,
    /// <summary>An early-payment discount the customer took in time.</summary>
    DiscountTaken = 9,
    /// <summary>
    /// A credit on account used on an invoice: posted in pairs (the on-account item grows back
    /// towards zero, the invoice falls), so the customer's balance does not move.
    /// </summary>
    CreditApplied = 10,
}

/// <summary>
/// One immutable line of the AR subledger. Positive amounts increase what the customer owes
/// (an issued invoice), negative ones reduce it (cash, credits, write-offs). Entries are only
/// ever inserted; a correction is a new entry.
/// </summary>
public sealed class LedgerEntry
{
    /// <summary>Database-assigned, increasing: the order in which entries were posted.</summary>
    public long Id { get; init; }
    public required string CustomerId { get; init; }
    public string? InvoiceId { get; init; }
    public LedgerEntryKind Kind { get; init; }
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    /// <summary>The accounting date the entry belongs to.</summary>
    public DateOnly EffectiveDate { get; init; }
    public DateTime PostedAt { get; init; }
    /// <summary>What caused it: an invoice number, a payment reference.</summary>
    public string Reference { get; init; } = "";
}
