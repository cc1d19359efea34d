using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Collections.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Grpc.Net.Client;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>Collections through the gateway: dunning, credit holds on Billing's customer routes, a write-off posted to Billing.</summary>
[Collection(SharedStack.Name)]
public sealed class CollectionsTests(StackFixture fixture)
{
    private AppHostProcess Stack => fixture.Stack;

    [StackFact]
    public async Task A_late_account_is_dunned_held_and_written_off_through_the_gateway()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        var customer = await PostAsync(clerk, "/v1/customers", """
            { "requestId": "e2e-col-c", "customer": { "name": "Initech", "currency": "USD", "region": "AMER", "collector": "e2e-collector",
              "contacts": [ { "name": "Bill", "email": "ap@initech.example" } ] } }
            """, "id");
        var invoice = await PostAsync(clerk, "/v1/invoices", $$"""
            { "requestId": "e2e-col-i", "issue": true, "invoice": { "customerId": "{{customer}}", "invoiceDate": "2020-01-01",
              "lines": [ { "description": "Platform fee", "quantity": "3", "unitPrice": { "currency": "USD", "amount": "100.00" },
                           "taxRatePercent": "8.25" } ] } }
            """, "id");

        using var manager = Stack.JsonClient(Roles.ArManager);
        var run = await manager.PostOkAsync("/v1/collections/dunning-runs", $$"""{ "dryRun": true, "customerId": "{{customer}}" }""");
        Assert.Equal("FINAL_NOTICE", run.GetProperty("actions")[0].GetProperty("step").GetString());

        // The collector's token names "e2e-collector": the account is in their portfolio.
        using var collector = Stack.JsonClient(Roles.Collector);
        var held = await collector.PostOkAsync($"/v1/customers/{customer}/credit:hold", """{ "requestId": "e2e-col-h", "note": "Years overdue" }""");
        Assert.True(held.GetProperty("onHold").GetBoolean());
        var credit = await collector.GetFromJsonAsync<JsonElement>($"/v1/customers/{customer}/credit");
        Assert.Equal("324.75", credit.GetProperty("exposure").GetProperty("amount").GetString());

        using var channel = GrpcChannel.ForAddress(Stack.GatewayGrpc);
        var asCollector = new CollectionsService.CollectionsServiceClient(channel.WithBearer(Stack.Token(Roles.Collector)));
        var requested = await asCollector.RequestWriteOffAsync(new RequestWriteOffRequest
        {
            RequestId = "e2e-col-w",
            WriteOff = new Contracts.Collections.V1.WriteOffRequest { InvoiceId = invoice, Reason = "uncollectible", Amount = new() { Currency = "USD", Amount = "324.75" } },
        });
        var asManager = new CollectionsService.CollectionsServiceClient(channel.WithBearer(Stack.Token(Roles.ArManager)));
        await asManager.ApproveWriteOffAsync(new ApproveWriteOffRequest { Id = requested.Id, RequestId = "e2e-col-a" });

        var billing = new BillingService.BillingServiceClient(channel.WithBearer(Stack.Token(Roles.ArClerk)));
        var deadline = DateTime.UtcNow.AddSeconds(30);
        Invoice after;
        do after = await billing.GetInvoiceAsync(new GetInvoiceRequest { Id = invoice });
        while (after.OpenAmount.Amount != "0.00" && DateTime.UtcNow < deadline && await Delay());
        Assert.Equal("0.00", after.OpenAmount.Amount);
        Assert.Equal(WriteOffStatus.Posted, (await asManager.GetWriteOffAsync(new GetWriteOffRequest { Id = requested.Id })).Status);
    }

    private static async Task<bool> Delay()
    {
        await Task.Delay(200);
        return true;
    }

    private static async Task<string> PostAsync(HttpClient http, string path, string json, string property) =>
        (await http.PostOkAsync(path, json)).GetProperty(property).GetString()!;
}
