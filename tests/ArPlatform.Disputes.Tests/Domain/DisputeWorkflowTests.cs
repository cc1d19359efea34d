using ArPlatform.Disputes.Workflow;
using S = ArPlatform.Disputes.Workflow.DisputeStatus;

namespace ArPlatform.Disputes.Tests.Domain;

public sealed class DisputeWorkflowTests
{
    /// <summary>The workflow as the AR team draws it: every allowed move, and nothing else.</summary>
    private static readonly HashSet<(S From, S To)> Allowed =
    [
        (S.Open, S.Investigating), (S.Open, S.PendingCustomer), (S.Open, S.PendingInternal),
        (S.Investigating, S.PendingCustomer), (S.Investigating, S.PendingInternal),
        (S.PendingCustomer, S.Investigating), (S.PendingCustomer, S.PendingInternal),
        (S.PendingInternal, S.Investigating), (S.PendingInternal, S.PendingCustomer), (S.PendingInternal, S.PendingInternal),
        (S.ResolvedValid, S.Closed), (S.ResolvedInvalid, S.Closed), (S.ResolvedPartial, S.Closed),
        (S.ResolvedValid, S.Open), (S.ResolvedInvalid, S.Open), (S.ResolvedPartial, S.Open), (S.Closed, S.Open),
    ];

    public static TheoryData<S, S> EveryPair()
    {
        var data = new TheoryData<S, S>();
        foreach (var from in Enum.GetValues<S>())
            foreach (var to in Enum.GetValues<S>())
                data.Add(from, to);
        return data;
    }

    [Theory]
    [MemberData(nameof(EveryPair))]
    public void Every_move_is_allowed_exactly_when_the_workflow_has_it(S from, S to)
    {
        // A team and a reason, so only the move itself decides (the team differs from the current one).
        var refusal = DisputeWorkflow.RefuseTransition(from, to, InternalTeam.Legal, InternalTeam.Sales, "customer sent new proof");

        if (Allowed.Contains((from, to))) Assert.Null(refusal);
        else Assert.NotNull(refusal);
    }

    [Theory]
    [InlineData(S.ResolvedValid)]
    [InlineData(S.ResolvedInvalid)]
    [InlineData(S.ResolvedPartial)]
    public void Resolving_is_never_a_plain_transition(S to)
    {
        var refusal = DisputeWorkflow.RefuseTransition(S.Investigating, to, InternalTeam.None, InternalTeam.None, "");

        Assert.Contains("ResolveDispute", refusal);
    }

    [Fact]
    public void Pending_internal_needs_the_team_it_waits_on()
    {
        Assert.NotNull(DisputeWorkflow.RefuseTransition(S.Investigating, S.PendingInternal, InternalTeam.None, InternalTeam.None, ""));
        Assert.Null(DisputeWorkflow.RefuseTransition(S.Investigating, S.PendingInternal, InternalTeam.Sales, InternalTeam.None, ""));
    }

    [Fact]
    public void Handing_a_pending_case_to_the_same_team_is_refused_and_to_another_team_allowed()
    {
        Assert.NotNull(DisputeWorkflow.RefuseTransition(S.PendingInternal, S.PendingInternal, InternalTeam.Sales, InternalTeam.Sales, ""));
        Assert.Null(DisputeWorkflow.RefuseTransition(S.PendingInternal, S.PendingInternal, InternalTeam.Legal, InternalTeam.Sales, ""));
    }

    [Theory]
    [InlineData(S.ResolvedInvalid)]
    [InlineData(S.Closed)]
    public void Reopening_needs_a_reason(S from)
    {
        Assert.Contains("reason", DisputeWorkflow.RefuseTransition(from, S.Open, InternalTeam.None, InternalTeam.None, " "));
        Assert.Null(DisputeWorkflow.RefuseTransition(from, S.Open, InternalTeam.None, InternalTeam.None, "customer found the POD was forged"));
    }

    [Theory]
    [InlineData(S.Open, true)]
    [InlineData(S.Investigating, true)]
    [InlineData(S.PendingCustomer, true)]
    [InlineData(S.PendingInternal, true)]
    [InlineData(S.ResolvedValid, false)]
    [InlineData(S.ResolvedInvalid, false)]
    [InlineData(S.ResolvedPartial, false)]
    [InlineData(S.Closed, false)]
    public void Only_undecided_cases_can_be_resolved(S from, bool resolvable)
    {
        Assert.Equal(resolvable, DisputeWorkflow.RefuseResolution(from) is null);
        Assert.Equal(resolvable, DisputeWorkflow.IsUnresolved(from));
    }
}
