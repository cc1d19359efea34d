using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Invoices;
using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Tests.Domain;

public class InvoiceCalculatorTests
{
    private static readonly DateOnly October1 = new(2026, 10, 1);

    [Fact]
    public void The_api_example_totals_324_75_due_in_30_days()
    {
        var amounts = InvoiceCalculator.Calculate([new LineInput(3m, 100m, 0m, 8.25m)], Currency.USD, October1, PaymentTerms.Net30);

        Assert.Equal(300.00m, amounts.Subtotal.Amount);
        Assert.Equal(24.75m, amounts.TaxTotal.Amount);
        Assert.Equal(324.75m, amounts.Total.Amount);
        Assert.Equal(new DateOnly(2026, 10, 31), amounts.DueDate);
        Assert.Null(amounts.DiscountDate);
        Assert.Null(amounts.DiscountAmount);
    }

    [Fact]
    public void Each_line_is_rounded_before_the_total_so_lines_add_up_to_it()
    {
        // 3 × 0.3333 = 0.9999 → 1.00; tax 7 % of 1.00 = 0.07. Two such lines: 2.14, not round(2 × 1.069986).
        var line = new LineInput(3m, 0.3333m, 0m, 7m);
        var amounts = InvoiceCalculator.Calculate([line, line], Currency.USD, October1, PaymentTerms.Net30);

        Assert.All(amounts.Lines, l => Assert.Equal(1.00m, l.Net.Amount));
        Assert.All(amounts.Lines, l => Assert.Equal(0.07m, l.Tax.Amount));
        Assert.Equal(2.14m, amounts.Total.Amount);
        Assert.Equal(amounts.Total.Amount, amounts.Lines.Sum(l => l.Net.Amount + l.Tax.Amount));
    }

    [Fact]
    public void A_line_discount_applies_before_tax()
    {
        // 10 × 19.99 = 199.90, less 15 % = 169.915 → 169.92; tax 20 % = 33.984 → 33.98.
        var line = InvoiceCalculator.PriceLine(new LineInput(10m, 19.99m, 15m, 20m), Currency.Of("EUR"));
        Assert.Equal(169.92m, line.Net.Amount);
        Assert.Equal(33.98m, line.Tax.Amount);
    }

    [Fact]
    public void Yen_amounts_have_no_decimals()
    {
        // 3 × 333 = 999; tax 10 % = 99.9 → 100.
        var amounts = InvoiceCalculator.Calculate([new LineInput(3m, 333m, 0m, 10m)], Currency.Of("JPY"), October1, PaymentTerms.Net30);
        Assert.Equal(999m, amounts.Subtotal.Amount);
        Assert.Equal(100m, amounts.TaxTotal.Amount);
        Assert.Equal(1099m, amounts.Total.Amount);
    }

    [Fact]
    public void Bahraini_dinar_amounts_keep_three_decimals()
    {
        // 7 × 1.2345 = 8.6415 → 8.642 (half away from zero); tax 10 % = 0.8642 → 0.864.
        var amounts = InvoiceCalculator.Calculate([new LineInput(7m, 1.2345m, 0m, 10m)], Currency.Of("BHD"), October1, PaymentTerms.Net30);
        Assert.Equal(8.642m, amounts.Subtotal.Amount);
        Assert.Equal(0.864m, amounts.TaxTotal.Amount);
        Assert.Equal(9.506m, amounts.Total.Amount);
    }

    [Fact]
    public void Two_ten_net_thirty_terms_give_a_discount_date_and_amount()
    {
        var terms = new PaymentTerms(30, 2m, 10);
        var amounts = InvoiceCalculator.Calculate([new LineInput(3m, 100m, 0m, 8.25m)], Currency.USD, October1, terms);

        Assert.Equal(new DateOnly(2026, 10, 31), amounts.DueDate);
        Assert.Equal(new DateOnly(2026, 10, 11), amounts.DiscountDate);
        // 2 % of 324.75 = 6.495 → 6.50.
        Assert.Equal(6.50m, amounts.DiscountAmount!.Value.Amount);
        Assert.Equal("2/10 net 30", terms.ToString());
    }

    [Theory]
    [InlineData(0, "2026-10-01")]
    [InlineData(45, "2026-11-15")]
    [InlineData(92, "2027-01-01")]
    public void Due_date_is_the_invoice_date_plus_net_days(int netDays, string due) =>
        Assert.Equal(DateOnly.Parse(due), new PaymentTerms(netDays).DueDate(October1));
}
