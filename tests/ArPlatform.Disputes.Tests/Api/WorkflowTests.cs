using ArPlatform.Contracts.Disputes.V1;
using Grpc.Core;

namespace ArPlatform.Disputes.Tests.Api;

public sealed class WorkflowTests : IDisposable
{
    private readonly DisputesWorld _world = new();

    public void Dispose() => _world.Dispose();

    private async Task<Dispute> OpenAsync() =>
        await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open((await _world.InvoiceAsync()).Id));

    private static TransitionDisputeRequest Move(string id, DisputeStatus to, string requestId, InternalTeam team = InternalTeam.Unspecified,
        string etag = "") => new() { Id = id, RequestId = requestId, ToStatus = to, PendingWith = team, Etag = etag };

    [Fact]
    public async Task A_case_is_worked_through_the_workflow_and_keeps_its_history()
    {
        var dispute = await OpenAsync();
        var client = _world.Disputes.Client;

        await client.AssignDisputeAsync(new AssignDisputeRequest { Id = dispute.Id, RequestId = "a-1", Owner = "ana" });
        await client.TransitionDisputeAsync(Move(dispute.Id, DisputeStatus.Investigating, "t-1"));
        await client.TransitionDisputeAsync(Move(dispute.Id, DisputeStatus.PendingInternal, "t-2", InternalTeam.Sales));
        await client.AddDisputeNoteAsync(new AddDisputeNoteRequest { Id = dispute.Id, RequestId = "n-1", Text = "Sales confirms the list price" });
        await client.ResolveDisputeAsync(new ResolveDisputeRequest { Id = dispute.Id, RequestId = "r-1", Outcome = DisputeOutcome.Invalid });
        var closed = await client.TransitionDisputeAsync(Move(dispute.Id, DisputeStatus.Closed, "t-3"));

        Assert.Equal(("ana", DisputeStatus.Closed), (closed.Owner, closed.Status));
        Assert.Equal([DisputeStatus.Investigating, DisputeStatus.PendingInternal, DisputeStatus.ResolvedInvalid, DisputeStatus.Closed],
            closed.History.Select(h => h.ToStatus));
        Assert.All(closed.History, h => Assert.Equal("clara", h.Actor));
        Assert.Equal("Sales confirms the list price", Assert.Single(closed.Notes).Text);
        Assert.NotNull(closed.CloseTime);
    }

    [Fact]
    public async Task A_move_the_workflow_does_not_allow_is_a_failed_precondition_and_changes_nothing()
    {
        var dispute = await OpenAsync();

        var status = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _world.Disputes.Client.TransitionDisputeAsync(Move(dispute.Id, DisputeStatus.Closed, "t-1")).ResponseAsync);

        Assert.Contains("cannot move to Closed", status.Message);
        Assert.Equal(dispute.Etag, (await _world.Disputes.Client.GetDisputeAsync(new() { Id = dispute.Id })).Etag);
    }

    [Fact]
    public async Task A_change_based_on_a_stale_read_is_aborted()
    {
        var dispute = await OpenAsync();
        await _world.Disputes.Client.TransitionDisputeAsync(Move(dispute.Id, DisputeStatus.Investigating, "t-1", etag: dispute.Etag));

        await GrpcAssert.FailsWith(StatusCode.Aborted, () => _world.Disputes.Client
            .TransitionDisputeAsync(Move(dispute.Id, DisputeStatus.PendingCustomer, "t-2", etag: dispute.Etag)).ResponseAsync);
    }

    [Fact]
    public async Task Concurrent_notes_and_moves_on_one_case_are_all_kept()
    {
        var dispute = await OpenAsync();
        var client = _world.Disputes.Client;

        var notes = Enumerable.Range(1, 20).Select(i =>
            client.AddDisputeNoteAsync(new AddDisputeNoteRequest { Id = dispute.Id, RequestId = $"n-{i}", Text = $"note {i}" }).ResponseAsync);
        var moves = new[]
        {
            client.AssignDisputeAsync(new AssignDisputeRequest { Id = dispute.Id, RequestId = "a-1", Owner = "ana" }).ResponseAsync,
            client.TransitionDisputeAsync(Move(dispute.Id, DisputeStatus.Investigating, "t-1")).ResponseAsync,
        };
        await Task.WhenAll(notes.Concat(moves));

        var after = await client.GetDisputeAsync(new() { Id = dispute.Id });
        Assert.Equal(Enumerable.Range(1, 20).Select(i => $"note {i}").Order(), after.Notes.Select(n => n.Text).Order());
        Assert.Equal(("ana", DisputeStatus.Investigating), (after.Owner, after.Status));
        Assert.Equal("22", after.Etag);
    }

    [Fact]
    public async Task Cases_list_by_status_owner_reason_and_invoice()
    {
        var invoice = await _world.InvoiceAsync();
        var pricing = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "10.00", "d-1"));
        var tax = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "5.00", "d-2", DisputeReasonCode.Tax));
        await _world.Disputes.Client.AssignDisputeAsync(new AssignDisputeRequest { Id = tax.Id, RequestId = "a-1", Owner = "bo" });

        async Task<IEnumerable<string>> Ids(ListDisputesRequest request) =>
            (await _world.Disputes.Client.ListDisputesAsync(request)).Disputes.Select(d => d.Id);

        Assert.Equal([pricing.Id, tax.Id], await Ids(new() { InvoiceId = invoice.Id }));
        Assert.Equal([tax.Id], await Ids(new() { ReasonCode = DisputeReasonCode.Tax }));
        Assert.Equal([tax.Id], await Ids(new() { Owner = "bo" }));
        Assert.Equal([pricing.Id, tax.Id], await Ids(new() { Status = DisputeStatus.Open, UnresolvedOnly = true }));
        Assert.Empty(await Ids(new() { OverdueOnly = true }));
        var page = await _world.Disputes.Client.ListDisputesAsync(new() { PageSize = 1 });
        Assert.Equal([tax.Id], await Ids(new() { PageSize = 1, PageToken = page.NextPageToken }));
    }

    [Fact]
    public async Task Overdue_cases_are_escalated_once_per_level_with_a_note()
    {
        var dispute = await OpenAsync();
        var client = _world.Manager();

        var early = await client.EscalateOverdueDisputesAsync(new() { RequestId = "e-1", AsOf = "2026-12-10" });
        var late = await client.EscalateOverdueDisputesAsync(new() { RequestId = "e-2", AsOf = "2026-12-11" });
        var again = await client.EscalateOverdueDisputesAsync(new() { RequestId = "e-3", AsOf = "2026-12-12" });
        var later = await client.EscalateOverdueDisputesAsync(new() { RequestId = "e-4", AsOf = "2026-12-16" });

        Assert.Equal((0, 1, 0, 1), (early.Escalated, late.Escalated, again.Escalated, later.Escalated));
        var after = await client.GetDisputeAsync(new() { Id = dispute.Id });
        Assert.Equal(2, after.EscalationLevel);
        Assert.Equal(["Past its SLA due date 2026-12-10: escalated to level 1.", "Past its SLA due date 2026-12-10: escalated to level 2."],
            after.Notes.Select(n => n.Text));
    }
}
