using ArPlatform.ServiceDefaults.Errors;

namespace ArPlatform.Billing.Payments;

public enum PaymentApplicationStatus
{
    Applied = 1,
    Reversed = 2,
}

/// <summary>Cash put against invoices: one payment, one or more allocations, reversible once.</summary>
public sealed class PaymentApplication
{
    public required string Id { get; init; }
    public required string PaymentReference { get; init; }
    public DateOnly AppliedOn { get; init; }
    public required string Currency { get; init; }
    public decimal Total { get; init; }
    public PaymentApplicationStatus Status { get; private set; } = PaymentApplicationStatus.Applied;
    public List<PaymentAllocation> Allocations { get; init; } = [];
    public DateTime CreatedAt { get; init; }
    public DateTime? ReversedAt { get; private set; }
    public string ReversalReason { get; private set; } = "";

    public void Reverse(string reason, DateTime now)
    {
        if (Status == PaymentApplicationStatus.Reversed)
            throw new PreconditionFailedException("APPLICATION_STATE", $"payment-applications/{Id}",
                $"Payment application {Id} was already reversed.");
        Status = PaymentApplicationStatus.Reversed;
        ReversalReason = reason;
        ReversedAt = now;
    }
}

public sealed class PaymentAllocation
{
    public int LineNumber { get; init; }
    public required string InvoiceId { get; init; }
    /// <summary>The cash.</summary>
    public decimal Amount { get; init; }
    /// <summary>A short-pay written off under the policy's limit along with the cash.</summary>
    public decimal WriteOff { get; init; }
    /// <summary>Tax the payer withheld, moved to the withholding-tax receivable.</summary>
    public decimal WithholdingTax { get; init; }
    /// <summary>The early-payment discount taken.</summary>
    public decimal Discount { get; init; }

    /// <summary>All the allocation takes off the invoice.</summary>
    public decimal Settled => Amount + WriteOff + WithholdingTax + Discount;
}
