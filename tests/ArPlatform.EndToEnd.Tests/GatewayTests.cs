using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Common.V1;
using Grpc.Health.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Grpc.Net.Client;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>The whole stack under AppHost, called through the gateway as an internal app calls it.</summary>
[Collection(SharedStack.Name)]
public sealed class GatewayTests(StackFixture fixture)
{
    private AppHostProcess Stack => fixture.Stack;

    [StackFact]
    public async Task An_app_bills_a_customer_by_json_and_grpc_and_reads_the_balance_from_redis_the_second_time()
    {
        using var http = Stack.JsonClient(Roles.ArClerk);
        using var channel = GrpcChannel.ForAddress(Stack.GatewayGrpc);
        var billing = new BillingService.BillingServiceClient(channel.WithBearer(Stack.Token(Roles.ArClerk)));

        var created = await http.PostAsync("/v1/customers", new StringContent("""
            { "requestId": "e2e-c-1", "customer": { "name": "Acme Corp", "currency": "USD", "region": "AMER",
              "paymentTerms": { "netDays": 30, "discountPercent": "2", "discountDays": 10 },
              "creditLimit": { "currency": "USD", "amount": "50000.00" },
              "contacts": [ { "name": "Ana Li", "email": "ap@acme.example" } ] } }
            """, Encoding.UTF8, "application/json"));
        Assert.Equal(HttpStatusCode.OK, created.StatusCode);
        Assert.True(created.Headers.Contains("x-correlation-id"));
        var customerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var invoice = await billing.CreateInvoiceAsync(new CreateInvoiceRequest
        {
            RequestId = "e2e-i-1",
            Issue = true,
            Invoice = new Invoice
            {
                CustomerId = customerId, InvoiceDate = "2026-10-01", PoNumber = "PO-778",
                Lines =
                {
                    new InvoiceLine
                    {
                        Description = "Platform fee", Quantity = "3", TaxRatePercent = "8.25",
                        UnitPrice = new Money { Currency = "USD", Amount = "100.00" },
                    },
                },
            },
        });
        Assert.Equal(("324.75", InvoiceStatus.Issued), (invoice.Total.Amount, invoice.Status));

        var request = new GetAccountBalanceRequest { CustomerId = customerId };
        var first = await billing.GetAccountBalanceAsync(request);
        var second = await billing.GetAccountBalanceAsync(request);
        Assert.Equal(BalanceSource.Database, first.Source);
        Assert.Equal(BalanceSource.Cache, second.Source);
        Assert.Equal("324.75", second.Balances.Single().Open.Amount);

        var json = await http.GetFromJsonAsync<JsonElement>($"/v1/customers/{customerId}/balance");
        Assert.Equal("CACHE", json.GetProperty("source").GetString());
        Assert.Equal("324.75", json.GetProperty("balances")[0].GetProperty("open").GetProperty("amount").GetString());
    }

    [StackFact]
    public async Task Month_end_runs_through_the_gateway_debit_memo_statement_page_journal_and_reconciliation()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        using var controller = Stack.JsonClient(Roles.Controller);
        var created = await clerk.PostAsync("/v1/customers", new StringContent("""
            { "requestId": "e2e-me-c", "customer": { "name": "Smith & Sons", "currency": "USD", "collector": "ana" } }
            """, Encoding.UTF8, "application/json"));
        var customerId = (await created.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetString()!;

        var memo = await clerk.PostAsync("/v1/debit-memos", new StringContent($$"""
            { "requestId": "e2e-me-dm", "customerId": "{{customerId}}", "amount": { "currency": "USD", "amount": "40.00" }, "reason": "freight" }
            """, Encoding.UTF8, "application/json"));
        var page = await clerk.GetAsync($"/v1/customers/{customerId}/statement.html");
        var csv = await controller.GetAsync("/v1/gl/journal.csv");
        var reconciliation = await controller.GetFromJsonAsync<JsonElement>("/v1/gl/reconciliation");

        Assert.Equal("DEBIT_MEMO", (await memo.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("kind").GetString());
        Assert.Equal("text/html; charset=utf-8", page.Content.Headers.ContentType?.ToString());
        Assert.Contains("Smith &amp; Sons", await page.Content.ReadAsStringAsync());
        Assert.Contains("40.00", await page.Content.ReadAsStringAsync());
        Assert.StartsWith("ledger_entry_id,", await csv.Content.ReadAsStringAsync());
        Assert.True(reconciliation.GetProperty("reconciled").GetBoolean());
        Assert.Equal(HttpStatusCode.Forbidden, (await clerk.GetAsync("/v1/gl/reconciliation")).StatusCode);
    }

    [StackFact]
    public async Task Out_of_range_amounts_dates_and_page_sizes_through_the_gateway_are_refused_with_field_violations()
    {
        using var http = Stack.JsonClient(Roles.ArClerk);
        var invoice = await http.PostAsync("/v1/invoices", new StringContent("""
            { "requestId": "e2e-range", "invoice": { "customerId": "01M85AAAAAAAAAAAAAAAAAAAAA", "invoiceDate": "9999-12-31",
              "lines": [ { "description": "x", "quantity": "1", "unitPrice": { "currency": "USD", "amount": "100000000000000000000.00" } } ] } }
            """, Encoding.UTF8, "application/json"));
        var page = await http.GetAsync("/v1/invoices?pageSize=100000");
        var aging = await http.GetAsync("/v1/reports/aging?asOf=0001-01-01");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (invoice.StatusCode, page.StatusCode, aging.StatusCode));
        var invoiceFields = await Fields(invoice);
        Assert.Contains("invoice.lines[0].unit_price.amount", invoiceFields);
        Assert.Contains("invoice.invoice_date", invoiceFields);
        Assert.Equal(["page_size"], await Fields(page));
        Assert.Equal(["as_of"], await Fields(aging));

        static async Task<List<string?>> Fields(HttpResponseMessage response) =>
            [.. (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray()
                .Select(v => v.GetProperty("field").GetString())];
    }

    [StackFact]
    public async Task A_bad_request_through_the_gateway_gets_field_violations_as_json()
    {
        using var http = Stack.JsonClient(Roles.ArClerk);
        var response = await http.PostAsync("/v1/invoices",
            new StringContent("""{ "requestId": "e2e-bad", "invoice": { "invoiceDate": "tomorrow" } }""", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var body = await response.Content.ReadFromJsonAsync<JsonElement>();
        var fields = body.GetProperty("details")[0].GetProperty("fieldViolations").EnumerateArray()
            .Select(v => v.GetProperty("field").GetString());
        Assert.Equal(["invoice.customer_id", "invoice.invoice_date", "invoice.lines"], fields);
    }

    [StackFact]
    public async Task The_gateway_returns_the_trace_id_the_callers_traceparent_started_and_a_new_one_without_it()
    {
        using var http = Stack.JsonClient(Roles.Auditor);
        const string trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        using var traced = new HttpRequestMessage(HttpMethod.Get, "/v1/customers");
        traced.Headers.Add("traceparent", $"00-{trace}-00f067aa0ba902b7-01");

        var continued = await http.SendAsync(traced);
        var started = await http.GetAsync("/v1/customers");

        Assert.Equal(HttpStatusCode.OK, continued.StatusCode);
        Assert.Equal([trace], continued.Headers.GetValues("x-trace-id"));
        var fresh = Assert.Single(started.Headers.GetValues("x-trace-id"));
        Assert.Matches("^[0-9a-f]{32}$", fresh);
        Assert.NotEqual(trace, fresh);
    }

    [StackFact]
    public async Task The_gateway_reports_its_own_health_over_http_and_grpc()
    {
        using var http = new HttpClient { BaseAddress = Stack.GatewayJson };
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/health")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/alive")).StatusCode);

        using var channel = GrpcChannel.ForAddress(Stack.GatewayGrpc);
        var health = await new Health.HealthClient(channel).CheckAsync(new HealthCheckRequest());
        Assert.Equal(HealthCheckResponse.Types.ServingStatus.Serving, health.Status);
    }
}
