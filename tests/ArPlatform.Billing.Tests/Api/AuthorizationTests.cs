using System.Net;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Every RPC needs a valid token, and each group of RPCs its roles — enforced in the service itself.</summary>
public sealed class AuthorizationTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    // Declared before Calls: static fields initialise in order.
    private static readonly string[] Writers = [Roles.ArClerk, Roles.ArManager, Roles.Service];

    /// <summary>One call per RPC group, each on its own request ids, with the roles that may make it (null: every role).</summary>
    private static readonly Dictionary<string, (string[]? Allowed, Func<BillingService.BillingServiceClient, string, Task> Call)> Calls = new()
    {
        ["CreateCustomer"] = (Writers, (b, _) => b.CreateCustomerAsync(Requests.Customer("auth-c-" + Guid.NewGuid())).ResponseAsync),
        ["CreateInvoice"] = (Writers, (b, c) => b.CreateInvoiceAsync(Requests.Invoice(c, requestId: "auth-i-" + Guid.NewGuid())).ResponseAsync),
        ["GetCustomer"] = (null, (b, c) => b.GetCustomerAsync(new GetCustomerRequest { Id = c }).ResponseAsync),
        ["ListInvoices"] = (null, (b, c) => b.ListInvoicesAsync(new ListInvoicesRequest { CustomerId = c }).ResponseAsync),
        ["GetAccountBalance"] = (null, (b, c) => b.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = c }).ResponseAsync),
        ["GetStatement"] = (null, (b, c) => b.GetStatementAsync(new GetStatementRequest { CustomerId = c }).ResponseAsync),
        ["ExportJournal"] = ([Roles.Controller, Roles.Auditor, Roles.ArManager], (b, _) => b.ExportJournalAsync(new ExportJournalRequest()).ResponseAsync),
        ["SetFxRates"] = ([Roles.Controller], (b, _) => b.SetFxRatesAsync(new SetFxRatesRequest
        {
            RequestId = "auth-fx-" + Guid.NewGuid(), Rates = { new FxRate { Date = "2026-11-01", BaseCurrency = "EUR", QuoteCurrency = "USD", Rate = "1.1" } },
        }).ResponseAsync),
        ["AssessLateCharges"] = ([Roles.ArManager, Roles.Controller, Roles.Service], (b, _) =>
            b.AssessLateChargesAsync(new AssessLateChargesRequest { RequestId = "auth-lc-" + Guid.NewGuid(), DryRun = true }).ResponseAsync),
    };

    public static TheoryData<string, string> RolesAndRpcs()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles.All)
            foreach (var rpc in Calls.Keys)
                data.Add(role, rpc);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndRpcs))]
    public async Task Each_role_may_call_exactly_its_rpc_groups(string role, string rpc)
    {
        // The caller's own customer: a collector reads only their portfolio.
        var customer = Requests.Customer();
        customer.Customer.Collector = "tester";
        var customerId = (await _host.Client.CreateCustomerAsync(customer)).Id;
        var (allowed, call) = Calls[rpc];

        if (allowed is null || allowed.Contains(role)) await call(_host.ClientAs(role), customerId);
        else await GrpcAssertPermissionDenied(() => call(_host.ClientAs(role), customerId));
    }

    private static async Task GrpcAssertPermissionDenied(Func<Task> call) =>
        Assert.Equal(StatusCode.PermissionDenied, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);

    [Fact]
    public async Task A_call_without_a_token_is_unauthenticated_on_every_rpc()
    {
        foreach (var (rpc, (_, call)) in Calls)
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => call(_host.ClientAs(null), "01ANY"));
            Assert.True(ex.StatusCode == StatusCode.Unauthenticated, $"{rpc}: {ex.StatusCode}");
        }
        Assert.Equal(0, await _host.CountAsync<Customers.Customer>());
    }

    [Fact]
    public async Task A_token_signed_with_another_key_is_refused()
    {
        var forged = TestTokens.IssuerFor(TokenSettings.NewSigningKey()).Issue("mallory", [Roles.ArManager], TimeSpan.FromMinutes(5));
        using var channel = GrpcChannel.ForAddress(_host.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _host.Server.CreateHandler() });
        var billing = new BillingService.BillingServiceClient(channel.WithBearer(forged));

        var ex = await Assert.ThrowsAsync<RpcException>(() => billing.CreateCustomerAsync(Requests.Customer()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [Fact]
    public async Task Json_callers_get_401_without_a_token_and_403_without_the_role()
    {
        Assert.Equal(HttpStatusCode.Unauthorized, (await _host.JsonClient().GetAsync("/v1/customers")).StatusCode);
        var asAuditor = await _host.JsonClient(Roles.Auditor).PostAsync("/v1/customers",
            new StringContent("""{ "requestId": "a-1", "customer": { "name": "X", "currency": "USD" } }""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, asAuditor.StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await _host.JsonClient(Roles.Auditor).GetAsync("/v1/customers")).StatusCode);
    }

    [Fact]
    public async Task Health_and_metrics_stay_open_to_probes()
    {
        var anonymous = _host.JsonClient();
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/alive")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await anonymous.GetAsync("/metrics")).StatusCode);
    }
}
