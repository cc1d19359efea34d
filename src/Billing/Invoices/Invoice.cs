using ArPlatform.ServiceDefaults.Errors;

namespace ArPlatform.Billing.Invoices;

public enum InvoiceStatus
{
    Draft = 1,
    Issued = 2,
    PartiallyPaid = 3,
    Paid = 4,
    Void = 5,
}

public enum InvoiceKind
{
    Standard = 1,
    /// <summary>Late-payment interest or fees, assessed by a command; never charged late fees itself.</summary>
    LateCharge = 2,
    /// <summary>Raised by recurring billing for a subscription period, or a change within one.</summary>
    Subscription = 3,
    /// <summary>A further charge, raised by a debit memo.</summary>
    DebitMemo = 4,
}

public sealed class Invoice
{
    public required string Id { get; init; }
    /// <summary>Assigned when issued, from a gapless series ("INV-2026-000123").</summary>
    public string? Number { get; private set; }
    public required string CustomerId { get; init; }
    public InvoiceStatus Status { get; private set; } = InvoiceStatus.Draft;
    public required string Currency { get; init; }
    public DateOnly InvoiceDate { get; init; }
    public DateOnly DueDate { get; init; }
    public string PoNumber { get; init; } = "";
    public string SalesRep { get; init; } = "";
    public InvoiceKind Kind { get; init; } = InvoiceKind.Standard;
    public List<InvoiceLine> Lines { get; init; } = [];
    public decimal Subtotal { get; init; }
    public decimal TaxTotal { get; init; }
    public decimal Total { get; init; }

    /// <summary>
    /// Total less everything applied, credited or written off. A projection of this invoice's
    /// ledger entries, updated in the same transaction as each entry (so reads at volume need
    /// not re-sum the ledger); the ledger stays the truth and tests hold the two equal.
    /// </summary>
    public decimal OpenAmount { get; private set; }
    /// <summary>What open disputes claim on this invoice: the sum of its dispute flags.</summary>
    public decimal DisputedAmount { get; private set; }
    /// <summary>One flag per dispute case (Disputes owns the cases; Billing only shows the amounts apart).</summary>
    public List<InvoiceDisputeFlag> DisputeFlags { get; init; } = [];
    public DateOnly? DiscountDate { get; init; }
    public decimal? DiscountAmount { get; init; }
    public DateTime CreatedAt { get; init; }
    public DateTime? IssuedAt { get; private set; }
    /// <summary>Row version: bumped by every state change, so concurrent changes never both win.</summary>
    public long Version { get; private set; }

    /// <summary>Numbers the invoice and opens its full total; the caller posts the ledger entry.</summary>
    public void Issue(string number, DateTime now)
    {
        if (Status != InvoiceStatus.Draft)
            throw new PreconditionFailedException("INVOICE_STATE", $"invoices/{Id}",
                $"Invoice {Number ?? Id} is {Status}; only a draft can be issued.");
        Number = number;
        Status = InvoiceStatus.Issued;
        IssuedAt = now;
        OpenAmount = Total;
        Version++;
    }

    /// <summary>
    /// Voids the invoice while nothing is applied to it. True when it had been issued, so its
    /// total must leave the ledger again.
    /// </summary>
    public bool Void()
    {
        var wasIssued = Status != InvoiceStatus.Draft;
        if (Status == InvoiceStatus.Void || (wasIssued && OpenAmount != Total))
            throw new PreconditionFailedException("INVOICE_STATE", $"invoices/{Id}",
                Status == InvoiceStatus.Void
                    ? $"Invoice {Number ?? Id} is already void."
                    : $"Invoice {Number} has cash or credit applied; reverse those before voiding it.");
        // Voiding under a hold would leave more disputed than open, and the case with nothing to credit.
        if (DisputedAmount > 0m)
            throw new PreconditionFailedException("INVOICE_DISPUTED", $"invoices/{Id}",
                $"Invoice {Number} has {DisputedAmount:0.####} {Currency} held by open disputes; resolve them before voiding it.");
        Status = InvoiceStatus.Void;
        OpenAmount = 0m;
        Version++;
        return wasIssued;
    }

    /// <summary>
    /// Cash applied or credit given: reduces what is open; never below zero, nor below what
    /// disputes hold. A credit that resolves a dispute (<paramref name="resolvingDispute"/>) may use
    /// what that case holds, and its hold shrinks by as much in the same change.
    /// </summary>
    public void Settle(decimal amount, string? resolvingDispute = null)
    {
        EnsureSettles(amount, resolvingDispute);
        OpenAmount -= amount;
        Status = OpenAmount == 0m ? InvoiceStatus.Paid : InvoiceStatus.PartiallyPaid;
        ReleaseHold(resolvingDispute, amount);
        Version++;
    }

    /// <summary>Takes up to <paramref name="amount"/> off what one case holds (its credit posted or refused); true when that changed the hold.</summary>
    public bool ReleaseHold(string? disputeId, decimal amount)
    {
        if (FlagOf(disputeId) is not { Amount: > 0m } flag) return false;
        flag.Amount -= Math.Min(flag.Amount, amount);
        DisputedAmount = DisputeFlags.Sum(f => f.Amount);
        Version++;
        return true;
    }

    /// <summary>Refuses a settlement <see cref="Settle"/> would refuse, changing nothing (to check all of a payment's invoices first).</summary>
    public void EnsureSettles(decimal amount, string? resolvingDispute = null)
    {
        if (Status is not (InvoiceStatus.Issued or InvoiceStatus.PartiallyPaid))
            throw new PreconditionFailedException("INVOICE_STATE", $"invoices/{Id}",
                $"Invoice {Number ?? Id} is {Status}; only issued, unpaid invoices can be settled.");
        if (amount > OpenAmount)
            throw new PreconditionFailedException("AMOUNT_EXCEEDS_OPEN", $"invoices/{Id}",
                $"Invoice {Number} has {OpenAmount:0.####} {Currency} open; {amount:0.####} cannot be applied.");
        var held = DisputedAmount - (FlagOf(resolvingDispute)?.Amount ?? 0m);
        if (amount > OpenAmount - held)
            throw new PreconditionFailedException("AMOUNT_EXCEEDS_UNDISPUTED", $"invoices/{Id}",
                $"Invoice {Number} has {OpenAmount:0.####} {Currency} open, of which disputes hold {held:0.####}; " +
                $"{amount:0.####} cannot be applied until they are resolved.");
    }

    /// <summary>
    /// Sets what one dispute claims on this invoice (zero clears it). Each change carries the
    /// dispute's own sequence number, so a late or repeated delivery of an older change never
    /// undoes a newer one. All the cases together never hold more than is open: the check and
    /// the hold are one change of this row, so of two concurrent holds that both fit alone only
    /// one wins and the other is checked again. True when the flag changed.
    /// </summary>
    public bool FlagDispute(string disputeId, decimal amount, long sequence)
    {
        // An older change delivered late is no change, whatever the invoice's state now.
        var flag = FlagOf(disputeId);
        if (flag is not null && flag.Sequence >= sequence) return false;
        // A hold needs an issued invoice; taking one off never fails.
        if (amount > 0m && Status is InvoiceStatus.Draft or InvoiceStatus.Void)
            throw new PreconditionFailedException("INVOICE_STATE", $"invoices/{Id}",
                $"Invoice {Number ?? Id} is {Status}; only an issued invoice can be disputed.");
        var room = OpenAmount - (DisputedAmount - (flag?.Amount ?? 0m));
        // Lowering or clearing a hold is always taken (Settle never lets the holds outgrow what is open).
        if (amount > (flag?.Amount ?? 0m) && amount > room)
            throw new PreconditionFailedException("AMOUNT_EXCEEDS_UNDISPUTED", $"invoices/{Id}",
                $"Invoice {Number} has {room:0.####} {Currency} open and not yet disputed; {amount:0.####} cannot be disputed.");
        if (flag is null) DisputeFlags.Add(flag = new InvoiceDisputeFlag { DisputeId = disputeId });
        flag.Amount = amount;
        flag.Sequence = sequence;
        DisputedAmount = DisputeFlags.Sum(f => f.Amount);
        Version++;
        return true;
    }

    private InvoiceDisputeFlag? FlagOf(string? disputeId) =>
        disputeId is null ? null : DisputeFlags.FirstOrDefault(f => f.DisputeId == disputeId);

    /// <summary>The early-payment discount, no more than offered, taken by the discount date.</summary>
    public bool AllowsDiscount(decimal amount, DateOnly paidOn) =>
        DiscountAmount is { } offered && DiscountDate is { } by && amount <= offered && paidOn <= by;

    /// <summary>A settlement undone (returned or NSF payment): the amount is open again.</summary>
    public void Reopen(decimal amount)
    {
        OpenAmount += amount;
        Status = OpenAmount == Total ? InvoiceStatus.Issued : InvoiceStatus.PartiallyPaid;
        Version++;
    }
}

public sealed class InvoiceLine
{
    public int LineNumber { get; init; }
    public required string Description { get; init; }
    public decimal Quantity { get; init; }
    public decimal UnitPrice { get; init; }
    public decimal DiscountPercent { get; init; }
    public decimal TaxRatePercent { get; init; }
    public string ProductCode { get; init; } = "";
    public decimal NetAmount { get; init; }
    public decimal TaxAmount { get; init; }
}

/// <summary>
/// The amount one dispute case holds on an invoice; kept at zero once cleared, so the sequence
/// that cleared it still turns away older deliveries.
/// </summary>
public sealed class InvoiceDisputeFlag
{
    public required string DisputeId { get; init; }
    public decimal Amount { get; set; }
    public long Sequence { get; set; }
}
