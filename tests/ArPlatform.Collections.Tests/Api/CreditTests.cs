using ArPlatform.Contracts.Collections.V1;
using ArPlatform.ServiceDefaults.Security;
using Google.Rpc;
using Grpc.Core;

namespace ArPlatform.Collections.Tests.Api;

public sealed class CreditTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Credit_status_shows_billings_limit_and_exposure()
    {
        var customer = await _world.CustomerAsync();
        await _world.InvoiceAsync(customer.Id);

        var status = await _world.Collections.Collector.GetCreditStatusAsync(new GetCreditStatusRequest { CustomerId = customer.Id });

        Assert.Equal(("50000.00", "324.75", "49675.25", "0.6"), (status.CreditLimit.Amount, status.Exposure.Amount, status.Available.Amount, status.UtilisationPercent));
        Assert.False(status.OnHold);
    }

    [Fact]
    public async Task A_hold_is_released_by_a_manager_who_did_not_place_it_and_both_are_in_the_history()
    {
        var customer = await _world.CustomerAsync();
        await _world.Collections.Collector.PlaceCreditHoldAsync(new PlaceCreditHoldRequest { CustomerId = customer.Id, RequestId = "h-1", Note = "Cheque bounced" });

        var collectorRelease = await Assert.ThrowsAsync<RpcException>(() => _world.Collections.Collector.ReleaseCreditHoldAsync(
            new ReleaseCreditHoldRequest { CustomerId = customer.Id, RequestId = "r-1", Note = "paid" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, collectorRelease.StatusCode);
        var released = await _world.Collections.Manager.ReleaseCreditHoldAsync(
            new ReleaseCreditHoldRequest { CustomerId = customer.Id, RequestId = "r-2", Note = "Replacement wire received" });

        Assert.False(released.OnHold);
        Assert.Equal("2026-12-30", released.OverrideUntil);
        Assert.Equal([("RELEASE", "mia"), ("HOLD", "cole")], released.History.Select(h => (h.Action, h.Actor)));
        var audit = await _world.Collections.ClientAs("aud", Roles.Auditor).ListAuditEntriesAsync(new Contracts.Common.V1.ListAuditEntriesRequest { EntityType = "credit_profile", EntityId = customer.Id });
        Assert.Equal(["PlaceCreditHold", "ReleaseCreditHold"], audit.Entries.Select(e => e.Operation));
    }

    [Fact]
    public async Task Whoever_placed_a_hold_cannot_release_it()
    {
        var customer = await _world.CustomerAsync();
        await _world.Collections.Manager.PlaceCreditHoldAsync(new PlaceCreditHoldRequest { CustomerId = customer.Id, RequestId = "h-1" });

        var status = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _world.Collections.Manager.ReleaseCreditHoldAsync(
            new ReleaseCreditHoldRequest { CustomerId = customer.Id, RequestId = "r-1", Note = "mine" }).ResponseAsync);
        Assert.Equal("SEGREGATION_OF_DUTIES", status.GetDetail<PreconditionFailure>()!.Violations[0].Type);
    }

    [Fact]
    public async Task Bad_requests_name_every_bad_field_and_unknown_customers_are_not_found()
    {
        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Collections.Manager.ReleaseCreditHoldAsync(
            new ReleaseCreditHoldRequest { OverrideUntil = "30/12/2026" }).ResponseAsync);
        Assert.Equal(["request_id", "customer_id", "note", "override_until"], status.FieldViolations());
        await GrpcAssert.FailsWith(StatusCode.NotFound, () => _world.Collections.Collector.GetCreditStatusAsync(
            new GetCreditStatusRequest { CustomerId = "01NOSUCHCUSTOMER" }).ResponseAsync);
    }
}

public sealed class PortfolioTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_collector_works_only_the_accounts_assigned_to_them()
    {
        var customer = await _world.CustomerAsync(); // cole's
        var invoice = await _world.InvoiceAsync(customer.Id);
        var other = _world.Collections.ClientAs("otto", Roles.Collector);

        await GrpcAssert.FailsWith(StatusCode.NotFound, () => other.GetCreditStatusAsync(new GetCreditStatusRequest { CustomerId = customer.Id }).ResponseAsync);
        await GrpcAssert.FailsWith(StatusCode.NotFound, () => other.PlaceCreditHoldAsync(new PlaceCreditHoldRequest { CustomerId = customer.Id, RequestId = "h-1" }).ResponseAsync);
        await GrpcAssert.FailsWith(StatusCode.NotFound, () => other.RequestWriteOffAsync(new RequestWriteOffRequest
        {
            RequestId = "w-1", WriteOff = new Contracts.Collections.V1.WriteOffRequest { InvoiceId = invoice.Id, Reason = "x", Amount = Requests.Usd("1.00") },
        }).ResponseAsync);
        var unnamed = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => other.ListPromisesToPayAsync(new ListPromisesToPayRequest()).ResponseAsync);
        Assert.Equal(["customer_id"], unnamed.FieldViolations());
        // Their own collector, and anyone with a wider role, sees the account.
        Assert.Equal(customer.Id, (await _world.Collections.Collector.GetCreditStatusAsync(new GetCreditStatusRequest { CustomerId = customer.Id })).CustomerId);
        Assert.Empty((await _world.Collections.Manager.ListPromisesToPayAsync(new ListPromisesToPayRequest())).Promises);
    }
}
