using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.ServiceDefaults.Security;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>The JSON bodies of API.md, sent as written.</summary>
public sealed class JsonTranscodingTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private static StringContent Json(string body) => new(body, Encoding.UTF8, "application/json");

    private async Task<JsonElement> PostAsync(HttpClient http, string path, string body, HttpStatusCode expected = HttpStatusCode.OK)
    {
        var response = await http.PostAsync(path, Json(body));
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(expected == response.StatusCode, $"{(int)response.StatusCode}: {text}");
        return JsonDocument.Parse(text).RootElement.Clone();
    }

    [Fact]
    public async Task The_api_md_examples_work_as_written()
    {
        var http = _host.JsonClient(Roles.ArClerk);
        var customer = await PostAsync(http, "/v1/customers", """
            { "requestId": "c-1", "customer": { "name": "Acme Corp", "currency": "USD", "region": "AMER",
              "paymentTerms": { "netDays": 30, "discountPercent": "2", "discountDays": 10 },
              "creditLimit": { "currency": "USD", "amount": "50000.00" },
              "contacts": [ { "name": "Ana Li", "email": "ap@acme.example" } ] } }
            """);
        var id = customer.GetProperty("id").GetString();
        Assert.Equal("C-000001", customer.GetProperty("customerNumber").GetString());

        var invoice = await PostAsync(http, "/v1/invoices", $$"""
            { "requestId": "i-1", "issue": true, "invoice": { "customerId": "{{id}}", "invoiceDate": "2026-10-01",
              "poNumber": "PO-778", "lines": [ { "description": "Platform fee", "quantity": "3",
              "unitPrice": { "currency": "USD", "amount": "100.00" }, "taxRatePercent": "8.25" } ] } }
            """);
        Assert.Equal("ISSUED", invoice.GetProperty("status").GetString());
        Assert.Equal("2026-10-31", invoice.GetProperty("dueDate").GetString());
        Assert.Equal("324.75", invoice.GetProperty("total").GetProperty("amount").GetString());
        Assert.StartsWith("INV-", invoice.GetProperty("number").GetString());

        var balance = await http.GetFromJsonAsync<JsonElement>($"/v1/customers/{id}/balance");
        Assert.Equal(id, balance.GetProperty("customerId").GetString());
        Assert.Equal(1, balance.GetProperty("openInvoiceCount").GetInt32());
        var usd = balance.GetProperty("balances")[0];
        Assert.Equal("USD", usd.GetProperty("currency").GetString());
        Assert.Equal("324.75", usd.GetProperty("open").GetProperty("amount").GetString());

        var listed = await http.GetFromJsonAsync<JsonElement>($"/v1/invoices?customerId={id}&status=ISSUED");
        Assert.Equal(1, listed.GetProperty("invoices").GetArrayLength());
        var fullName = await http.GetFromJsonAsync<JsonElement>($"/v1/invoices?customerId={id}&status=INVOICE_STATUS_DRAFT");
        Assert.Equal(0, fullName.GetProperty("invoices").GetArrayLength());
        var fetched = await http.GetFromJsonAsync<JsonElement>($"/v1/invoices/{invoice.GetProperty("id").GetString()}");
        Assert.Equal("PO-778", fetched.GetProperty("poNumber").GetString());
    }

    [Fact]
    public async Task A_json_error_carries_the_grpc_code_and_field_violations()
    {
        var error = await PostAsync(_host.JsonClient(Roles.ArClerk), "/v1/customers",
            """{ "requestId": "c-1", "customer": { "name": "", "currency": "usd" } }""", HttpStatusCode.BadRequest);

        Assert.Equal(3, error.GetProperty("code").GetInt32());
        var detail = error.GetProperty("details")[0];
        Assert.EndsWith("google.rpc.BadRequest", detail.GetProperty("@type").GetString());
        Assert.Equal(["customer.name", "customer.currency"],
            detail.GetProperty("fieldViolations").EnumerateArray().Select(v => v.GetProperty("field").GetString()));
    }

    [Fact]
    public async Task An_unknown_invoice_is_a_404_with_no_internals()
    {
        var response = await _host.JsonClient(Roles.ArClerk).GetAsync("/v1/invoices/01NOPE");
        var body = await response.Content.ReadAsStringAsync();
        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Contains("\"code\":5", body.Replace(" ", ""));
        Assert.DoesNotContain("Exception", body);
    }
}
