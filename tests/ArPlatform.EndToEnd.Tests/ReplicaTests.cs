using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>The fault scenarios with two processes of each service on PostgreSQL: the one killed is one of two.</summary>
[Collection(ReplicaStack.Name)]
public sealed class ReplicaFaultTests(ReplicaStackFixture fixture) : FaultScenarios
{
    protected override AppHostProcess Stack => fixture.Stack;
}

/// <summary>Two processes of each service behind the gateway, on one PostgreSQL database each.</summary>
[Collection(ReplicaStack.Name)]
public sealed class ReplicaTests(ReplicaStackFixture fixture)
{
    private AppHostProcess Stack => fixture.Stack;

    [StackFact]
    public async Task Each_service_runs_as_two_processes_that_share_its_data()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        var customer = await clerk.PostOkAsync("/v1/customers", """
            { "requestId": "rep-share-c", "customer": { "name": "Pendant Publishing", "currency": "USD", "region": "AMER" } }
            """);
        var id = customer.GetProperty("id").GetString();

        // The gateway spreads calls over both Billing processes; each reads what the other wrote.
        foreach (var replica in new[] { "billing", "billing-2" })
        {
            using var direct = new HttpClient { BaseAddress = Stack.Endpoint(replica, "http") };
            direct.DefaultRequestHeaders.Authorization = new("Bearer", Stack.Token(Roles.ArClerk));
            var read = await direct.GetFromJsonAsync<JsonElement>($"/v1/customers/{id}");
            Assert.Equal("Pendant Publishing", read.GetProperty("name").GetString());
        }
        Assert.Equal(2, Stack.StartedProcesses.Select(p => p.Resource).Distinct().Count(r => r.StartsWith("billing", StringComparison.Ordinal)));
    }

    [StackFact]
    public async Task The_database_shut_down_for_seconds_answers_unavailable_writes_once_and_recovers_without_restarting_a_service()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        var id = (await clerk.PostOkAsync("/v1/customers", """
            { "requestId": "rep-db-c", "customer": { "name": "Kramerica Industries", "currency": "USD", "region": "AMER" } }
            """)).GetProperty("id").GetString();
        var services = Stack.StartedProcesses.Count(p => p.Resource != "postgres");

        // A fast shutdown: every connection cut, the server gone until AppHost starts it again.
        AppHostProcess.Interrupt(Stack.StartedProcesses.Last(p => p.Resource == "postgres").Pid);
        var statuses = new List<HttpStatusCode>();
        var clock = Stopwatch.StartNew();
        HttpStatusCode status;
        // The clerk's app retries the same invoice with the same request id until it is taken (bounded).
        do
        {
            using var response = await clerk.PostAsync("/v1/invoices", new StringContent($$"""
                { "requestId": "rep-db-i", "issue": true, "invoice": { "customerId": "{{id}}", "invoiceDate": "2026-01-01",
                  "lines": [ { "description": "Paper", "quantity": "1", "unitPrice": { "currency": "USD", "amount": "100.00" } } ] } }
                """, System.Text.Encoding.UTF8, "application/json"));
            statuses.Add(status = response.StatusCode);
            if (status != HttpStatusCode.OK) await Task.Delay(TimeSpan.FromMilliseconds(200));
        } while (status != HttpStatusCode.OK && clock.Elapsed < TimeSpan.FromSeconds(90));

        Assert.Equal(HttpStatusCode.OK, status);
        Assert.Contains(HttpStatusCode.ServiceUnavailable, statuses);
        Assert.DoesNotContain(HttpStatusCode.InternalServerError, statuses);
        var balance = await clerk.GetFromJsonAsync<JsonElement>($"/v1/customers/{id}/balance");
        Assert.Equal("100.00", balance.GetProperty("balances")[0].GetProperty("open").GetProperty("amount").GetString());
        Assert.Equal(services, Stack.StartedProcesses.Count(p => p.Resource != "postgres"));
    }

    [StackFact]
    public async Task The_gateway_keeps_answering_while_one_replica_is_killed()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        var customer = await clerk.PostOkAsync("/v1/customers", """
            { "requestId": "rep-kill-c", "customer": { "name": "Vandelay Latex", "currency": "USD", "region": "AMER" } }
            """);
        var id = customer.GetProperty("id").GetString();
        var statuses = new List<(TimeSpan At, HttpStatusCode Status)>();
        var clock = Stopwatch.StartNew();

        AppHostProcess.KillHard(Stack.StartedProcesses.Last(p => p.Resource == "billing-2").Pid);
        // Bounded: 20 seconds of balance reads and customer updates, one after another, well
        // under the gateway's rate limit; AppHost restarts the killed process meanwhile.
        for (var n = 0; clock.Elapsed < TimeSpan.FromSeconds(20); n++)
        {
            var response = n % 2 == 0
                ? await clerk.GetAsync($"/v1/customers/{id}/balance")
                : await clerk.PatchAsync($"/v1/customers/{id}?updateMask=name&requestId=rep-kill-u-{n}",
                    new StringContent($$"""{ "name": "Vandelay Latex {{n}}" }""", System.Text.Encoding.UTF8, "application/json"));
            statuses.Add((clock.Elapsed, response.StatusCode));
            await Task.Delay(TimeSpan.FromMilliseconds(10));
        }

        // A call the gateway sends to the dead process is refused there and goes to the other
        // one: every call is answered, while AppHost restarts the killed process.
        var failures = statuses.Where(s => s.Status != HttpStatusCode.OK).ToList();
        Assert.True(failures.Count == 0, $"{failures.Count} of {statuses.Count} calls failed: {string.Join(", ", failures.Take(5))}");
        Assert.True(statuses.Count > 100, $"only {statuses.Count} calls in 20 s");
    }
}
