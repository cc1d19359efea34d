using System.Net;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Grpc.Core;
using Grpc.Net.Client;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>Nobody gets in without a token: not through the gateway, not around it.</summary>
[Collection(SharedStack.Name)]
public sealed class SecurityTests(StackFixture fixture)
{
    private AppHostProcess Stack => fixture.Stack;

    [StackFact]
    public async Task Without_a_token_the_gateway_answers_401_for_json_and_unauthenticated_for_grpc()
    {
        using var anonymous = new HttpClient { BaseAddress = Stack.GatewayJson };
        Assert.Equal(HttpStatusCode.Unauthorized, (await anonymous.GetAsync("/v1/customers")).StatusCode);

        using var channel = GrpcChannel.ForAddress(Stack.GatewayGrpc);
        var ex = await Assert.ThrowsAsync<RpcException>(() => new BillingService.BillingServiceClient(channel)
            .ListCustomersAsync(new ListCustomersRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [StackFact]
    public async Task A_call_that_bypasses_the_gateway_is_refused_by_every_service()
    {
        foreach (var (service, route) in new[]
                 {
                     ("billing", "/v1/customers"), ("cashapp", "/v1/payments"),
                     ("collections", "/v1/collections/worklist"), ("disputes", "/v1/disputes"),
                 })
        {
            using var direct = new HttpClient { BaseAddress = Stack.Endpoint(service, "http") };
            var status = (await direct.GetAsync(route)).StatusCode;
            Assert.True(status == HttpStatusCode.Unauthorized, $"{service}: {status}");
        }

        using var channel = GrpcChannel.ForAddress(Stack.Endpoint("billing", "grpc"));
        var ex = await Assert.ThrowsAsync<RpcException>(() => new BillingService.BillingServiceClient(channel)
            .GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = "01ANY" }).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, ex.StatusCode);
    }

    [StackFact]
    public async Task A_role_without_the_right_gets_403_through_the_gateway()
    {
        using var auditor = Stack.JsonClient(Roles.Auditor);
        Assert.Equal(HttpStatusCode.OK, (await auditor.GetAsync("/v1/customers")).StatusCode);
        var post = await auditor.PostAsync("/v1/customers", new StringContent(
            """{ "requestId": "e2e-auditor", "customer": { "name": "X", "currency": "USD" } }""", System.Text.Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.Forbidden, post.StatusCode);
    }
}

/// <summary>A burst above a client's rate gets 429 with Retry-After (a stack with a small limit of its own).</summary>
public sealed class RateLimitTests : IAsyncLifetime
{
    private readonly AppHostProcess _stack = new(new Dictionary<string, string>
    {
        ["RateLimiting__PermitsPerSecond"] = "2",
        ["RateLimiting__Burst"] = "5",
    });

    public Task InitializeAsync() => _stack.StartAsync();
    public Task DisposeAsync() => _stack.DisposeAsync().AsTask();

    [StackFact]
    public async Task A_burst_above_the_limit_gets_429_with_retry_after()
    {
        using var http = _stack.JsonClient(Roles.Auditor);
        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => http.GetAsync("/v1/customers")));

        Assert.Contains(responses, r => r.StatusCode == HttpStatusCode.OK);
        var limited = responses.Where(r => r.StatusCode == HttpStatusCode.TooManyRequests).ToList();
        Assert.NotEmpty(limited);
        Assert.All(limited, r => Assert.True(r.Headers.RetryAfter?.Delta >= TimeSpan.FromSeconds(1)));
    }
}
