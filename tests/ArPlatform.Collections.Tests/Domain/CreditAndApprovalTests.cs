using ArPlatform.Collections.Credit;
using ArPlatform.Collections.WriteOffs;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Tests.Domain;

public sealed class CreditAndApprovalTests
{
    private static readonly CreditOptions Credit = new() { HoldDaysPastDue = 60 };
    private static readonly DateOnly Today = new(2026, 11, 30);

    [Fact]
    public void Over_the_limit_goes_on_hold()
    {
        Assert.Equal(HoldReason.OverLimit, CreditPolicy.AutomaticHold(Credit, 50_000.01m, 50_000m, 0, Today, null));
        Assert.Equal(HoldReason.Unspecified, CreditPolicy.AutomaticHold(Credit, 50_000m, 50_000m, 0, Today, null));
    }

    [Fact]
    public void Too_many_days_late_goes_on_hold()
    {
        Assert.Equal(HoldReason.PastDue, CreditPolicy.AutomaticHold(Credit, 10m, 50_000m, 61, Today, null));
        Assert.Equal(HoldReason.Unspecified, CreditPolicy.AutomaticHold(Credit, 10m, 50_000m, 60, Today, null));
    }

    [Fact]
    public void Without_a_limit_only_lateness_counts()
    {
        Assert.Equal(HoldReason.Unspecified, CreditPolicy.AutomaticHold(Credit, 1_000_000m, null, 0, Today, null));
        Assert.Equal(HoldReason.Unspecified, CreditPolicy.AutomaticHold(Credit, 1_000_000m, 0m, 0, Today, null));
    }

    [Fact]
    public void A_release_keeps_the_automatic_hold_away_until_its_override_date()
    {
        Assert.Equal(HoldReason.Unspecified, CreditPolicy.AutomaticHold(Credit, 60_000m, 50_000m, 90, Today, overrideUntil: Today));
        Assert.Equal(HoldReason.OverLimit, CreditPolicy.AutomaticHold(Credit, 60_000m, 50_000m, 90, Today, overrideUntil: Today.AddDays(-1)));
    }

    [Fact]
    public void Utilisation_is_exposure_over_limit_to_one_decimal()
    {
        // 324.75 / 50,000 = 0.6495 % → 0.6
        Assert.Equal(0.6m, CreditPolicy.UtilisationPercent(324.75m, 50_000m));
        Assert.Equal(150.0m, CreditPolicy.UtilisationPercent(75_000m, 50_000m));
        Assert.Null(CreditPolicy.UtilisationPercent(75_000m, null));
    }

    private static readonly ApprovalMatrixOptions Matrix = new()
    {
        Tiers = [new() { Roles = ["controller"] }, new() { Below = 1000m, Roles = ["ar_manager", "controller"] }],
        TiersByCurrency = new(StringComparer.Ordinal) { ["JPY"] = [new() { Below = 150_000m, Roles = ["ar_manager"] }, new() { Roles = ["controller"] }] },
    };

    [Theory]
    [InlineData("999.99", "USD", "ar_manager,controller")]
    [InlineData("1000", "USD", "controller")]
    [InlineData("149999", "JPY", "ar_manager")]
    [InlineData("150000", "JPY", "controller")]
    public void The_amount_picks_the_tier_in_its_own_currency(string amount, string currency, string roles)
    {
        Assert.Equal(roles.Split(','), ApprovalMatrix.ApproverRoles(Matrix, decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency));
    }

    [Fact]
    public void The_requester_can_never_decide_even_with_the_right_role()
    {
        var refusal = ApprovalMatrix.RefusalFor("mia", "mia", _ => true, ["ar_manager"]);
        Assert.Equal("SEGREGATION_OF_DUTIES", refusal?.Code);
    }

    [Fact]
    public void An_approver_outside_the_tier_is_refused_and_one_inside_may_decide()
    {
        Assert.Equal("APPROVAL_TIER", ApprovalMatrix.RefusalFor("cole", "mia", r => r == "ar_manager", ["controller"])?.Code);
        Assert.Null(ApprovalMatrix.RefusalFor("cole", "carl", r => r == "controller", ["controller"]));
    }
}
