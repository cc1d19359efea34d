using ArPlatform.CashApplication.BankFiles;
using ArPlatform.ServiceDefaults.Errors;

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
    /// <summary>Whose payment it is, once an application said so.</summary>
    public string? CustomerId { get; private set; }
    /// <summary>Over-payment kept for the customer by live applications.</summary>
    public decimal OnAccountAmount { get; private set; }
    public long Version { get; private set; }

    /// <summary>Cash neither applied to invoices nor kept on account: what waits for a person.</summary>
    public decimal UnappliedAmount => Amount - AppliedAmount - OnAccountAmount;

    /// <summary>An application takes this much cash to invoices and this much on account.</summary>
    public void Commit(string customerId, decimal cash, decimal onAccount)
    {
        if (Status == PaymentStatus.Returned)
            throw new PreconditionFailedException("PAYMENT_STATE", $"payments/{Id}", $"Payment {Id} was returned by the bank; it cannot be applied.");
        if (cash + onAccount > UnappliedAmount)
            throw new PreconditionFailedException("AMOUNT_EXCEEDS_UNAPPLIED", $"payments/{Id}",
                $"Payment {Id} has {UnappliedAmount:0.####} {Currency} unapplied; {cash + onAccount:0.####} cannot be applied.");
        if (CustomerId is not null && CustomerId != customerId && AppliedAmount + OnAccountAmount > 0m)
            throw new PreconditionFailedException("CUSTOMER_MISMATCH", $"payments/{Id}",
                $"Payment {Id} is already applied for customer {CustomerId}; unapply it before applying it for {customerId}.");
        CustomerId = customerId;
        AppliedAmount += cash;
        OnAccountAmount += onAccount;
        Refresh();
    }

    /// <summary>An application failed or was reversed: its cash is unapplied again.</summary>
    public void Release(decimal cash, decimal onAccount)
    {
        AppliedAmount -= cash;
        OnAccountAmount -= onAccount;
        if (AppliedAmount + OnAccountAmount == 0m) CustomerId = null;
        Refresh();
    }

    /// <summary>The bank took the money back: nothing more can be applied.</summary>
    public void MarkReturned()
    {
        Status = PaymentStatus.Returned;
        Version++;
    }

    private void Refresh()
    {
        if (Status != PaymentStatus.Returned)
            Status = UnappliedAmount == Amount ? PaymentStatus.Unapplied
                : UnappliedAmount > 0m ? PaymentStatus.PartiallyApplied
                : OnAccountAmount > 0m ? PaymentStatus.OnAccount
                : PaymentStatus.Applied;
        Version++;
    }
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
