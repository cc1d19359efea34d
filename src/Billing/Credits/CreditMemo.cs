using ArPlatform.ServiceDefaults.Errors;

namespace ArPlatform.Billing.Credits;

public enum CreditMemoStatus
{
    PendingApproval = 1,
    Posted = 2,
    Rejected = 3,
}

/// <summary>
/// A credit against an invoice or on account. Above the approval threshold it is a request
/// until someone other than its requester approves it (maker ≠ checker), enforced here rather
/// than in any client.
/// </summary>
public sealed class CreditMemo
{
    public required string Id { get; init; }
    public required string Number { get; init; }
    public string? InvoiceId { get; init; }
    /// <summary>The dispute case this credit resolves (set by Disputes): while it awaits approval, the case keeps holding its amount.</summary>
    public string? DisputeId { get; init; }
    public required string CustomerId { get; init; }
    public required string Reason { get; init; }
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    public CreditMemoStatus Status { get; private set; }
    public required string RequestedBy { get; init; }
    public string DecidedBy { get; private set; } = "";
    public string DecisionNote { get; private set; } = "";
    public DateTime CreatedAt { get; init; }
    public DateTime? DecidedAt { get; private set; }
    /// <summary>Row version: bumped by a decision or an application, so two writers never both win.</summary>
    public long Version { get; private set; }
    /// <summary>Where a credit on account went: invoices it settled.</summary>
    public List<CreditApplication> Applications { get; init; } = [];

    /// <summary>What a posted credit on account still has to give.</summary>
    public decimal Unapplied => InvoiceId is null && Status == CreditMemoStatus.Posted ? Amount - Applications.Sum(a => a.Amount) : 0m;

    /// <summary>Uses part of a posted credit on account on an invoice; never more than is left.</summary>
    public void ApplyTo(string invoiceId, decimal amount, DateOnly appliedOn)
    {
        if (InvoiceId is not null || Status != CreditMemoStatus.Posted)
            throw new PreconditionFailedException("CREDIT_MEMO_STATE", $"credit-memos/{Id}",
                $"Credit memo {Number} is {(InvoiceId is null ? Status.ToString() : "against an invoice")}; only a posted credit on account can be applied.");
        if (amount > Unapplied)
            throw new PreconditionFailedException("AMOUNT_EXCEEDS_CREDIT", $"credit-memos/{Id}",
                $"Credit memo {Number} has {Unapplied:0.####} {Currency} left; {amount:0.####} cannot be applied.");
        Applications.Add(new CreditApplication { LineNumber = Applications.Count + 1, InvoiceId = invoiceId, Amount = amount, AppliedOn = appliedOn });
        Version++;
    }

    /// <summary>Below the threshold, or owed by contract, no second person is needed: posted as requested, saying why.</summary>
    public void PostWithoutApproval(DateTime now, string why)
    {
        Status = CreditMemoStatus.Posted;
        DecisionNote = why;
        DecidedAt = now;
    }

    public void AwaitApproval() => Status = CreditMemoStatus.PendingApproval;

    public void Approve(string approver, string note, DateTime now)
    {
        RequirePending();
        if (string.Equals(approver, RequestedBy, StringComparison.Ordinal))
            throw new PreconditionFailedException("SEGREGATION_OF_DUTIES", $"credit-memos/{Id}",
                $"{approver} requested credit memo {Number} and cannot also approve it.");
        Decide(CreditMemoStatus.Posted, approver, note, now);
    }

    public void Reject(string decider, string note, DateTime now)
    {
        RequirePending();
        Decide(CreditMemoStatus.Rejected, decider, note, now);
    }

    private void RequirePending()
    {
        if (Status != CreditMemoStatus.PendingApproval)
            throw new PreconditionFailedException("CREDIT_MEMO_STATE", $"credit-memos/{Id}",
                $"Credit memo {Number} is {Status}; only a pending one can be decided.");
    }

    private void Decide(CreditMemoStatus status, string decider, string note, DateTime now)
    {
        Status = status;
        DecidedBy = decider;
        DecisionNote = note;
        DecidedAt = now;
        Version++;
    }
}

public sealed class CreditApplication
{
    public int LineNumber { get; init; }
    public required string InvoiceId { get; init; }
    public decimal Amount { get; init; }
    public DateOnly AppliedOn { get; init; }
}
