using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.CashApplication.Payments;

// Shares its numbers with the wire enum ar.cashapp.v1.PaymentStatus.
public enum PaymentStatus
{
    Unapplied = 1,
    PartiallyApplied = 2,
    Applied = 3,
    OnAccount = 4,
    Returned = 5,
}

/// <summary>
/// Money received: one credit of a bank file (or one payment recorded by API), with what the
/// payer said it is for. <see cref="UniqueKey"/> identifies the bank transaction across files,
/// so the same movement is never a payment twice.
/// </summary>
public sealed class Payment
{
    public required string Id { get; init; }
    public string? ImportId { get; init; }
    public PaymentStatus Status { get; private set; } = PaymentStatus.Unapplied;
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    public decimal AppliedAmount { get; private set; }
    public DateOnly BookingDate { get; init; }
    public DateOnly? ValueDate { get; init; }
    public string BankReference { get; init; } = "";
    public string CustomerReference { get; init; } = "";
    public string AccountId { get; init; } = "";
    public string PayerName { get; init; } = "";
    public string PayerAccount { get; init; } = "";
    public string Text { get; init; } = "";
    /// <summary>The file's format; none for a payment recorded by API.</summary>
    public BankFileFormat? Format { get; init; }
    public int LineNumber { get; init; }
    public string TypeCode { get; init; } = "";
    public required string UniqueKey { get; init; }
    public DateTime CreatedAt { get; init; }
    public List<PaymentRemittance> Remittance { get; init; } = [];
    public long Version { get; private set; }

    public decimal UnappliedAmount => Amount - AppliedAmount;
}

public sealed class PaymentRemittance
{
    public int LineNumber { get; init; }
    public required string Qualifier { get; init; }
    public required string Reference { get; init; }
    public decimal? PaidAmount { get; init; }
    public decimal? InvoiceAmount { get; init; }
    public decimal? DiscountAmount { get; init; }
    public string AdjustmentReason { get; init; } = "";
    public decimal? AdjustmentAmount { get; init; }
}
