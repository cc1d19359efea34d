using ArPlatform.Billing.Balances;

namespace ArPlatform.Billing.Tests.Domain;

public class AccountBalanceCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void Open_is_everything_owed_and_overdue_only_what_fell_due_before_today()
    {
        var figures = AccountBalanceCalculator.Summarise(
        [
            new OpenItem("inv-1", "USD", new DateOnly(2026, 11, 29), 100.00m, 0m),
            new OpenItem("inv-2", "USD", Today, 50.00m, 0m),
            new OpenItem("inv-3", "USD", new DateOnly(2026, 12, 15), 25.50m, 0m),
        ], Today);

        var usd = Assert.Single(figures.Currencies);
        Assert.Equal(175.50m, usd.Open.Amount);
        Assert.Equal(100.00m, usd.Overdue.Amount);
        Assert.Equal(3, figures.OpenInvoiceCount);
    }

    [Fact]
    public void Each_currency_is_summed_on_its_own()
    {
        var figures = AccountBalanceCalculator.Summarise(
        [
            new OpenItem("inv-1", "USD", Today, 10m, 0m),
            new OpenItem("inv-2", "EUR", Today, 20m, 0m),
            new OpenItem("inv-3", "USD", Today, 5m, 0m),
        ], Today);

        Assert.Equal(["EUR", "USD"], figures.Currencies.Select(c => c.Open.Currency.Code));
        Assert.Equal(20m, figures.Currencies[0].Open.Amount);
        Assert.Equal(15m, figures.Currencies[1].Open.Amount);
    }

    [Fact]
    public void Paid_invoices_are_not_counted_and_on_account_credit_reduces_the_balance()
    {
        var figures = AccountBalanceCalculator.Summarise(
        [
            new OpenItem("inv-1", "USD", new DateOnly(2026, 10, 1), 0m, 0m),
            new OpenItem("inv-2", "USD", new DateOnly(2026, 10, 1), 80m, 0m),
            new OpenItem(null, "USD", null, -30m, 0m),
        ], Today);

        var usd = Assert.Single(figures.Currencies);
        Assert.Equal(50m, usd.Open.Amount);
        Assert.Equal(80m, usd.Overdue.Amount);
        Assert.Equal(1, figures.OpenInvoiceCount);
    }

    [Fact]
    public void Disputed_is_what_is_flagged_and_still_open()
    {
        var figures = AccountBalanceCalculator.Summarise(
        [
            new OpenItem("inv-1", "USD", Today, 40m, 100m),
            new OpenItem("inv-2", "USD", Today, 60m, 10m),
            new OpenItem("inv-3", "USD", Today, 0m, 25m),
        ], Today);

        Assert.Equal(50m, Assert.Single(figures.Currencies).Disputed.Amount);
    }

    [Fact]
    public void A_customer_without_entries_has_no_balances()
    {
        var figures = AccountBalanceCalculator.Summarise([], Today);
        Assert.Empty(figures.Currencies);
        Assert.Equal(0, figures.OpenInvoiceCount);
    }
}
