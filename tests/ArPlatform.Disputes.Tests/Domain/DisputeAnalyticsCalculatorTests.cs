using ArPlatform.Disputes.Analytics;
using ArPlatform.Disputes.Workflow;

namespace ArPlatform.Disputes.Tests.Domain;

/// <summary>
/// One worked example, computed by hand:
///   #1 c1 PRICING   ana  valid    USD 100  opened 10-01, resolved 10-03       (2 days,    SLA 10-11: on time)
///   #2 c1 PRICING   ana  invalid  USD  50  opened 10-10, resolved 10-20       (10 days,   SLA 10-20: on time, the due day)
///   #3 c2 TAX       bob  partial  EUR  80  opened 11-01, resolved 11-12 12:00 (11.5 days, SLA 11-08: late)
///   #4 c2 QUANTITY  —    open     USD  30  opened 11-20, SLA 11-30 (today: not yet overdue)
///   #5 c3 PRICING   bob  investig USD  20  opened 11-05, SLA 11-15 (overdue)
/// Cycle times 2, 10, 11.5: mean 7.83 → 7.8, median 10.0, p90 (rank ⌈0.9×3⌉ = 3) 11.5.
/// Within SLA 2 of 3 = 66.7 %. Repeat rate: c1 and c2 have two cases each, c3 one: 2 of 3 = 66.7 %.
/// </summary>
public sealed class DisputeAnalyticsCalculatorTests
{
    private static readonly DateOnly Today = new(2026, 11, 30);

    private static DisputeFact Fact(string customer, DisputeReason reason, string owner, DisputeStatus status, string currency,
        decimal amount, string opened, string? resolved, string sla, params (string, decimal)[] products) =>
        new(customer, reason, owner, status, currency, amount, DateTime.Parse(opened), resolved is null ? null : DateTime.Parse(resolved),
            DateOnly.Parse(sla), products);

    private static readonly IReadOnlyList<DisputeFact> Facts =
    [
        Fact("c1", DisputeReason.Pricing, "ana", DisputeStatus.ResolvedValid, "USD", 100m, "2026-10-01", "2026-10-03", "2026-10-11", ("SKU-A", 60m), ("SKU-B", 40m)),
        Fact("c1", DisputeReason.Pricing, "ana", DisputeStatus.ResolvedInvalid, "USD", 50m, "2026-10-10", "2026-10-20", "2026-10-20", ("SKU-A", 50m)),
        Fact("c2", DisputeReason.Tax, "bob", DisputeStatus.ResolvedPartial, "EUR", 80m, "2026-11-01", "2026-11-12T12:00", "2026-11-08", ("", 80m)),
        Fact("c2", DisputeReason.Quantity, "", DisputeStatus.Open, "USD", 30m, "2026-11-20", null, "2026-11-30", ("SKU-B", 30m)),
        Fact("c3", DisputeReason.Pricing, "bob", DisputeStatus.Investigating, "USD", 20m, "2026-11-05", null, "2026-11-15", ("SKU-A", 20m)),
    ];

    private static readonly Contracts.Disputes.V1.DisputeAnalytics All = DisputeAnalyticsCalculator.Compute(Facts, null, null, Today);

    [Fact]
    public void Open_cases_count_with_their_amount_and_those_past_due()
    {
        Assert.Equal((2, 1), (All.OpenCount, All.OverdueCount));
        Assert.Equal("USD 50.00", Assert.Single(All.OpenAmount) is var m ? $"{m.Currency} {m.Amount}" : "");
    }

    [Fact]
    public void Cycle_time_is_mean_median_and_p90_of_the_days_to_resolution()
    {
        Assert.Equal((3, "7.8", "10.0", "11.5"), (All.CycleTime.ResolvedCount, All.CycleTime.MeanDays, All.CycleTime.MedianDays, All.CycleTime.P90Days));
        Assert.Equal("66.7", All.ResolvedWithinSlaPercent);
    }

    [Fact]
    public void Breakdowns_count_amount_and_time_per_reason_product_and_owner()
    {
        Assert.Equal(["PRICING:3:1", "QUANTITY:1:1", "TAX:1:0"], All.ByReason.Select(g => $"{g.Key}:{g.Count}:{g.OpenCount}"));
        var pricing = All.ByReason[0];
        Assert.Equal(("USD", "170.00"), (pricing.Amount.Single().Currency, pricing.Amount.Single().Amount));
        Assert.Equal(("6.0", "6.0", "10.0"), (pricing.CycleTime.MeanDays, pricing.CycleTime.MedianDays, pricing.CycleTime.P90Days));

        Assert.Equal(["SKU-A:3:USD 130.00", "SKU-B:2:USD 70.00", "(none):1:EUR 80.00"],
            All.ByProduct.Select(g => $"{g.Key}:{g.Count}:{string.Join(",", g.Amount.Select(a => $"{a.Currency} {a.Amount}"))}"));
        Assert.Equal(["ana:2", "bob:2", "(unassigned):1"], All.ByOwner.Select(g => $"{g.Key}:{g.Count}"));
        Assert.Equal(["c1", "c2", "c3"], All.ByCustomer.Select(g => g.Key));
    }

    [Fact]
    public void Repeat_disputes_are_measured_per_customer_and_per_reason()
    {
        Assert.Equal("66.7", All.RepeatDisputeRatePercent);
        // c1 disputed pricing twice: one of its two cases repeats a reason. c2's two cases differ.
        var repeat = Assert.Single(All.RepeatByCustomer);
        Assert.Equal(("c1", 2, 1, "50.0"), (repeat.Key, repeat.Base, repeat.Repeats, repeat.Percent));
        Assert.Equal(["PRICING:2:1:50.0", "QUANTITY:1:0:0.0", "TAX:1:0:0.0"],
            All.RepeatByReason.Select(r => $"{r.Key}:{r.Base}:{r.Repeats}:{r.Percent}"));
    }

    [Fact]
    public void The_trend_counts_openings_and_resolutions_per_month()
    {
        Assert.Equal(["2026-10:2:2:USD 150.00", "2026-11:3:1:EUR 80.00,USD 50.00"],
            All.Trend.Select(t => $"{t.Month}:{t.Opened}:{t.Resolved}:{string.Join(",", t.OpenedAmount.Select(a => $"{a.Currency} {a.Amount}"))}"));
    }

    [Fact]
    public void A_window_limits_the_cases_measured_but_not_what_is_open_now()
    {
        var november = DisputeAnalyticsCalculator.Compute(Facts, new DateOnly(2026, 11, 1), new DateOnly(2026, 11, 30), Today);

        Assert.Equal((2, 1, "11.5"), (november.OpenCount, november.CycleTime.ResolvedCount, november.CycleTime.MedianDays));
        Assert.Equal("0.0", november.ResolvedWithinSlaPercent);
        Assert.Equal("50.0", november.RepeatDisputeRatePercent);
    }

    [Fact]
    public void With_no_cases_the_rates_are_empty_rather_than_zero()
    {
        var none = DisputeAnalyticsCalculator.Compute([], null, null, Today);

        Assert.Equal((0, 0, "", ""), (none.OpenCount, none.CycleTime.ResolvedCount, none.ResolvedWithinSlaPercent, none.RepeatDisputeRatePercent));
    }
}
