namespace ArPlatform.Billing.Customers;

/// <summary>
/// When an invoice falls due, and the early-payment discount it offers: "2/10 net 30" is
/// <c>new PaymentTerms(30, 2m, 10)</c> — 2 % off if paid within 10 days, otherwise due in 30.
/// </summary>
public sealed record PaymentTerms(int NetDays, decimal DiscountPercent = 0m, int DiscountDays = 0)
{
    public static readonly PaymentTerms Net30 = new(30);

    public bool HasDiscount => DiscountPercent > 0m && DiscountDays > 0;

    public DateOnly DueDate(DateOnly invoiceDate) => invoiceDate.AddDays(NetDays);

    public DateOnly? DiscountDate(DateOnly invoiceDate) => HasDiscount ? invoiceDate.AddDays(DiscountDays) : null;

    public override string ToString() => HasDiscount ? $"{DiscountPercent:0.##}/{DiscountDays} net {NetDays}" : $"net {NetDays}";
}
