using ArPlatform.Collections.Promises;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Tests.Domain;

public sealed class PromiseRulesTests
{
    private static readonly DateOnly Promised = new(2026, 12, 5);

    [Fact]
    public void A_promise_is_kept_as_soon_as_the_cash_reaches_it_even_early()
    {
        Assert.Equal(PromiseStatus.Kept, PromiseRules.Decide(500m, Promised, 2, 500m, Promised.AddDays(-3)));
    }

    [Fact]
    public void A_promise_stays_open_through_its_grace_days_and_breaks_after()
    {
        Assert.Equal(PromiseStatus.Open, PromiseRules.Decide(500m, Promised, 2, 499.99m, Promised.AddDays(2)));
        Assert.Equal(PromiseStatus.Broken, PromiseRules.Decide(500m, Promised, 2, 499.99m, Promised.AddDays(3)));
    }

    [Fact]
    public void A_promise_or_instalment_dated_at_the_calendars_end_stays_open_instead_of_overflowing()
    {
        var end = DateOnly.MaxValue;
        Assert.Equal(PromiseStatus.Open, PromiseRules.Decide(500m, end, 2, 0m, new DateOnly(2026, 11, 30)));
        Assert.Equal(PaymentPlanStatus.Active, PromiseRules.EvaluatePlan([(end, 100m)], 2, 0m, new DateOnly(2026, 11, 30)).Status);
    }

    private static readonly (DateOnly, decimal)[] Instalments =
        [(new DateOnly(2026, 12, 1), 100m), (new DateOnly(2027, 1, 1), 100m), (new DateOnly(2027, 2, 1), 100m)];

    [Fact]
    public void Cash_pays_instalments_oldest_first_and_the_plan_stays_active()
    {
        var (status, states) = PromiseRules.EvaluatePlan(Instalments, 2, 150m, new DateOnly(2026, 12, 20));
        Assert.Equal(PaymentPlanStatus.Active, status);
        Assert.Equal(["PAID", "PENDING", "PENDING"], states.Select(s => s.State));
    }

    [Fact]
    public void A_missed_instalment_defaults_the_plan()
    {
        // 150 paid covers December's 100 but only 50 of January's, which is past its grace on 4 January.
        var (status, states) = PromiseRules.EvaluatePlan(Instalments, 2, 150m, new DateOnly(2027, 1, 4));
        Assert.Equal(PaymentPlanStatus.Defaulted, status);
        Assert.Equal(["PAID", "MISSED", "PENDING"], states.Select(s => s.State));
    }

    [Fact]
    public void A_plan_paid_in_full_is_completed()
    {
        Assert.Equal(PaymentPlanStatus.Completed, PromiseRules.EvaluatePlan(Instalments, 2, 300m, new DateOnly(2026, 12, 2)).Status);
    }
}
