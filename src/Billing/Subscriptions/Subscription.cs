namespace ArPlatform.Billing.Subscriptions;

public enum BillingInterval
{
    Monthly = 1,
    Quarterly = 2,
    Annual = 3,
}

/// <summary>
/// A customer's subscription: plans over time (each from its own date on) billed in advance per
/// calendar period. <see cref="BilledThrough"/> is how far invoices have been raised, so a run
/// repeated, or a missed one caught up, never bills a day twice or skips one.
/// </summary>
public sealed class Subscription
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public required string Currency { get; init; }
    public BillingInterval Interval { get; init; }
    public DateOnly StartDate { get; init; }
    public List<SubscriptionPlan> Plans { get; init; } = [];
    public DateOnly? BilledThrough { get; set; }
    public DateTime CreatedAt { get; init; }
    /// <summary>Row version: a change and a billing run never both win on a stale read.</summary>
    public long Version { get; set; }

    /// <summary>The first day not billed yet.</summary>
    public DateOnly NextToBill => BilledThrough?.AddDays(1) ?? StartDate;
}

public sealed class SubscriptionPlan
{
    public DateOnly EffectiveFrom { get; set; }
    public string Description { get; set; } = "";
    public string ProductCode { get; set; } = "";
    public decimal Quantity { get; set; }
    /// <summary>Per unit and full period.</summary>
    public decimal UnitPrice { get; set; }
    public decimal TaxRatePercent { get; set; }
}
