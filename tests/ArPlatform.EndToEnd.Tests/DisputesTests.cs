using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Disputes.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Grpc.Net.Client;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>A dispute through the gateway: Disputes holds the amount in Billing, then credits it.</summary>
[Collection(SharedStack.Name)]
public sealed class DisputesTests(StackFixture fixture)
{
    private AppHostProcess Stack => fixture.Stack;

    [StackFact]
    public async Task A_dispute_opened_by_json_shows_in_the_balance_and_its_valid_resolution_credits_the_invoice()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        var customer = await PostAsync(clerk, "/v1/customers", """
            { "requestId": "e2e-d-c", "customer": { "name": "Globex", "currency": "USD", "region": "EMEA" } }
            """);
        var invoice = await PostAsync(clerk, "/v1/invoices", $$"""
            { "requestId": "e2e-d-i", "issue": true, "invoice": { "customerId": "{{customer}}", "invoiceDate": "2026-10-01",
              "lines": [ { "description": "Platform fee", "quantity": "3", "unitPrice": { "currency": "USD", "amount": "100.00" },
                           "taxRatePercent": "8.25" } ] } }
            """);

        var dispute = await PostAsync(clerk, "/v1/disputes", $$"""
            { "requestId": "e2e-d-1", "dispute": { "invoiceId": "{{invoice}}", "reasonCode": "PRICING", "source": "CUSTOMER",
              "amount": { "currency": "USD", "amount": "24.75" }, "description": "Unit price differs from contract" } }
            """);
        var balance = await clerk.GetFromJsonAsync<JsonElement>($"/v1/customers/{customer}/balance");
        Assert.Equal("24.75", balance.GetProperty("balances")[0].GetProperty("disputed").GetProperty("amount").GetString());

        using var channel = GrpcChannel.ForAddress(Stack.GatewayGrpc);
        var disputes = new DisputesService.DisputesServiceClient(channel.WithBearer(Stack.Token(Roles.ArManager)));
        var resolved = await disputes.ResolveDisputeAsync(new ResolveDisputeRequest { Id = dispute, RequestId = "e2e-r-1", Outcome = DisputeOutcome.Valid });
        Assert.Equal(DisputeStatus.ResolvedValid, resolved.Status);

        var billing = new BillingService.BillingServiceClient(channel.WithBearer(Stack.Token(Roles.ArClerk)));
        var after = await billing.GetInvoiceAsync(new GetInvoiceRequest { Id = invoice });
        Assert.Equal(("300.00", "0.00"), (after.OpenAmount.Amount, after.DisputedAmount.Amount));
        var memo = (await disputes.GetDisputeAsync(new GetDisputeRequest { Id = dispute })).Items.Single().CreditMemoNumber;
        Assert.StartsWith("CM-", memo);
    }

    private static async Task<string> PostAsync(HttpClient http, string path, string json)
    {
        var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
