using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>A collector sees the customers assigned to them; everything else reads as not there.</summary>
public sealed class PortfolioScopingTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private BillingService.BillingServiceClient Ana => _host.ClientFor("ana", Roles.Collector);

    private async Task<(string Customer, string Invoice)> AccountAsync(string requestId, string collector)
    {
        var request = Requests.Customer(requestId);
        request.Customer.Collector = collector;
        var customerId = (await _host.Client.CreateCustomerAsync(request)).Id;
        return (customerId, (await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-" + requestId))).Id);
    }

    [Fact]
    public async Task A_collector_lists_and_reads_only_their_portfolio()
    {
        var mine = await AccountAsync("c-1", "ana");
        var bens = await AccountAsync("c-2", "ben");

        Assert.Equal([mine.Customer], (await Ana.ListCustomersAsync(new ListCustomersRequest())).Customers.Select(c => c.Id));
        Assert.Equal([mine.Invoice], (await Ana.ListInvoicesAsync(new ListInvoicesRequest())).Invoices.Select(i => i.Id));
        Assert.Equal(mine.Customer, (await Ana.GetCustomerAsync(new GetCustomerRequest { Id = mine.Customer })).Id);
        await GrpcAssert.FailsWith(StatusCode.NotFound, () => Ana.GetCustomerAsync(new GetCustomerRequest { Id = bens.Customer }).ResponseAsync);
        await GrpcAssert.FailsWith(StatusCode.NotFound, () => Ana.GetInvoiceAsync(new GetInvoiceRequest { Id = bens.Invoice }).ResponseAsync);
        Assert.Equal([mine.Invoice], (await Ana.BatchGetInvoicesAsync(new BatchGetInvoicesRequest { Ids = { bens.Invoice, mine.Invoice } })).Invoices.Select(i => i.Id));
        await GrpcAssert.FailsWith(StatusCode.NotFound, () => Ana.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = bens.Customer }).ResponseAsync);
        await GrpcAssert.FailsWith(StatusCode.NotFound, () => Ana.GetStatementAsync(new GetStatementRequest { CustomerId = bens.Customer }).ResponseAsync);
        Assert.All((await Ana.ListLedgerEntriesAsync(new ListLedgerEntriesRequest())).Entries, e => Assert.Equal(mine.Customer, e.CustomerId));
    }

    [Fact]
    public async Task A_collectors_aging_covers_their_portfolio_and_a_manager_sees_everything()
    {
        var mine = await AccountAsync("c-1", "ana");
        await AccountAsync("c-2", "ben");
        var request = new GetAgingReportRequest { AsOf = "2026-11-30", GroupBy = AgingGroupBy.Currency };

        var hers = await Ana.GetAgingReportAsync(request);
        var byCustomer = await Ana.GetAgingReportAsync(new GetAgingReportRequest { AsOf = "2026-11-30", GroupBy = AgingGroupBy.Customer });
        var all = await _host.ClientFor("mark", Roles.ArManager).GetAgingReportAsync(request);
        var clerkToo = await _host.ClientFor("ana", Roles.Collector, Roles.ArClerk).GetAgingReportAsync(request);

        Assert.Equal("324.75", Assert.Single(hers.Totals).Total.Amount);
        Assert.Equal([mine.Customer], byCustomer.Rows.Select(r => r.Key));
        Assert.Equal("649.50", Assert.Single(all.Totals).Total.Amount);
        Assert.Equal("649.50", Assert.Single(clerkToo.Totals).Total.Amount);
    }

    [Fact]
    public async Task A_collector_streams_one_customer_of_theirs_never_the_whole_ledger()
    {
        var mine = await AccountAsync("c-1", "ana");
        var bens = await AccountAsync("c-2", "ben");

        async Task<List<Invoice>> Stream(string customerId)
        {
            using var call = Ana.StreamOpenInvoices(new StreamOpenInvoicesRequest { CustomerId = customerId });
            return await call.ResponseStream.ReadAllAsync().ToListAsync();
        }

        Assert.Equal([mine.Invoice], (await Stream(mine.Customer)).Select(i => i.Id));
        Assert.Equal(StatusCode.InvalidArgument, (await Assert.ThrowsAsync<RpcException>(() => Stream(""))).StatusCode);
        Assert.Equal(StatusCode.NotFound, (await Assert.ThrowsAsync<RpcException>(() => Stream(bens.Customer))).StatusCode);
    }
}
