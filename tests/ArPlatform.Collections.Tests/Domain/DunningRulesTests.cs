using ArPlatform.Collections.Dunning;
using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Tests.Domain;

public sealed class DunningRulesTests
{
    /// <summary>DOMAIN.md's cadence: −3 reminder, +1, +7, +15 call, +30 escalation, +45 hold, +60 final notice.</summary>
    private static readonly IReadOnlyList<DunningStep> Cadence =
    [
        new("REMINDER", -3, DunningChannel.Email, "reminder"),
        new("FIRST_NOTICE", 1, DunningChannel.Email, "notice"),
        new("SECOND_NOTICE", 7, DunningChannel.Email, "notice"),
        new("COLLECTOR_CALL", 15, DunningChannel.Call, "call"),
        new("ESCALATION", 30, DunningChannel.Email, "escalation"),
        new("CREDIT_HOLD", 45, DunningChannel.CreditHold, "credit-hold"),
        new("FINAL_NOTICE", 60, DunningChannel.Email, "final-notice"),
    ];

    private static readonly DateOnly Due = new(2026, 11, 1);

    private static DunningDecision Decide(int daysFromDue, int? furthestSent = null, Cover cover = Cover.None,
        bool email = true, decimal open = 100m, decimal disputed = 0m) =>
        DunningRules.Decide(Cadence, new DunningInvoice(Due, open, disputed), Due.AddDays(daysFromDue), furthestSent, cover, email);

    [Fact]
    public void Nothing_is_due_before_the_first_step()
    {
        Assert.Equal(DunningDecision.Nothing, Decide(-4));
    }

    [Theory]
    [InlineData(-3, "REMINDER")]
    [InlineData(0, "REMINDER")]
    [InlineData(1, "FIRST_NOTICE")]
    [InlineData(9, "SECOND_NOTICE")]
    [InlineData(15, "COLLECTOR_CALL")]
    [InlineData(44, "ESCALATION")]
    [InlineData(45, "CREDIT_HOLD")]
    [InlineData(400, "FINAL_NOTICE")]
    public void The_latest_step_reached_is_taken(int daysFromDue, string step)
    {
        var decision = Decide(daysFromDue);
        Assert.True(decision.IsAction);
        Assert.Equal(step, decision.Step!.Name);
    }

    [Fact]
    public void An_invoice_first_seen_late_gets_the_step_it_reached_not_the_ones_before()
    {
        Assert.Equal("ESCALATION", Decide(31, furthestSent: null).Step!.Name);
    }

    [Fact]
    public void A_step_already_taken_or_passed_is_never_taken_again()
    {
        Assert.Equal(SkipReason.AlreadySent, Decide(9, furthestSent: 7).Skip);
        Assert.Equal(SkipReason.AlreadySent, Decide(9, furthestSent: 15).Skip);
        Assert.True(Decide(9, furthestSent: 1).IsAction);
    }

    [Fact]
    public void Disputed_promised_and_planned_invoices_are_skipped_with_the_reason()
    {
        Assert.Equal(SkipReason.InDispute, Decide(9, disputed: 0.01m).Skip);
        Assert.Equal(SkipReason.PromiseToPay, Decide(9, cover: Cover.Promise).Skip);
        Assert.Equal(SkipReason.PaymentPlan, Decide(9, cover: Cover.Plan).Skip);
    }

    [Fact]
    public void An_email_step_without_an_address_is_skipped_but_a_call_is_not()
    {
        Assert.Equal(SkipReason.NoContact, Decide(9, email: false).Skip);
        Assert.True(Decide(15, email: false).IsAction);
    }

    [Fact]
    public void A_paid_invoice_stops_the_sequence()
    {
        Assert.Equal(DunningDecision.Nothing, Decide(30, open: 0m));
    }

    [Fact]
    public void Segments_without_a_cadence_of_their_own_use_the_default_in_offset_order()
    {
        var options = new DunningOptions
        {
            Policies = new(StringComparer.OrdinalIgnoreCase)
            {
                ["DEFAULT"] = [Cadence[2], Cadence[0]],
                ["ENTERPRISE"] = [Cadence[4]],
            },
        };
        Assert.Equal(["REMINDER", "SECOND_NOTICE"], options.CadenceFor("SMB").Select(s => s.Name));
        Assert.Equal(["ESCALATION"], options.CadenceFor("enterprise").Select(s => s.Name));
    }
}
