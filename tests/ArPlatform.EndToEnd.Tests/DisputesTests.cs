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
        var (customer, invoice) = await CustomerWithInvoiceAsync(clerk, "e2e-d", "Globex");

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

    [StackFact]
    public async Task Disputes_and_applications_racing_through_the_gateway_never_claim_more_than_the_invoice()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        using var cash = Stack.JsonClient(Roles.CashApplier);
        var (customer, invoice) = await CustomerWithInvoiceAsync(clerk, "e2e-race", "Initech");

        var disputes = Enumerable.Range(1, 30).Select(n => clerk.PostAsync("/v1/disputes", Json($$"""
            { "requestId": "e2e-race-d-{{n}}", "dispute": { "invoiceId": "{{invoice}}", "reasonCode": "PRICING", "source": "CUSTOMER",
              "amount": { "currency": "USD", "amount": "10.00" } } }
            """)));
        var applications = Enumerable.Range(1, 20).Select(n => cash.PostAsync("/v1/payment-applications", Json($$"""
            { "requestId": "e2e-race-a-{{n}}", "paymentReference": "RACE-{{n}}", "appliedOn": "2026-11-05",
              "allocations": [ { "invoiceId": "{{invoice}}", "amount": { "currency": "USD", "amount": "10.00" } } ] }
            """)));
        var answers = await Task.WhenAll(disputes.Concat(applications));

        Assert.All(answers, a => Assert.True(a.StatusCode is HttpStatusCode.OK or HttpStatusCode.BadRequest, $"{(int)a.StatusCode}"));
        using var channel = GrpcChannel.ForAddress(Stack.GatewayGrpc);
        var billing = new BillingService.BillingServiceClient(channel.WithBearer(Stack.Token(Roles.ArClerk)));
        var after = await billing.GetInvoiceAsync(new GetInvoiceRequest { Id = invoice });
        var (open, disputed) = (Amount(after.OpenAmount.Amount), Amount(after.DisputedAmount.Amount));
        Assert.InRange(disputed, 0m, open);
        var opened = answers.Take(30).Count(a => a.StatusCode == HttpStatusCode.OK);
        var applied = answers.Skip(30).Count(a => a.StatusCode == HttpStatusCode.OK);
        // Every answer told the truth: what was accepted is exactly what Billing holds and applied.
        Assert.Equal(opened * 10.00m, disputed);
        Assert.Equal(324.75m - applied * 10.00m, open);
        var cases = new DisputesService.DisputesServiceClient(channel.WithBearer(Stack.Token(Roles.ArManager)));
        var listed = await cases.ListDisputesAsync(new ListDisputesRequest { CustomerId = customer, PageSize = 100 });
        Assert.Equal(opened, listed.Disputes.Count(d => d.Status == DisputeStatus.Open));
    }

    /// <summary>A new customer with one issued invoice of 3 × 100.00 plus 8.25 % tax: 324.75 USD.</summary>
    private static async Task<(string Customer, string Invoice)> CustomerWithInvoiceAsync(HttpClient clerk, string requestPrefix, string name)
    {
        var customer = await PostAsync(clerk, "/v1/customers", $$"""
            { "requestId": "{{requestPrefix}}-c", "customer": { "name": "{{name}}", "currency": "USD", "region": "AMER" } }
            """);
        var invoice = await PostAsync(clerk, "/v1/invoices", $$"""
            { "requestId": "{{requestPrefix}}-i", "issue": true, "invoice": { "customerId": "{{customer}}", "invoiceDate": "2026-10-01",
              "lines": [ { "description": "Platform fee", "quantity": "3", "unitPrice": { "currency": "USD", "amount": "100.00" },
                           "taxRatePercent": "8.25" } ] } }
            """);
        return (customer, invoice);
    }

    private static StringContent Json(string json) => new(json, Encoding.UTF8, "application/json");

    private static decimal Amount(string text) => decimal.Parse(text, System.Globalization.CultureInfo.InvariantCulture);

    private static async Task<string> PostAsync(HttpClient http, string path, string json)
    {
        var response = await http.PostAsync(path, new StringContent(json, Encoding.UTF8, "application/json"));
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{path}: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;
    }
}
