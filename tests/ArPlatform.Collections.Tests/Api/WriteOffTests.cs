using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Collections.V1;
using ArPlatform.ServiceDefaults.Security;
using Google.Rpc;
using Grpc.Core;

namespace ArPlatform.Collections.Tests.Api;

public sealed class WriteOffTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static RequestWriteOffRequest Request(string invoiceId, string amount, string requestId = "w-1") => new()
    {
        RequestId = requestId,
        WriteOff = new Contracts.Collections.V1.WriteOffRequest
        {
            InvoiceId = invoiceId, Reason = "uncollectible", Amount = Requests.Usd(amount), Evidence = "Chapter 7 notice received 2026-11-20",
        },
    };

    [Fact]
    public async Task An_approved_write_off_is_posted_to_billing_once()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);

        var requested = await _world.Collections.Collector.RequestWriteOffAsync(Request(invoice.Id, "224.75"));
        Assert.Equal((WriteOffStatus.PendingApproval, "cole"), (requested.Status, requested.RequestedBy));
        Assert.Equal([Roles.ArManager, Roles.Controller], requested.ApproverRoles);

        var approved = await _world.Collections.Manager.ApproveWriteOffAsync(new ApproveWriteOffRequest { Id = requested.Id, RequestId = "a-1" });
        Assert.Equal(("mia", WriteOffStatus.Approved), (approved.DecidedBy, approved.Status));
        await _world.PostWriteOffsAsync();
        await _world.PostWriteOffsAsync();

        var posted = await _world.Collections.Collector.GetWriteOffAsync(new GetWriteOffRequest { Id = requested.Id });
        Assert.Equal(WriteOffStatus.Posted, posted.Status);
        Assert.Equal("100.00", (await _world.ReloadAsync(invoice.Id)).OpenAmount.Amount);
        var entries = await _world.Billing.Client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { InvoiceId = invoice.Id });
        var writeOff = Assert.Single(entries.Entries, e => e.Kind == "WRITE_OFF");
        Assert.Equal(("-224.75", posted.Number), (writeOff.Amount.Amount, writeOff.Reference));
        // Each change audited once: requested, approved, posted (at once, following mia's approval).
        var audit = await _world.Collections.ClientAs("aud", Roles.Auditor).ListAuditEntriesAsync(
            new Contracts.Common.V1.ListAuditEntriesRequest { EntityType = "write_off", EntityId = requested.Id });
        Assert.Equal([("RequestWriteOff", "cole"), ("ApproveWriteOff", "mia"), ("RecordWriteOffPosting", "mia")],
            audit.Entries.Select(e => (e.Operation, e.Actor)));
        Assert.Contains("POSTED", audit.Entries[^1].After);
    }

    [Fact]
    public async Task A_write_off_above_the_managers_tier_needs_a_controller()
    {
        var customer = await _world.CustomerAsync();
        var big = await _world.Billing.Client.CreateInvoiceAsync(Requests.Invoice(customer.Id, "i-big", unitPrice: "1000.00"));

        var requested = await _world.Collections.Collector.RequestWriteOffAsync(Request(big.Id, "1500.00"));
        Assert.Equal([Roles.Controller], requested.ApproverRoles);

        var status = await GrpcAssert.FailsWith(StatusCode.PermissionDenied, () =>
            _world.Collections.Manager.ApproveWriteOffAsync(new ApproveWriteOffRequest { Id = requested.Id, RequestId = "a-1" }).ResponseAsync);
        Assert.Equal("APPROVAL_TIER", status.GetDetail<ErrorInfo>()!.Reason);
        var approved = await _world.Collections.ClientAs("carl", Roles.Controller).ApproveWriteOffAsync(new ApproveWriteOffRequest { Id = requested.Id, RequestId = "a-2" });
        Assert.Equal(WriteOffStatus.Approved, approved.Status);
    }

    [Fact]
    public async Task The_requester_can_never_approve_their_own_write_off()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);
        var requested = await _world.Collections.Manager.RequestWriteOffAsync(Request(invoice.Id, "24.75"));

        var status = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            _world.Collections.Manager.ApproveWriteOffAsync(new ApproveWriteOffRequest { Id = requested.Id, RequestId = "a-1" }).ResponseAsync);
        Assert.Equal("SEGREGATION_OF_DUTIES", status.GetDetail<PreconditionFailure>()!.Violations[0].Type);
    }

    [Fact]
    public async Task A_rejected_write_off_posts_nothing_and_needs_a_reason()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);
        var requested = await _world.Collections.Collector.RequestWriteOffAsync(Request(invoice.Id, "24.75"));

        var noReason = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () =>
            _world.Collections.Manager.RejectWriteOffAsync(new RejectWriteOffRequest { Id = requested.Id, RequestId = "x-1" }).ResponseAsync);
        Assert.Equal(["note"], noReason.FieldViolations());
        var rejected = await _world.Collections.Manager.RejectWriteOffAsync(new RejectWriteOffRequest { Id = requested.Id, RequestId = "x-2", Note = "Customer is paying" });
        await _world.PostWriteOffsAsync();

        Assert.Equal(WriteOffStatus.Rejected, rejected.Status);
        Assert.Equal("324.75", (await _world.ReloadAsync(invoice.Id)).OpenAmount.Amount);
    }

    [Fact]
    public async Task Requests_beyond_what_is_open_are_refused_counting_those_already_pending()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);
        await _world.Collections.Collector.RequestWriteOffAsync(Request(invoice.Id, "300.00", "w-1"));

        var status = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () =>
            _world.Collections.Collector.RequestWriteOffAsync(Request(invoice.Id, "30.00", "w-2")).ResponseAsync);
        Assert.Equal("AMOUNT_EXCEEDS_OPEN", status.GetDetail<PreconditionFailure>()!.Violations[0].Type);
    }

    [Fact]
    public async Task Billing_refusing_for_good_marks_the_posting_failed_with_the_reason()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);
        var requested = await _world.Collections.Collector.RequestWriteOffAsync(Request(invoice.Id, "324.75"));
        // Paid in full while the request waited for approval: Billing has nothing left to write off.
        await _world.PayAsync(invoice.Id, "324.75", "2026-11-30", "pay-1");
        await _world.Collections.Manager.ApproveWriteOffAsync(new ApproveWriteOffRequest { Id = requested.Id, RequestId = "a-1" });
        await _world.PostWriteOffsAsync();

        var failed = await _world.Collections.Collector.GetWriteOffAsync(new GetWriteOffRequest { Id = requested.Id });
        Assert.Equal(WriteOffStatus.PostingFailed, failed.Status);
        Assert.StartsWith("FailedPrecondition: Invoice", failed.PostingError);
        Assert.Equal("0.00", (await _world.ReloadAsync(invoice.Id)).OpenAmount.Amount);
    }
}
