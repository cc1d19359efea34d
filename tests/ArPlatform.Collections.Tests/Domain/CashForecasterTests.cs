using ArPlatform.Collections.Forecasts;

namespace ArPlatform.Collections.Tests.Domain;

public sealed class CashForecasterTests
{
    private static readonly DateOnly Monday = new(2026, 11, 30);

    [Fact]
    public void Weeks_start_on_monday()
    {
        Assert.Equal(Monday, CashForecaster.WeekStart(new DateOnly(2026, 12, 6)));
        Assert.Equal(Monday, CashForecaster.WeekStart(Monday));
    }

    [Fact]
    public void Invoices_arrive_on_their_due_date_moved_by_the_customers_habit()
    {
        // Due 3 December, customer pays 10 days late → 13 December, the week of 7 December.
        var (weeks, later) = CashForecaster.Forecast(
            [new ForecastInvoice("c1", "USD", new DateOnly(2026, 12, 3), 100m)],
            new Dictionary<string, decimal> { ["c1"] = 10m }, [], Monday, 4);
        var week = Assert.Single(weeks);
        Assert.Equal(new DateOnly(2026, 12, 7), week.WeekStart);
        Assert.Equal(100m, week.Expected);
        Assert.Empty(later);
    }

    [Fact]
    public void Overdue_cash_is_expected_now_and_cash_past_the_horizon_is_later()
    {
        var (weeks, later) = CashForecaster.Forecast(
            [new ForecastInvoice("c1", "USD", new DateOnly(2026, 10, 1), 40m), new ForecastInvoice("c1", "USD", new DateOnly(2027, 3, 1), 60m)],
            new Dictionary<string, decimal>(), [], Monday, 2);
        Assert.Equal(40m, Assert.Single(weeks).Expected);
        Assert.Equal(Monday, weeks[0].WeekStart);
        Assert.Equal(60m, later["USD"]);
    }

    [Fact]
    public void A_promise_replaces_the_part_of_the_invoices_it_covers()
    {
        // 300 open since 1 November, promised 120 on 9 December: 120 committed that week; the other
        // 180 was expected on 21 November (20 days late as usual), so now, in the first week.
        var (weeks, _) = CashForecaster.Forecast(
            [new ForecastInvoice("c1", "USD", new DateOnly(2026, 11, 1), 300m)],
            new Dictionary<string, decimal> { ["c1"] = 20m }, [new Commitment("c1", "USD", new DateOnly(2026, 12, 9), 120m)], Monday, 4);
        Assert.Equal(2, weeks.Count);
        Assert.Equal((180m, 0m), (weeks[0].Expected, weeks[0].Committed));
        Assert.Equal((120m, 120m), (weeks[1].Expected, weeks[1].Committed));
    }

    [Fact]
    public void Accuracy_is_one_hundred_less_the_relative_error_never_below_zero()
    {
        Assert.Equal(90m, CashForecaster.AccuracyPercent(1000m, 900m));
        Assert.Equal(90m, CashForecaster.AccuracyPercent(1000m, 1100m));
        Assert.Equal(0m, CashForecaster.AccuracyPercent(100m, 500m));
        Assert.Null(CashForecaster.AccuracyPercent(0m, 500m));
    }
}
