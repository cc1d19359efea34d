using ArPlatform.Contracts.Disputes.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;

namespace ArPlatform.Disputes.Tests.Api;

/// <summary>
/// A collector and nothing more works the cases of their own customers (the customer's collector
/// in Billing): anything else reads as not found, lists name one customer of theirs, and the
/// analytics over every case are refused. Other roles see every case.
/// </summary>
public sealed class PortfolioScopingTests : IDisposable
{
    private readonly DisputesWorld _world = new();

    public void Dispose() => _world.Dispose();

    private DisputesService.DisputesServiceClient Cole => _world.Disputes.ClientAs("cole", Roles.Collector);

    private async Task<(string Customer, string Invoice)> AccountAsync(string requestId, string collector)
    {
        var request = Requests.Customer(requestId);
        request.Customer.Collector = collector;
        var customer = await _world.BillingClient.CreateCustomerAsync(request);
        var invoice = await _world.InvoiceAsync(customer.Id, "i-" + requestId);
        return (customer.Id, invoice.Id);
    }

    [Fact]
    public async Task A_collector_works_the_cases_of_their_customers_and_no_others()
    {
        var (mine, myInvoice) = await AccountAsync("c-mine", "cole");
        var (theirs, theirInvoice) = await AccountAsync("c-theirs", "ana");
        var myCase = await Cole.OpenDisputeAsync(DisputesWorld.Open(myInvoice, requestId: "d-mine"));
        var theirCase = await _world.Manager().OpenDisputeAsync(DisputesWorld.Open(theirInvoice, requestId: "d-theirs"));

        Assert.Equal(mine, (await Cole.GetDisputeAsync(new GetDisputeRequest { Id = myCase.Id })).CustomerId);
        Assert.Equal([myCase.Id], (await Cole.ListDisputesAsync(new ListDisputesRequest { CustomerId = mine })).Disputes.Select(d => d.Id));
        await Cole.AddDisputeNoteAsync(new AddDisputeNoteRequest { Id = myCase.Id, RequestId = "n-1", Text = "Called AP" });

        async Task NotFound(Func<Task> call) => Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        await NotFound(() => Cole.GetDisputeAsync(new GetDisputeRequest { Id = theirCase.Id }).ResponseAsync);
        await NotFound(() => Cole.AddDisputeNoteAsync(new AddDisputeNoteRequest { Id = theirCase.Id, RequestId = "n-2", Text = "x" }).ResponseAsync);
        await NotFound(() => Cole.ListDisputesAsync(new ListDisputesRequest { CustomerId = theirs }).ResponseAsync);
        await NotFound(() => Cole.OpenDisputeAsync(DisputesWorld.Open(theirInvoice, requestId: "d-2")).ResponseAsync);
        await NotFound(() => Cole.GetEvidenceAsync(new GetEvidenceRequest { DisputeId = theirCase.Id, Id = "01EVIDENCE" }).ResponseAsync);
        var everyone = await Assert.ThrowsAsync<RpcException>(() => Cole.ListDisputesAsync(new ListDisputesRequest()).ResponseAsync);
        Assert.Equal(StatusCode.InvalidArgument, everyone.StatusCode);
        var analytics = await Assert.ThrowsAsync<RpcException>(() => Cole.GetDisputeAnalyticsAsync(new GetDisputeAnalyticsRequest()).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, analytics.StatusCode);

        // A collector who also holds a wider role, and every other role, sees every case.
        var wider = _world.Disputes.ClientAs("cole", Roles.Collector, Roles.ArClerk);
        Assert.Equal(2, (await wider.ListDisputesAsync(new ListDisputesRequest())).Disputes.Count);
        Assert.Equal(theirs, (await _world.Disputes.ClientAs("aud", Roles.Auditor).GetDisputeAsync(new GetDisputeRequest { Id = theirCase.Id })).CustomerId);
    }

    [Fact]
    public async Task A_collector_replaying_another_collectors_request_gets_nothing_of_theirs()
    {
        var (_, anasInvoice) = await AccountAsync("c-ana", "ana");
        var ana = _world.Disputes.ClientAs("ana", Roles.Collector);
        var opening = DisputesWorld.Open(anasInvoice, requestId: "d-ana");
        var anasCase = await ana.OpenDisputeAsync(opening);

        // The same request id and body from Cole is Cole's own request: her invoice is not his to see.
        var replay = await Assert.ThrowsAsync<RpcException>(() => Cole.OpenDisputeAsync(opening).ResponseAsync);
        Assert.Equal(StatusCode.NotFound, replay.StatusCode);
        var batch = await Cole.OpenDisputesAsync(new OpenDisputesRequest { Disputes = { opening } });
        Assert.DoesNotContain(anasCase.Id, batch.Results.Select(r => r.Dispute?.Id));
        // Ana's own retry still replays her case.
        Assert.Equal(anasCase.Id, (await ana.OpenDisputeAsync(opening)).Id);
    }
}
