using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Errors;

namespace ArPlatform.Disputes.Cases;

/// <summary>
/// A dispute or deduction case. Every change goes through a method here that checks the
/// workflow and bumps <see cref="Version"/>, so two concurrent changes never both win.
/// </summary>
public sealed class DisputeCase
{
    public required string Id { get; init; }
    public required string Number { get; init; }
    public required string CustomerId { get; init; }
    public required string Currency { get; init; }
    public decimal Amount { get; init; }
    public DisputeReason Reason { get; init; }
    public DisputeSource Source { get; init; }
    public string Description { get; init; } = "";
    public string Owner { get; private set; } = "";
    public DisputeStatus Status { get; private set; } = DisputeStatus.Open;
    public InternalTeam PendingWith { get; private set; }
    public DateOnly SlaDueDate { get; init; }
    public int EscalationLevel { get; private set; }
    public string PaymentReference { get; init; } = "";
    public string RemittanceReference { get; init; } = "";
    public DisputeOutcome Outcome { get; private set; }
    public decimal CreditedAmount { get; private set; }
    public string ResolutionNote { get; private set; } = "";
    public required string OpenedBy { get; init; }
    public DateTime OpenedAt { get; init; }
    public DateTime? ResolvedAt { get; private set; }
    public DateTime? ClosedAt { get; private set; }
    public List<DisputeItem> Items { get; init; } = [];
    public List<DisputeNote> Notes { get; init; } = [];
    public List<DisputeTransition> History { get; init; } = [];
    /// <summary>The last sequence number given to a change this case sent to Billing.</summary>
    public long BillingSequence { get; private set; }
    public long Version { get; private set; }

    public void AssignTo(string owner)
    {
        Owner = owner;
        Version++;
    }

    public void AddNote(string author, string text, DateTime now)
    {
        Notes.Add(new DisputeNote { NoteNumber = Notes.Count + 1, Author = author, Text = text, CreatedAt = now });
        Version++;
    }

    public void MoveTo(DisputeStatus to, InternalTeam team, string reason, string actor, DateTime now)
    {
        if (DisputeWorkflow.RefuseTransition(Status, to, team, PendingWith, reason) is { } refusal)
            throw new PreconditionFailedException("DISPUTE_TRANSITION", $"disputes/{Id}", refusal);
        if (to == DisputeStatus.Open && Uncredited() == 0m)
            throw new PreconditionFailedException("DISPUTE_TRANSITION", $"disputes/{Id}",
                "Everything this case disputed has been credited; open a new case instead.");
        Record(to, actor, reason, now);
        PendingWith = to == DisputeStatus.PendingInternal ? team : InternalTeam.None;
        if (to == DisputeStatus.Closed) ClosedAt = now;
        if (to == DisputeStatus.Open)
        {
            Outcome = DisputeOutcome.None;
            ResolvedAt = null;
            ClosedAt = null;
            EscalationLevel = 0;
        }
    }

    /// <summary>
    /// Decides the case. Returns what each item is credited now (zero for INVALID), spread over
    /// what is still uncredited of each.
    /// </summary>
    public IReadOnlyList<decimal> Resolve(DisputeOutcome outcome, decimal partialCredit, string note, string actor, DateTime now)
    {
        if (DisputeWorkflow.RefuseResolution(Status) is { } refusal)
            throw new PreconditionFailedException("DISPUTE_TRANSITION", $"disputes/{Id}", refusal);
        var uncredited = Items.Select(i => i.Amount - i.CreditedAmount).ToList();
        var credit = outcome switch
        {
            DisputeOutcome.Valid => uncredited.Sum(),
            DisputeOutcome.Partial when partialCredit > 0m && partialCredit < uncredited.Sum() => partialCredit,
            DisputeOutcome.Partial => throw new RequestValidationException([new FieldViolation("credited_amount",
                $"a partial credit is more than zero and less than the {uncredited.Sum():0.####} {Currency} disputed")]),
            _ => 0m,
        };
        var shares = CreditSpread.Spread(uncredited, credit);
        for (var i = 0; i < Items.Count; i++) Items[i].CreditedAmount += shares[i];
        CreditedAmount += credit;
        Outcome = outcome;
        ResolutionNote = note;
        ResolvedAt = now;
        EscalationLevel = 0;
        Record(DisputeWorkflow.ResolvedStatus(outcome), actor, note, now);
        return shares;
    }

    /// <summary>When the case last became open: opened, or reopened since.</summary>
    public DateTime LastOpenedAt() =>
        History.Where(t => t.To == DisputeStatus.Open).Select(t => t.At).DefaultIfEmpty(OpenedAt).Max();

    /// <summary>
    /// Closes a case Billing would not hold (it claimed more than the invoice had open and not yet
    /// disputed, or the invoice was no longer open): a case that holds nothing must not look open.
    /// False when the case was already decided. A person may reopen it with a reason.
    /// </summary>
    public bool WithdrawUnheld(string reason, DateTime now)
    {
        if (!DisputeWorkflow.IsUnresolved(Status)) return false;
        Record(DisputeStatus.Closed, "system", reason, now);
        PendingWith = InternalTeam.None;
        EscalationLevel = 0;
        ClosedAt = now;
        return true;
    }

    /// <summary>Raises the escalation level (never lowers it while the case is unresolved). True when raised.</summary>
    public bool Escalate(int level)
    {
        if (level <= EscalationLevel) return false;
        EscalationLevel = level;
        Version++;
        return true;
    }

    /// <summary>What the case holds disputed on each of its invoices now: nothing once decided.</summary>
    public IReadOnlyList<(string InvoiceId, decimal Amount)> HeldByInvoice() =>
        Items.GroupBy(i => i.InvoiceId)
            .Select(g => (g.Key, DisputeWorkflow.IsUnresolved(Status) ? g.Sum(i => i.Amount - i.CreditedAmount) : 0m))
            .ToList();

    public long NextBillingSequence() => ++BillingSequence;

    /// <summary>What the case disputes and has not yet credited.</summary>
    public decimal Uncredited() => Items.Sum(i => i.Amount - i.CreditedAmount);

    private void Record(DisputeStatus to, string actor, string reason, DateTime now)
    {
        History.Add(new DisputeTransition
        {
            TransitionNumber = History.Count + 1, From = Status, To = to, Actor = actor, Reason = reason, At = now,
        });
        Status = to;
        Version++;
    }
}

public sealed class DisputeItem
{
    public int ItemNumber { get; init; }
    public required string InvoiceId { get; init; }
    public string InvoiceNumber { get; init; } = "";
    /// <summary>0: the invoice as a whole.</summary>
    public int LineNumber { get; init; }
    public string ProductCode { get; init; } = "";
    public decimal Amount { get; init; }
    public decimal CreditedAmount { get; set; }
    public string CreditMemoId { get; set; } = "";
    public string CreditMemoNumber { get; set; } = "";
}

public sealed class DisputeNote
{
    public int NoteNumber { get; init; }
    public required string Author { get; init; }
    public required string Text { get; init; }
    public DateTime CreatedAt { get; init; }
}

public sealed class DisputeTransition
{
    public int TransitionNumber { get; init; }
    public DisputeStatus From { get; init; }
    public DisputeStatus To { get; init; }
    public required string Actor { get; init; }
    public string Reason { get; init; } = "";
    public DateTime At { get; init; }
}
