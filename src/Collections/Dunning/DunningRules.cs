using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Dunning;

/// <summary>What dunning needs to know of one open invoice.</summary>
public readonly record struct DunningInvoice(DateOnly DueDate, decimal OpenAmount, decimal DisputedAmount);

/// <summary>Whether the account has a live promise-to-pay or payment plan covering the invoice.</summary>
public enum Cover { None, Promise, Plan }

/// <summary>The step an invoice has reached and is due to take, or why it is skipped; neither when nothing is due.</summary>
public readonly record struct DunningDecision(DunningStep? Step, SkipReason Skip)
{
    public static readonly DunningDecision Nothing = new(null, SkipReason.Unspecified);
    public bool IsAction => Step is not null && Skip == SkipReason.Unspecified;
}

/// <summary>
/// Dunning eligibility, a pure function of the cadence, the invoice and what was sent before.
/// Only the latest step the invoice has reached is taken: an invoice first seen 30 days late
/// gets the 30-day letter, not the whole back catalogue. A step at or before the furthest one
/// already taken is never taken again.
/// </summary>
public static class DunningRules
{
    /// <param name="furthestSentOffset">The largest offset of a step already taken for this invoice, if any.</param>
    /// <param name="hasEmailContact">Whether the customer has an address for e-mail steps.</param>
    public static DunningDecision Decide(IReadOnlyList<DunningStep> cadence, DunningInvoice invoice, DateOnly asOf,
        int? furthestSentOffset, Cover cover, bool hasEmailContact)
    {
        if (invoice.OpenAmount <= 0m) return DunningDecision.Nothing;
        var daysPastDue = asOf.DayNumber - invoice.DueDate.DayNumber;
        var reached = cadence.LastOrDefault(s => s.OffsetDays <= daysPastDue);
        if (reached is null) return DunningDecision.Nothing;
        if (furthestSentOffset >= reached.OffsetDays) return new(reached, SkipReason.AlreadySent);
        if (invoice.DisputedAmount > 0m) return new(reached, SkipReason.InDispute);
        if (cover == Cover.Promise) return new(reached, SkipReason.PromiseToPay);
        if (cover == Cover.Plan) return new(reached, SkipReason.PaymentPlan);
        if (reached.Channel == DunningChannel.Email && !hasEmailContact) return new(reached, SkipReason.NoContact);
        return new(reached, SkipReason.Unspecified);
    }
}
