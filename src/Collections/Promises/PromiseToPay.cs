using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Promises;

/// <summary>A customer's promise to pay an amount by a date, kept or broken by what Billing receives.</summary>
public sealed class PromiseToPay
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    public DateOnly PromisedDate { get; init; }
    public List<string> InvoiceIds { get; init; } = [];
    public string Note { get; init; } = "";
    public PromiseStatus Status { get; set; } = PromiseStatus.Open;
    public decimal Paid { get; set; }
    public DateOnly? DecidedOn { get; set; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    /// <summary>Cash from this date on counts towards the promise.</summary>
    public DateOnly MadeOn { get; init; }
    public string CancelledBy { get; private set; } = "";
    public string CancelReason { get; private set; } = "";

    /// <summary>Withdrawn: it no longer keeps dunning away. Only an open promise can be.</summary>
    public void Cancel(string actor, string reason, DateOnly on)
    {
        Status = PromiseStatus.Cancelled;
        DecidedOn = on;
        CancelledBy = actor;
        CancelReason = reason;
    }
}

/// <summary>Instalments agreed with a customer; a missed one sends the account back to dunning.</summary>
public sealed class PaymentPlan
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string Currency { get; init; }
    public List<PlanInstalment> Instalments { get; init; } = [];
    public List<string> InvoiceIds { get; init; } = [];
    public string Note { get; init; } = "";
    public PaymentPlanStatus Status { get; set; } = PaymentPlanStatus.Active;
    public decimal Paid { get; set; }
    public required string CreatedBy { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateOnly MadeOn { get; init; }

    public decimal Total => Instalments.Sum(i => i.Amount);

    /// <summary>The instalments as the plan rules take them.</summary>
    public IReadOnlyList<(DateOnly DueDate, decimal Amount)> Schedule() => Instalments.Select(i => (i.DueDate, i.Amount)).ToList();
}

public sealed class PlanInstalment
{
    public DateOnly DueDate { get; init; }
    public decimal Amount { get; init; }
}
