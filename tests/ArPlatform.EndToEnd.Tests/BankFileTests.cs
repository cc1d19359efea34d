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
}
