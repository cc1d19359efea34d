namespace ArPlatform.Billing.Fx;

/// <summary>1 <see cref="BaseCurrency"/> = <see cref="Rate"/> <see cref="QuoteCurrency"/> on <see cref="Date"/>.</summary>
public sealed class FxRate
{
    public required string BaseCurrency { get; init; }
    public required string QuoteCurrency { get; init; }
    public DateOnly Date { get; init; }
    public decimal Rate { get; set; }
}
