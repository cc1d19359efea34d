using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using ModelContextProtocol.Client;
using ModelContextProtocol.Protocol;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>The MCP server on the real stack, through the gateway, as an AI agent holding a collector's token would use it.</summary>
[Collection(SharedStack.Name)]
public sealed class McpTests(StackFixture fixture)
{
    private AppHostProcess Stack => fixture.Stack;

    private Uri Endpoint => new(Stack.GatewayJson, "/mcp");

    [StackFact]
    public async Task An_agent_reads_its_callers_portfolio_and_proposes_without_making_anything()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        var theirs = await CustomerAsync(clerk, "e2e-mcp-1", "Initrode", "e2e-collector");
        var someoneElses = await CustomerAsync(clerk, "e2e-mcp-2", "Vandelay", "another-collector");
        await clerk.PostOkAsync("/v1/invoices", $$"""
            { "requestId": "e2e-mcp-i", "issue": true, "invoice": { "customerId": "{{theirs}}", "invoiceDate": "2020-01-01",
              "lines": [ { "description": "Support plan", "quantity": "1", "unitPrice": { "currency": "USD", "amount": "480.00" } } ] } }
            """);

        await using var agent = await McpClient.CreateAsync(new HttpClientTransport(new HttpClientTransportOptions
        {
            Endpoint = Endpoint, TransportMode = HttpTransportMode.StreamableHttp,
            AdditionalHeaders = new Dictionary<string, string> { ["Authorization"] = "Bearer " + Stack.Token(Roles.Collector) },
        }));

        var tools = (await agent.ListToolsAsync()).Select(t => t.Name).Order().ToList();
        Assert.Equal(["find_customers", "get_aging", "get_balance", "get_invoice", "get_statement", "list_disputes", "list_open_invoices",
            "propose_dispute", "propose_promise_to_pay"], tools);

        var balance = await agent.CallToolAsync("get_balance", new Dictionary<string, object?> { ["customerId"] = theirs });
        Assert.NotEqual(true, balance.IsError);
        Assert.Contains("480", Text(balance));
        var open = await agent.CallToolAsync("list_open_invoices", new Dictionary<string, object?> { ["customerId"] = theirs });
        Assert.Contains("\"openAmount\"", Text(open));

        // Another collector's customer is not the caller's to read, whoever asks for it.
        var refused = await agent.CallToolAsync("get_balance", new Dictionary<string, object?> { ["customerId"] = someoneElses });
        Assert.True(refused.IsError);
        Assert.Contains("NotFound", Text(refused));

        var proposed = await agent.CallToolAsync("propose_promise_to_pay", new Dictionary<string, object?>
        {
            ["customerId"] = theirs, ["amount"] = 480.00m, ["currency"] = "USD", ["date"] = "2030-01-15",
            ["quote"] = "we will pay on the 15th", ["requestId"] = "e2e-mcp-promise",
        });
        Assert.NotEqual(true, proposed.IsError);
        using var collector = Stack.JsonClient(Roles.Collector);
        var activities = await collector.GetFromJsonAsync<JsonElement>($"/v1/collections/activities?customerId={theirs}");
        Assert.Contains(activities.GetProperty("activities").EnumerateArray(),
            a => a.GetProperty("text").GetString()!.Contains("Proposed promise to pay 480.00 USD on 2030-01-15", StringComparison.Ordinal));
        var promises = await collector.GetFromJsonAsync<JsonElement>($"/v1/collections/promises?customerId={theirs}");
        Assert.False(promises.TryGetProperty("promises", out var made) && made.GetArrayLength() > 0, "an agent's proposal made a promise");
    }

    [StackFact]
    public async Task Without_a_token_the_mcp_endpoint_answers_nothing()
    {
        using var anonymous = new HttpClient();
        using var response = await anonymous.PostAsJsonAsync(Endpoint, new { jsonrpc = "2.0", id = 1, method = "tools/list" });

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    private static async Task<string> CustomerAsync(HttpClient clerk, string requestId, string name, string collector) =>
        (await clerk.PostOkAsync("/v1/customers", $$"""
            { "requestId": "{{requestId}}", "customer": { "name": "{{name}}", "currency": "USD", "region": "AMER", "collector": "{{collector}}" } }
            """)).GetProperty("id").GetString()!;

    private static string Text(CallToolResult result) => string.Concat(result.Content.OfType<TextContentBlock>().Select(c => c.Text));
}
