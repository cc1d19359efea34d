using ArPlatform.Collections.Worklists;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Tests.Domain;

public sealed class WorklistRankingTests
{
    private static AccountFacts Account(string id, decimal pastDue, int daysLate, RiskRating risk = RiskRating.Low, bool strategic = false) =>
        new() { CustomerId = id, Currency = "USD", Open = pastDue, PastDue = pastDue, DaysLate = daysLate, Risk = risk, Strategic = strategic };

    [Fact]
    public void Accounts_rank_by_points_a_collector_can_read_back()
    {
        var ranked = WorklistRanking.Rank(
        [
            Account("small-old", 2_000m, 90),                       // 2 + 30 = 32
            Account("big-new", 60_000m, 3),                         // 60 + 1 = 61
            Account("risky", 10_000m, 30, RiskRating.High),         // 10 + 10 + 20 = 40
        ]);
        Assert.Equal(["big-new", "risky", "small-old"], ranked.Select(r => r.Account.CustomerId));
        Assert.Equal(61m, ranked[0].Score);
        Assert.Equal(["60,000 USD past due", "oldest invoice 3 days late"], ranked[0].Reasons);
    }

    [Fact]
    public void Past_due_points_are_capped_so_one_huge_account_does_not_hide_the_rest()
    {
        var ranked = WorklistRanking.Rank([Account("huge", 5_000_000m, 1), Account("late-risky", 50_000m, 150, RiskRating.High, strategic: true)]);
        Assert.Equal(100.33m, ranked.Single(r => r.Account.CustomerId == "huge").Score);
        Assert.Equal("late-risky", ranked[0].Account.CustomerId); // 50 + 50 + 20 + 15 = 135
    }

    [Fact]
    public void Nothing_past_due_and_no_broken_promise_is_not_on_the_list()
    {
        Assert.Empty(WorklistRanking.Rank([Account("current", 0m, 0)]));
    }

    [Fact]
    public void A_broken_promise_comes_first_in_the_next_action()
    {
        var account = Account("a", 500m, 20) with { Promise = (500m, new DateOnly(2026, 11, 20), true), NextDunningStep = ("ESCALATION", new DateOnly(2026, 12, 1)) };
        var row = WorklistRanking.Rank([account]).Single();
        Assert.Equal("CALL: promise of 500 USD due 2026-11-20 was broken", row.NextAction);
        Assert.Equal("promise of 500 USD due 2026-11-20 was broken", row.Reasons[0]);
    }

    [Theory]
    [InlineData(false, false, 0, "DUNNING: ESCALATION on 2026-12-01")]
    [InlineData(true, false, 0, "WAIT: promise of 500 USD due 2026-12-10")]
    [InlineData(false, true, 0, "WAIT: payment plan in progress")]
    [InlineData(false, false, 500, "FOLLOW UP: dispute open for 500 USD")]
    public void The_next_action_says_what_to_do(bool promise, bool plan, int disputed, string expected)
    {
        var account = Account("a", 500m, 20) with
        {
            Promise = promise ? (500m, new DateOnly(2026, 12, 10), false) : null,
            PlanActive = plan,
            Disputed = disputed,
            NextDunningStep = ("ESCALATION", new DateOnly(2026, 12, 1)),
        };
        Assert.Equal(expected, WorklistRanking.NextAction(account));
    }
}
