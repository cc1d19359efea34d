using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>A bank file through the gateway, as a treasury app uploads it.</summary>
[Collection(SharedStack.Name)]
public sealed class BankFileTests(StackFixture fixture)
{
    private AppHostProcess Stack => fixture.Stack;

    private const string Lockbox = """
        deposit_date,lockbox,batch,item,check_number,amount,currency,payer_name,payer_account,invoice_number,invoice_amount
        2026-11-03,LB-77,001,1,10045,1300.00,USD,Acme Corp,021000021-123456,INV-000123,324.75
        2026-11-03,LB-77,001,1,10045,1300.00,USD,Acme Corp,021000021-123456,INV-000124,975.25
        """;

    [StackFact]
    public async Task A_lockbox_file_uploaded_as_json_becomes_payments_once()
    {
        using var http = Stack.JsonClient(Roles.CashApplier);
        var body = new { requestId = "e2e-f-1", fileName = "lockbox.csv", content = Convert.ToBase64String(Encoding.UTF8.GetBytes(Lockbox)) };

        var first = await http.PostAsJsonAsync("/v1/bank-files", body);
        var again = await http.PostAsJsonAsync("/v1/bank-files", body with { requestId = "e2e-f-2" });

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        var created = await first.Content.ReadFromJsonAsync<JsonElement>();
        var repeated = await again.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(("CSV_LOCKBOX", 1, "1300.00"), (created.GetProperty("format").GetString(), created.GetProperty("paymentsCreated").GetInt32(),
            created.GetProperty("total").GetProperty("amount").GetString()));
        Assert.Equal(1, repeated.GetProperty("duplicatesSkipped").GetInt32());
        var payments = await http.GetFromJsonAsync<JsonElement>($"/v1/payments?importId={created.GetProperty("importId").GetString()}");
        Assert.Equal(2, payments.GetProperty("payments")[0].GetProperty("remittance").GetArrayLength());
    }

    [StackFact]
    public async Task A_lockbox_naming_an_open_invoice_is_applied_in_Billing_before_the_upload_returns()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        using var cash = Stack.JsonClient(Roles.CashApplier);
        var customer = await clerk.PostOkAsync("/v1/customers", """
            { "requestId": "e2e-ca-c", "customer": { "name": "Initech Ltd", "currency": "USD", "region": "AMER" } }
            """);
        var invoice = await clerk.PostOkAsync("/v1/invoices", $$"""
            { "requestId": "e2e-ca-i", "issue": true, "invoice": { "customerId": "{{customer.GetProperty("id")}}", "invoiceDate": "2026-10-01",
              "lines": [ { "description": "Support", "quantity": "1", "unitPrice": { "currency": "USD", "amount": "411.00" },
                           "taxRatePercent": "8.25" } ] } }
            """);
        var number = invoice.GetProperty("number").GetString();
        var lockbox = $"""
            deposit_date,lockbox,batch,item,check_number,amount,currency,payer_name,payer_account,invoice_number,invoice_amount
            2026-11-20,LB-77,002,1,20077,444.91,USD,INITECH LTD,021000021-777777,{number},444.91
            """;

        var import = await cash.PostOkAsync("/v1/bank-files", JsonSerializer.Serialize(new
        {
            requestId = "e2e-ca-f", fileName = "lockbox-2.csv", content = Convert.ToBase64String(Encoding.UTF8.GetBytes(lockbox)),
        }));

        Assert.Equal((1, 1), (import.GetProperty("paymentsCreated").GetInt32(), import.GetProperty("autoApplied").GetInt32()));
        var paid = await clerk.GetFromJsonAsync<JsonElement>($"/v1/invoices/{invoice.GetProperty("id")}");
        Assert.Equal(("PAID", "0.00"), (paid.GetProperty("status").GetString(), paid.GetProperty("openAmount").GetProperty("amount").GetString()));
        var payments = await cash.GetFromJsonAsync<JsonElement>($"/v1/payments?importId={import.GetProperty("importId")}");
        var application = payments.GetProperty("payments")[0].GetProperty("applications")[0];
        Assert.Equal(("APPLIED", true), (application.GetProperty("status").GetString(), application.GetProperty("automatic").GetBoolean()));
        var metrics = await cash.GetFromJsonAsync<JsonElement>("/v1/cash-application/metrics");
        Assert.True(metrics.GetProperty("paymentsAutoApplied").GetInt32() >= 1);
    }
}
