using ArPlatform.Billing.Customers;
using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Invoices;

/// <summary>One line as priced by the seller, before any rounding.</summary>
public sealed record LineInput(decimal Quantity, decimal UnitPrice, decimal DiscountPercent, decimal TaxRatePercent);

public sealed record LineAmounts(Money Net, Money Tax);

public sealed record InvoiceAmounts(
    IReadOnlyList<LineAmounts> Lines, Money Subtotal, Money TaxTotal, Money Total,
    DateOnly DueDate, DateOnly? DiscountDate, Money? DiscountAmount);

/// <summary>
/// Invoice arithmetic. Each line is rounded to the currency's minor units on its own (net, then
/// tax on the rounded net), and the invoice totals are sums of rounded lines, so the printed
/// lines always add up to the printed total.
/// </summary>
public static class InvoiceCalculator
{
    public static LineAmounts PriceLine(LineInput line, Currency currency)
    {
        var gross = line.Quantity * line.UnitPrice;
        var net = currency.Round(gross - gross * line.DiscountPercent / 100m);
        var tax = currency.Round(net * line.TaxRatePercent / 100m);
        return new LineAmounts(new Money(net, currency), new Money(tax, currency));
    }

    public static InvoiceAmounts Calculate(
        IReadOnlyList<LineInput> lines, Currency currency, DateOnly invoiceDate, PaymentTerms terms)
    {
        var priced = lines.Select(l => PriceLine(l, currency)).ToList();
        var subtotal = Money.Sum(priced.Select(l => l.Net), currency);
        var taxTotal = Money.Sum(priced.Select(l => l.Tax), currency);
        var total = subtotal + taxTotal;
        Money? discount = terms.HasDiscount
            ? Money.Rounded(total.Amount * terms.DiscountPercent / 100m, currency)
            : null;
        return new InvoiceAmounts(priced, subtotal, taxTotal, total,
            terms.DueDate(invoiceDate), terms.DiscountDate(invoiceDate), discount);
    }
}
