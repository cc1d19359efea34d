namespace ArPlatform.Billing.LateCharges;

/// <summary>
/// How far an overdue invoice has been charged: interest up to <see cref="ChargedThrough"/>,
/// or its flat fee once. The next assessment starts from here, so no day is charged twice.
/// </summary>
public sealed class LateChargeMark
{
    public required string InvoiceId { get; init; }
    public DateOnly ChargedThrough { get; set; }
    public bool FlatFeeCharged { get; set; }
}
