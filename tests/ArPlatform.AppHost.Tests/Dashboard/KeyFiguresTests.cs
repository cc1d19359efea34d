using ArPlatform.AppHost.Dashboard;

namespace ArPlatform.AppHost.Tests.Dashboard;

public class KeyFiguresTests
{
    private static string Value(IReadOnlyList<Figure> figures, string label) => figures.Single(f => f.Label == label).Value;

    [Fact]
    public void Billed_amounts_are_shown_per_currency_in_each_currencys_decimals()
    {
        var scrape = PrometheusText.Parse("""
            ar_billing_amount_billed_total{currency="USD"} 12800.5
            ar_billing_amount_billed_total{currency="JPY"} 150000
            ar_billing_amount_billed_total{currency="BHD"} 10.125
            ar_billing_invoices_issued_total 1234
            ar_billing_balance_reads_total{source="cache"} 90
            ar_billing_balance_reads_total{source="database"} 10
            """);

        var figures = KeyFigures.For("billing", scrape);

        Assert.Equal("BHD 10.125 · JPY 150,000 · USD 12,800.50", Value(figures, "Billed"));
        Assert.Equal("1,234", Value(figures, "Invoices issued"));
        Assert.Equal("90%", Value(figures, "Balance cache hits").Replace(" ", ""));
    }

    [Fact]
    public void Unapplied_cash_is_split_by_age_and_a_metric_not_yet_reported_shows_a_dash()
    {
        var scrape = PrometheusText.Parse("""
            ar_cashapp_unapplied_payments{age="all"} 40
            ar_cashapp_unapplied_payments{age="over_7d"} 3
            ar_cashapp_unapplied_oldest_age_days 18
            """);

        var figures = KeyFigures.For("cashapp", scrape);

        Assert.Equal(("40", "3", "18 d", "–"),
            (Value(figures, "Unapplied"), Value(figures, "Unapplied > 7 days"), Value(figures, "Oldest unapplied"), Value(figures, "Payments imported")));
    }

    [Fact]
    public void The_gateway_has_no_business_numbers_of_its_own()
    {
        Assert.Empty(KeyFigures.For("gateway", PrometheusText.Parse("process_up 1")));
    }
}
