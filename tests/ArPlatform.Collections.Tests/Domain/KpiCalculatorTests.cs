using ArPlatform.Collections.Performance;

namespace ArPlatform.Collections.Tests.Domain;

/// <summary>
/// Worked by hand for November 2026 (30 days): beginning AR 100,000; credit sales 120,000;
/// ending AR 110,000 of which 66,000 current; written off 1,200.
/// </summary>
public sealed class KpiCalculatorTests
{
    private static readonly KpiFigures November =
        KpiCalculator.Calculate(new KpiInputs(100_000m, 110_000m, 66_000m, 120_000m, 1_200m, 30));

    [Fact]
    public void Dso_is_average_ar_over_credit_sales_times_days()
    {
        // (100,000 + 110,000) / 2 = 105,000; 105,000 / 120,000 × 30 = 26.25
        Assert.Equal(26.25m, November.Dso);
        Assert.Equal("26.3", KpiCalculator.Format(November.Dso));
    }

    [Fact]
    public void Best_possible_dso_uses_current_ar_only()
    {
        // 66,000 / 120,000 × 30 = 16.5
        Assert.Equal(16.5m, November.BestPossibleDso);
    }

    [Fact]
    public void Average_days_delinquent_is_the_difference()
    {
        // 26.25 − 16.5 = 9.75
        Assert.Equal(9.75m, November.AverageDaysDelinquent);
        Assert.Equal("9.8", KpiCalculator.Format(November.AverageDaysDelinquent));
    }

    [Fact]
    public void Cei_compares_what_was_collected_with_what_could_have_been()
    {
        // (100,000 + 120,000 − 110,000) / (100,000 + 120,000 − 66,000) × 100 = 110,000 / 154,000 × 100 = 71.43
        Assert.Equal("71.4", KpiCalculator.Format(November.Cei));
    }

    [Fact]
    public void Percent_current_and_bad_debt_percent()
    {
        // 66,000 / 110,000 = 60 %; 1,200 / 120,000 = 1 %
        Assert.Equal(60m, November.PercentCurrent);
        Assert.Equal(1m, November.BadDebtPercent);
    }

    [Fact]
    public void Without_credit_sales_the_sales_based_kpis_are_undefined_not_zero()
    {
        var quiet = KpiCalculator.Calculate(new KpiInputs(500m, 500m, 0m, 0m, 0m, 30));
        Assert.Null(quiet.Dso);
        Assert.Null(quiet.BadDebtPercent);
        Assert.Equal("", KpiCalculator.Format(quiet.Dso));
        Assert.Equal(0m, quiet.Cei);
    }

    [Fact]
    public void Countback_dso_counts_whole_months_then_a_share_of_the_last()
    {
        // 150,000 AR: November's 120,000 sales use all 30 days; the 30,000 left is half of
        // October's 60,000 → 15.5 of its 31 days. 30 + 15.5 = 45.5
        Assert.Equal(45.5m, KpiCalculator.CountbackDso(150_000m, [new(30, 120_000m), new(31, 60_000m)]));
        // 110,000 of November's 120,000 → 27.5 days
        Assert.Equal(27.5m, KpiCalculator.CountbackDso(110_000m, [new(30, 120_000m)]));
    }

    [Fact]
    public void Countback_dso_is_undefined_when_the_months_do_not_cover_the_ar()
    {
        Assert.Null(KpiCalculator.CountbackDso(500_000m, [new(30, 120_000m), new(31, 60_000m)]));
    }

    [Fact]
    public void The_headline_is_the_currency_asked_for_else_the_functional_one_else_the_first_with_activity()
    {
        (string, bool)[] currencies = [("BMD", false), ("EUR", true), ("USD", true)];
        Assert.Equal("USD", KpiCalculator.HeadlineCurrency(currencies, requested: "USD", functional: "EUR"));
        Assert.Equal("EUR", KpiCalculator.HeadlineCurrency(currencies, requested: "", functional: "EUR"));
        Assert.Equal("EUR", KpiCalculator.HeadlineCurrency(currencies, requested: "", functional: ""));
        Assert.Null(KpiCalculator.HeadlineCurrency([("BMD", false)], requested: "", functional: null));
    }
}
