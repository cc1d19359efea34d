using ArPlatform.ServiceDefaults.Errors;

namespace ArPlatform.CashApplication.Applications;

// Shares its numbers with the wire enum ar.cashapp.v1.ApplicationStatus.
public enum ApplicationStatus
{
    Pending = 1,
    Applied = 2,
    Failed = 3,
    Reversing = 4,
    Reversed = 5,
}

// Shares its numbers with the wire enum ar.cashapp.v1.ShortfallTreatment.
public enum ShortfallTreatment
{
    LeaveOpen = 0,
    WriteOff = 1,
    Deduction = 2,
    WithholdingTax = 3,
    Discount = 4,
}

/// <summary>
/// One decision about where a payment's cash goes, kept here first and then carried out in
/// Billing (and, for deductions, in Disputes). The row is its own outbox: while
/// <see cref="NextAttemptAt"/> is set there is remote work left, which the dispatcher does in
/// order — apply in Billing (idempotent by this id), open the deductions, reverse when asked —
/// and re-drives after a crash or an outage.
/// </summary>
public sealed class PaymentApplication
{
    public required string Id { get; init; }
    public required string PaymentId { get; init; }
    public required string CustomerId { get; init; }
    public required string Currency { get; init; }
    public DateOnly AppliedOn { get; init; }
    public ApplicationStatus Status { get; private set; } = ApplicationStatus.Pending;
    public bool Automatic { get; init; }
    public decimal? Confidence { get; init; }
    /// <summary>The matching engine's reasons, one per line of text.</summary>
    public string Reasons { get; init; } = "";
    public string Note { get; init; } = "";
    public List<ApplicationLine> Lines { get; init; } = [];
    public decimal OnAccount { get; init; }
    /// <summary>Remittance lines of the payment this application settled (line-level match rate).</summary>
    public int RemittanceLinesMatched { get; init; }
    public required string AppliedBy { get; init; }
    public string CorrelationId { get; init; } = "";
    public DateTime CreatedAt { get; init; }
    public string? BillingApplicationId { get; private set; }
    public int Attempts { get; private set; }
    public DateTime? NextAttemptAt { get; private set; }
    public string LastError { get; private set; } = "";
    public string ReversedBy { get; private set; } = "";
    public string ReversalReason { get; private set; } = "";
    public DateTime? ReversedAt { get; private set; }
    public long Version { get; private set; }

    public decimal Cash => Lines.Sum(l => l.Amount);

    /// <summary>Still holds the payment's cash: not failed, not reversed.</summary>
    public bool IsLive => Status is ApplicationStatus.Pending or ApplicationStatus.Applied or ApplicationStatus.Reversing;

    /// <summary>Deductions still to open in Disputes.</summary>
    public IEnumerable<ApplicationLine> PendingDeductions =>
        Lines.Where(l => l.Treatment == ShortfallTreatment.Deduction && l.DisputeId is null && l.DeductionError.Length == 0);

    public static PaymentApplication Create(PaymentApplication draft, DateTime now)
    {
        // Nothing for Billing (all on account): applied as it stands.
        if (draft.Lines.Count == 0) draft.Status = ApplicationStatus.Applied;
        else draft.NextAttemptAt = now;
        return draft;
    }

    public void AppliedInBilling(string billingApplicationId)
    {
        BillingApplicationId = billingApplicationId;
        if (Status == ApplicationStatus.Pending) Status = ApplicationStatus.Applied;
        LastError = "";
        Version++;
    }

    /// <summary>Billing refused the application for good: its cash is free again.</summary>
    public void RefusedByBilling(string error)
    {
        Status = ApplicationStatus.Failed;
        LastError = error;
        NextAttemptAt = null;
        Version++;
    }

    public void StartReversal(string actor, string reason, DateTime now)
    {
        if (!IsLive || Status == ApplicationStatus.Reversing)
            throw new PreconditionFailedException("APPLICATION_STATE", $"applications/{Id}",
                $"Application {Id} is {Status}; only a pending or applied application can be reversed.");
        ReversedBy = actor;
        ReversalReason = reason;
        ReversedAt = now;
        if (Lines.Count == 0 && BillingApplicationId is null && Status == ApplicationStatus.Applied)
            Status = ApplicationStatus.Reversed; // on account only: nothing in Billing to take back
        else
        {
            Status = ApplicationStatus.Reversing;
            NextAttemptAt = now;
        }
        Version++;
    }

    public void ReversedInBilling()
    {
        Status = ApplicationStatus.Reversed;
        LastError = "";
        Version++;
    }

    /// <summary>A remote step did not go through this time: try again after the back-off.</summary>
    public void RetryLater(string error, DateTime at)
    {
        Attempts++;
        LastError = error;
        NextAttemptAt = at;
        Version++;
    }

    /// <summary>A step only a person can unblock (a reversal Billing refuses): stop trying, say why.</summary>
    public void NeedsAPerson(string error)
    {
        LastError = error;
        NextAttemptAt = null;
        Version++;
    }

    /// <summary>Every remote step is done.</summary>
    public void Settled()
    {
        NextAttemptAt = null;
        Version++;
    }
}

public sealed class ApplicationLine
{
    public int LineNumber { get; init; }
    public required string InvoiceId { get; init; }
    public string InvoiceNumber { get; init; } = "";
    public decimal Amount { get; init; }
    /// <summary>What the cash left open of the invoice, treated as <see cref="Treatment"/> says.</summary>
    public decimal Shortfall { get; init; }
    public ShortfallTreatment Treatment { get; init; }
    public string DeductionReason { get; init; } = "";
    public string? DisputeId { get; set; }
    /// <summary>Why Disputes refused the deduction (then a person opens it).</summary>
    public string DeductionError { get; set; } = "";
}
