namespace ArPlatform.CashApplication.BankFiles;

public enum BankFileFormat
{
    Bai2 = 1,
    Camt053 = 2,
    Camt054 = 3,
    Edi820 = 4,
    Nacha = 5,
    Mt940 = 6,
    CsvLockbox = 7,
}

public enum Direction
{
    Credit = 1,
    Debit = 2,
}

/// <summary>
/// One remittance line: what the payer says a part of the payment is for. <see cref="Reference"/>
/// is the document number as written (an invoice number, a PO, a creditor reference);
/// <see cref="Qualifier"/> says which (X12 RMR01 "IV", camt "CINV"/"SCOR", or "TEXT" for free text).
/// </summary>
public sealed record RemittanceLine(
    string Qualifier, string Reference, decimal? PaidAmount = null, decimal? InvoiceAmount = null,
    decimal? DiscountAmount = null, string AdjustmentReason = "", decimal? AdjustmentAmount = null);

/// <summary>
/// One money movement as the bank reported it, in the form every parser produces. Amounts are
/// positive; <see cref="Direction"/> says which way. <see cref="BankReference"/> identifies the
/// movement at the bank (with the account and date it makes a payment unique across files).
/// </summary>
public sealed record BankTransaction
{
    public required BankFileFormat Format { get; init; }
    /// <summary>The line (or XML line) in the file where the movement starts, for messages.</summary>
    public required int LineNumber { get; init; }
    public required string AccountId { get; init; }
    public required string Currency { get; init; }
    public required decimal Amount { get; init; }
    public required Direction Direction { get; init; }
    public required DateOnly BookingDate { get; init; }
    public DateOnly? ValueDate { get; init; }
    public string BankReference { get; init; } = "";
    public string CustomerReference { get; init; } = "";
    /// <summary>The bank's own code for the kind of movement (BAI type code, camt domain/family, MT940 GVC, SEC code).</summary>
    public string TypeCode { get; init; } = "";
    public string PayerName { get; init; } = "";
    public string PayerAccount { get; init; } = "";
    /// <summary>A returned or reversed payment (NSF, closed account …), with the bank's reason.</summary>
    public bool IsReturn { get; init; }
    public string ReturnReason { get; init; } = "";
    public IReadOnlyList<RemittanceLine> Remittance { get; init; } = [];
    /// <summary>Free text the bank carried with the movement, joined with single spaces.</summary>
    public string Text { get; init; } = "";
}

/// <summary>A bank file that cannot be trusted: rejected whole, saying where and why.</summary>
public sealed class BankFileFormatException(int lineNumber, string reason)
    : Exception($"line {lineNumber}: {reason}")
{
    public int LineNumber { get; } = lineNumber;
    public string Reason { get; } = reason;
}
