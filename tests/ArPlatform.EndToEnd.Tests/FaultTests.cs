using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>
/// Faults a payment system must survive, proven through the real gateway and processes: a
/// service killed with SIGKILL in the middle of work, restarted by AppHost, and the work done
/// exactly once afterwards — no payment stored twice, no invoice paid twice, nothing lost. Run
/// on the default stack (<see cref="FaultTests"/>) and on PostgreSQL with two processes of each
/// service, where the killed process is one of two (<see cref="ReplicaFaultTests"/>).
/// </summary>
public abstract class FaultScenarios
{
    protected abstract AppHostProcess Stack { get; }

    private const int Invoices = 300;

    [StackFact]
    public async Task Cash_application_killed_mid_import_finishes_the_import_exactly_once_when_the_upload_is_retried()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        using var cash = Stack.JsonClient(Roles.CashApplier);
        using var auditor = Stack.JsonClient(Roles.Auditor);
        var (customerId, upload, total) = await OpenInvoicesAndTheirLockboxAsync(clerk, "kill", "Vandelay Industries");

        // The upload is under way when the process dies: storing, matching or applying in Billing, wherever it got to.
        var first = cash.PostAsync("/v1/bank-files", new StringContent(upload, Encoding.UTF8, "application/json"));
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        AppHostProcess.KillHard(Stack.StartedProcesses.Last(p => p.Resource == "cashapp").Pid);
        var interrupted = await first;
        Assert.NotEqual(HttpStatusCode.BadRequest, interrupted.StatusCode);

        // The treasury app retries the same upload until the restarted service answers.
        var import = await RetryAsync(() => cash.PostAsync("/v1/bank-files", new StringContent(upload, Encoding.UTF8, "application/json")), TimeSpan.FromSeconds(90));
        var importId = import.GetProperty("importId").GetString();
        Assert.Equal(Invoices, import.GetProperty("paymentsCreated").GetInt32());

        // Whatever the crash interrupted, Billing ends with every invoice paid once.
        var open = await EventuallyAsync(async () =>
        {
            var balance = await clerk.GetFromJsonAsync<JsonElement>($"/v1/customers/{customerId}/balance");
            return balance.GetProperty("balances")[0].GetProperty("open").GetProperty("amount").GetString();
        }, "0.00", TimeSpan.FromSeconds(90));
        Assert.Equal("0.00", open);
        var payments = await cash.GetFromJsonAsync<JsonElement>($"/v1/payments?importId={importId}&pageSize=500");
        Assert.Equal(Invoices, payments.GetProperty("payments").GetArrayLength());
        var applied = await LedgerAsync(auditor, customerId, "PAYMENT_APPLIED");
        Assert.Equal(Invoices, applied.Count);
        Assert.Equal(-total, applied.Sum());
        Assert.Empty(await LedgerAsync(auditor, customerId, "PAYMENT_REVERSED"));
    }

    [StackFact]
    public async Task Cash_application_stopped_with_sigterm_mid_import_finishes_the_upload_it_was_answering()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        using var cash = Stack.JsonClient(Roles.CashApplier);
        using var auditor = Stack.JsonClient(Roles.Auditor);
        var (customerId, upload, total) = await OpenInvoicesAndTheirLockboxAsync(clerk, "term", "Kramerica Industries");

        var answer = cash.PostAsync("/v1/bank-files", new StringContent(upload, Encoding.UTF8, "application/json"));
        await Task.Delay(TimeSpan.FromMilliseconds(400));
        AppHostProcess.Terminate(Stack.StartedProcesses.Last(p => p.Resource == "cashapp").Pid);
        var response = await answer;

        Assert.True(response.StatusCode == HttpStatusCode.OK, $"{(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var import = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(Invoices, import.GetProperty("paymentsCreated").GetInt32());
        var applied = await LedgerAsync(auditor, customerId, "PAYMENT_APPLIED");
        Assert.Equal((Invoices, -total), (applied.Count, applied.Sum()));
        // AppHost starts the stopped service again; the next caller is answered.
        await RetryAsync(() => cash.GetAsync($"/v1/payments?importId={import.GetProperty("importId").GetString()}&pageSize=1"), TimeSpan.FromSeconds(90));
    }

    [StackFact]
    public async Task Balances_keep_answering_while_redis_is_frozen_and_are_never_stale_after_it_thaws_or_dies()
    {
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        using var cash = Stack.JsonClient(Roles.CashApplier);
        var customer = await clerk.PostOkAsync("/v1/customers", """
            { "requestId": "e2e-redis-c", "customer": { "name": "Pendant Publishing", "currency": "USD", "region": "AMER" } }
            """);
        var customerId = customer.GetProperty("id").GetString()!;
        var invoice = await clerk.PostOkAsync("/v1/invoices", $$"""
            { "requestId": "e2e-redis-i", "issue": true, "invoice": { "customerId": "{{customerId}}", "invoiceDate": "2026-10-01",
              "lines": [ { "description": "Books", "quantity": "1", "unitPrice": { "currency": "USD", "amount": "900.00" } } ] } }
            """);
        Assert.Equal("900.00", await OpenAsync(clerk, customerId));
        Assert.Equal("900.00", await OpenAsync(clerk, customerId)); // now cached
        var redis = Stack.StartedProcesses.Last(p => p.Resource == "redis").Pid;

        AppHostProcess.Pause(redis);
        try
        {
            // Frozen: every read still answers (from the database), and cash applied meanwhile is seen.
            for (var i = 0; i < 20; i++) Assert.Equal("900.00", await OpenAsync(clerk, customerId));
            await cash.PostOkAsync("/v1/payment-applications", $$"""
                { "requestId": "e2e-redis-a1", "paymentReference": "REDIS-1", "appliedOn": "2026-11-05",
                  "allocations": [ { "invoiceId": "{{invoice.GetProperty("id").GetString()}}", "amount": { "currency": "USD", "amount": "100.00" } } ] }
                """);
            Assert.Equal("800.00", await OpenAsync(clerk, customerId));
        }
        finally
        {
            AppHostProcess.Resume(redis);
        }
        // Thawed: the balance cached before the pause must not come back.
        for (var i = 0; i < 5; i++) Assert.Equal("800.00", await OpenAsync(clerk, customerId));

        AppHostProcess.KillHard(redis);
        await cash.PostOkAsync("/v1/payment-applications", $$"""
            { "requestId": "e2e-redis-a2", "paymentReference": "REDIS-2", "appliedOn": "2026-11-06",
              "allocations": [ { "invoiceId": "{{invoice.GetProperty("id").GetString()}}", "amount": { "currency": "USD", "amount": "50.00" } } ] }
            """);
        for (var i = 0; i < 5; i++) Assert.Equal("750.00", await OpenAsync(clerk, customerId));
        // Once AppHost has Redis back, the cache serves again, fresh.
        Assert.Equal("CACHE", await EventuallyAsync(async () => (await clerk.GetFromJsonAsync<JsonElement>($"/v1/customers/{customerId}/balance")).GetProperty("source").GetString(),
            "CACHE", TimeSpan.FromSeconds(60)));
        Assert.Equal("750.00", await OpenAsync(clerk, customerId));
    }

    [StackFact]
    public async Task Collections_killed_while_posting_approved_write_offs_posts_each_exactly_once_after_restart()
    {
        const int count = 40;
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        using var collector = Stack.JsonClient(Roles.Collector);
        using var manager = Stack.JsonClient(Roles.ArManager);
        using var auditor = Stack.JsonClient(Roles.Auditor);
        var customer = await clerk.PostOkAsync("/v1/customers", """
            { "requestId": "e2e-wo-c", "customer": { "name": "Kessler Imports", "currency": "USD", "region": "AMER", "collector": "e2e-collector" } }
            """);
        var customerId = customer.GetProperty("id").GetString()!;
        var requests = new List<string>();
        for (var i = 0; i < count; i++)
        {
            var invoice = await clerk.PostOkAsync("/v1/invoices", $$"""
                { "requestId": "e2e-wo-i-{{i}}", "issue": true, "invoice": { "customerId": "{{customerId}}", "invoiceDate": "2021-01-01",
                  "lines": [ { "description": "Import duty", "quantity": "1", "unitPrice": { "currency": "USD", "amount": "100.00" } } ] } }
                """);
            var requested = await collector.PostOkAsync("/v1/collections/write-offs", $$"""
                { "requestId": "e2e-wo-r-{{i}}", "writeOff": { "invoiceId": "{{invoice.GetProperty("id").GetString()}}", "reason": "uncollectible",
                  "amount": { "currency": "USD", "amount": "100.00" } } }
                """);
            requests.Add(requested.GetProperty("id").GetString()!);
        }

        // Approved one after another, the posting to Billing under way behind them, when the process dies.
        var approvals = Task.Run(async () =>
        {
            foreach (var (id, i) in requests.Select((id, i) => (id, i)))
                await manager.PostAsync($"/v1/collections/write-offs/{id}:approve",
                    new StringContent($$"""{ "requestId": "e2e-wo-a-{{i}}" }""", Encoding.UTF8, "application/json"));
        });
        await Task.Delay(TimeSpan.FromMilliseconds(300));
        AppHostProcess.KillHard(Stack.StartedProcesses.Last(p => p.Resource == "collections").Pid);
        await approvals;
        // Approvals the crash cut off are retried by the manager's app with the same request ids.
        foreach (var (id, i) in requests.Select((id, i) => (id, i)))
            await RetryAsync(() => manager.PostAsync($"/v1/collections/write-offs/{id}:approve",
                new StringContent($$"""{ "requestId": "e2e-wo-a-{{i}}" }""", Encoding.UTF8, "application/json")), TimeSpan.FromSeconds(90));

        var open = await EventuallyAsync(async () =>
        {
            var balance = await clerk.GetFromJsonAsync<JsonElement>($"/v1/customers/{customerId}/balance");
            return balance.GetProperty("balances")[0].GetProperty("open").GetProperty("amount").GetString();
        }, "0.00", TimeSpan.FromSeconds(90));
        Assert.Equal("0.00", open);
        var writtenOff = await LedgerAsync(auditor, customerId, "WRITE_OFF");
        Assert.Equal((count, -100m * count), (writtenOff.Count, writtenOff.Sum()));
        foreach (var id in requests)
            Assert.Equal("POSTED", await EventuallyAsync(async () =>
                (await manager.GetFromJsonAsync<JsonElement>($"/v1/collections/write-offs/{id}")).GetProperty("status").GetString(), "POSTED", TimeSpan.FromSeconds(30)));
    }

    [StackFact]
    public async Task Collections_killed_mid_dunning_run_takes_each_action_once_when_the_run_is_repeated()
    {
        const int count = 150;
        using var clerk = Stack.JsonClient(Roles.ArClerk);
        using var manager = Stack.JsonClient(Roles.ArManager);
        var customer = await clerk.PostOkAsync("/v1/customers", """
            { "requestId": "e2e-dun-c", "customer": { "name": "Sakarian Imports", "currency": "USD", "region": "AMER",
              "contacts": [ { "name": "AP", "email": "ap@sakarian.example" } ] } }
            """);
        var customerId = customer.GetProperty("id").GetString()!;
        for (var i = 0; i < count; i++)
            await clerk.PostOkAsync("/v1/invoices", $$"""
                { "requestId": "e2e-dun-i-{{i}}", "issue": true, "invoice": { "customerId": "{{customerId}}", "invoiceDate": "2026-06-01",
                  "lines": [ { "description": "Rugs", "quantity": "1", "unitPrice": { "currency": "USD", "amount": "{{100 + i}}.00" } } ] } }
                """);
        var run = JsonSerializer.Serialize(new { customerId });

        var first = manager.PostAsync("/v1/collections/dunning-runs", new StringContent(run, Encoding.UTF8, "application/json"));
        await Task.Delay(TimeSpan.FromMilliseconds(150));
        AppHostProcess.KillHard(Stack.StartedProcesses.Last(p => p.Resource == "collections").Pid);
        await first;
        await RetryAsync(() => manager.PostAsync("/v1/collections/dunning-runs", new StringContent(run, Encoding.UTF8, "application/json")), TimeSpan.FromSeconds(90));

        var actions = new List<(string Invoice, string Step)>();
        var token = "";
        do
        {
            var page = await manager.GetFromJsonAsync<JsonElement>($"/v1/collections/dunning-actions?customerId={customerId}&pageSize=500&pageToken={Uri.EscapeDataString(token)}");
            actions.AddRange(page.GetProperty("actions").EnumerateArray().Select(a => (a.GetProperty("invoiceId").GetString()!, a.GetProperty("step").GetString()!)));
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() ?? "" : "";
        } while (token.Length > 0);
        Assert.Equal(count, actions.Select(a => a.Invoice).Distinct().Count());
        Assert.Empty(actions.GroupBy(a => a).Where(g => g.Count() > 1).Select(g => $"{g.Key.Invoice} {g.Key.Step} ×{g.Count()}"));
    }

    private static async Task<string?> OpenAsync(HttpClient http, string customerId)
    {
        var response = await http.GetAsync($"/v1/customers/{customerId}/balance");
        Assert.True(response.StatusCode == HttpStatusCode.OK, $"balance: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync()}");
        var balance = await response.Content.ReadFromJsonAsync<JsonElement>();
        return balance.GetProperty("balances")[0].GetProperty("open").GetProperty("amount").GetString();
    }

    /// <summary>A customer with <see cref="Invoices"/> issued invoices, and the JSON upload of a lockbox paying each of them.</summary>
    private static async Task<(string CustomerId, string Upload, decimal Total)> OpenInvoicesAndTheirLockboxAsync(HttpClient clerk, string key, string name)
    {
        var customer = await clerk.PostOkAsync("/v1/customers", $$"""
            { "requestId": "e2e-{{key}}-c", "customer": { "name": "{{name}}", "currency": "USD", "region": "AMER" } }
            """);
        var customerId = customer.GetProperty("id").GetString()!;
        var lockbox = new StringBuilder("deposit_date,lockbox,batch,item,check_number,amount,currency,payer_name,payer_account,invoice_number,invoice_amount\n");
        var total = 0m;
        for (var i = 0; i < Invoices; i++)
        {
            var amount = 100m + i;
            var invoice = await clerk.PostOkAsync("/v1/invoices", $$"""
                { "requestId": "e2e-{{key}}-i-{{i}}", "issue": true, "invoice": { "customerId": "{{customerId}}", "invoiceDate": "2026-10-01",
                  "lines": [ { "description": "Latex", "quantity": "1", "unitPrice": { "currency": "USD", "amount": "{{amount.ToString("0.00", CultureInfo.InvariantCulture)}}" } } ] } }
                """);
            lockbox.Append(CultureInfo.InvariantCulture,
                $"2026-11-20,LB-{key},001,{i + 1},{30000 + i},{amount:0.00},USD,{name.ToUpperInvariant()},021000021-{key},{invoice.GetProperty("number").GetString()},{amount:0.00}\n");
            total += amount;
        }
        var upload = JsonSerializer.Serialize(new { requestId = $"e2e-{key}-f", fileName = $"{key}.csv", content = Convert.ToBase64String(Encoding.UTF8.GetBytes(lockbox.ToString())) });
        return (customerId, upload, total);
    }

    private static async Task<List<decimal>> LedgerAsync(HttpClient http, string customerId, string kind)
    {
        var amounts = new List<decimal>();
        var token = "";
        do
        {
            var page = await http.GetFromJsonAsync<JsonElement>($"/v1/ledger-entries?customerId={customerId}&pageSize=500&pageToken={Uri.EscapeDataString(token)}");
            amounts.AddRange(page.GetProperty("entries").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == kind)
                .Select(e => decimal.Parse(e.GetProperty("amount").GetProperty("amount").GetString()!, CultureInfo.InvariantCulture)));
            token = page.TryGetProperty("nextPageToken", out var next) ? next.GetString() ?? "" : "";
        } while (token.Length > 0);
        return amounts;
    }

    private static async Task<JsonElement> RetryAsync(Func<Task<HttpResponseMessage>> call, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        while (true)
        {
            var response = await call();
            if (response.StatusCode == HttpStatusCode.OK) return await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.True(DateTime.UtcNow < until, $"still {(int)response.StatusCode} after {limit}: {await response.Content.ReadAsStringAsync()}");
            await Task.Delay(TimeSpan.FromMilliseconds(500));
        }
    }

    private static async Task<T> EventuallyAsync<T>(Func<Task<T>> read, T wanted, TimeSpan limit)
    {
        var until = DateTime.UtcNow + limit;
        var seen = await read();
        while (!EqualityComparer<T>.Default.Equals(seen, wanted) && DateTime.UtcNow < until)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(500));
            seen = await read();
        }
        return seen;
    }
}

[Collection(SharedStack.Name)]
public sealed class FaultTests(StackFixture fixture) : FaultScenarios
{
    protected override AppHostProcess Stack => fixture.Stack;
}
