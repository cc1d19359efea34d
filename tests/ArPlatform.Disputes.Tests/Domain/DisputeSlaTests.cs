using ArPlatform.Disputes.Workflow;

namespace ArPlatform.Disputes.Tests.Domain;

public sealed class DisputeSlaTests
{
    private static readonly SlaPolicy Policy = new();
    private static readonly DateOnly Opened = new(2026, 11, 2);

    [Theory]
    [InlineData(DisputeReason.DuplicateBilling, "2026-11-07")]
    [InlineData(DisputeReason.Tax, "2026-11-09")]
    [InlineData(DisputeReason.Pricing, "2026-11-12")]
    [InlineData(DisputeReason.QualityDamage, "2026-11-17")]
    [InlineData(DisputeReason.ContractTerms, "2026-11-22")]
    public void The_due_date_follows_the_reason_code(DisputeReason reason, string due)
    {
        Assert.Equal(DateOnly.Parse(due), DisputeSla.DueDate(Policy, reason, "USD", 500m, Opened));
    }

    [Fact]
    public void A_high_value_case_gets_half_the_time_rounded_up()
    {
        // Quality/damage: 15 days, halved to 8 from USD 100,000.
        Assert.Equal(new DateOnly(2026, 11, 17), DisputeSla.DueDate(Policy, DisputeReason.QualityDamage, "USD", 99_999.99m, Opened));
        Assert.Equal(new DateOnly(2026, 11, 10), DisputeSla.DueDate(Policy, DisputeReason.QualityDamage, "USD", 100_000m, Opened));
    }

    [Fact]
    public void The_high_value_line_is_per_currency_and_a_currency_without_one_has_no_tier()
    {
        Assert.Equal(new DateOnly(2026, 11, 7), DisputeSla.DueDate(Policy, DisputeReason.Pricing, "JPY", 15_000_000m, Opened));
        Assert.Equal(new DateOnly(2026, 11, 12), DisputeSla.DueDate(Policy, DisputeReason.Pricing, "JPY", 100_000m, Opened));
        Assert.Equal(new DateOnly(2026, 11, 12), DisputeSla.DueDate(Policy, DisputeReason.Pricing, "BHD", 10_000_000m, Opened));
    }

    [Theory]
    [InlineData("2026-11-12", 0)] // due today: on time
    [InlineData("2026-11-13", 1)] // a day late
    [InlineData("2026-11-17", 1)] // five days late: still level 1
    [InlineData("2026-11-18", 2)] // six days late: level 2
    public void An_unresolved_case_escalates_once_past_due_and_again_after_the_grace_days(string today, int level)
    {
        var due = new DateOnly(2026, 11, 12);

        Assert.Equal(level, DisputeSla.EscalationLevel(Policy, DisputeStatus.Investigating, due, DateOnly.Parse(today)));
        Assert.Equal(level > 0, DisputeSla.IsOverdue(DisputeStatus.Investigating, due, DateOnly.Parse(today)));
    }

    [Theory]
    [InlineData(DisputeStatus.ResolvedValid)]
    [InlineData(DisputeStatus.Closed)]
    public void A_decided_case_is_never_overdue(DisputeStatus status)
    {
        Assert.False(DisputeSla.IsOverdue(status, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
        Assert.Equal(0, DisputeSla.EscalationLevel(Policy, status, new DateOnly(2026, 1, 1), new DateOnly(2026, 12, 31)));
    }
}
