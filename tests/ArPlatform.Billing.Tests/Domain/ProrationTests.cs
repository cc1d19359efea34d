using ArPlatform.Billing.Subscriptions;
using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Tests.Domain;

public sealed class ProrationTests
{
    private static SubscriptionPlan Plan(string from, decimal quantity, decimal price) =>
        new() { EffectiveFrom = DateOnly.Parse(from), Description = "Seats", Quantity = quantity, UnitPrice = price };

    private static DateOnly D(string text) => DateOnly.Parse(text);

    [Theory]
    [InlineData(BillingInterval.Monthly, "2026-11-10", "2026-11-01", "2026-11-30")]
    [InlineData(BillingInterval.Quarterly, "2026-11-10", "2026-10-01", "2026-12-31")]
    [InlineData(BillingInterval.Annual, "2026-11-10", "2026-01-01", "2026-12-31")]
    [InlineData(BillingInterval.Monthly, "2028-02-29", "2028-02-01", "2028-02-29")]
    public void Periods_are_calendar_months_quarters_and_years(BillingInterval interval, string day, string start, string end)
    {
        Assert.Equal((D(start), D(end)), (Proration.PeriodStart(D(day), interval), Proration.PeriodEnd(D(day), interval)));
    }

    [Fact]
    public void A_full_period_costs_exactly_the_plan_and_a_mid_period_start_its_share_of_days()
    {
        var plans = new[] { Plan("2026-11-10", 3m, 100m) };

        var partial = Assert.Single(Proration.Segments(plans, D("2026-11-10"), D("2026-11-30"), BillingInterval.Monthly, Currency.USD));
        var full = Assert.Single(Proration.Segments(plans, D("2026-12-01"), D("2026-12-31"), BillingInterval.Monthly, Currency.USD));

        // 3 × 100.00 × 21 / 30 = 210.00.
        Assert.Equal((21, 30, 210.00m, false), (partial.Days, partial.PeriodDays, partial.Amount, partial.IsFullPeriod));
        Assert.Equal((300.00m, true), (full.Amount, full.IsFullPeriod));
    }

    [Fact]
    public void A_change_in_mid_period_splits_it_between_the_two_plans()
    {
        var plans = new[] { Plan("2026-01-01", 1m, 310m), Plan("2026-12-11", 2m, 310m) };

        var segments = Proration.Segments(plans, D("2026-12-01"), D("2026-12-31"), BillingInterval.Monthly, Currency.USD);

        // 10 days of one seat (100.00) and 21 days of two (420.00), in a 31-day month.
        Assert.Equal([(D("2026-12-01"), D("2026-12-10"), 100.00m), (D("2026-12-11"), D("2026-12-31"), 420.00m)],
            segments.Select(s => (s.From, s.To, s.Amount)));
    }

    [Fact]
    public void Amounts_round_to_the_currency()
    {
        // ¥1,000 × 1 × 10 / 31 = 322.58… → ¥323.
        var segment = Assert.Single(Proration.Segments([Plan("2026-12-22", 1m, 1000m)], D("2026-12-22"), D("2026-12-31"), BillingInterval.Monthly, Currency.Of("JPY")));

        Assert.Equal(323m, segment.Amount);
    }

    [Fact]
    public void A_segment_never_crosses_a_period()
    {
        Assert.Throws<ArgumentException>(() => Proration.Segments([Plan("2026-11-01", 1m, 1m)], D("2026-11-20"), D("2026-12-05"), BillingInterval.Monthly, Currency.USD));
    }
}
