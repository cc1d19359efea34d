using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Text;
using ArPlatform.Bench.Soak;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.Contracts.Collections.V1;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Google.Protobuf;
using Grpc.Net.Client;

// dotnet run -c Release --project bench/ArPlatform.Bench.Soak -- [--minutes 5] [--customers 200] [--concurrency 8]
//     [--database postgres] [--replicas 2]
// Starts the stack under AppHost (SQLite by default, Redis), seeds customers with open invoices, then
// drives a realistic mix through the gateway's gRPC port for the time given, and checks the ledger after.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var (minutes, customerCount, concurrency) = (5.0, 200, 8);
var appHostOptions = new List<string>();
for (var i = 0; i + 1 < args.Length; i += 2)
    switch (args[i])
    {
        case "--minutes": minutes = double.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--customers": customerCount = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--concurrency": concurrency = int.Parse(args[i + 1], CultureInfo.InvariantCulture); break;
        case "--database" or "--replicas": appHostOptions.AddRange([args[i], args[i + 1]]); break;
        default:
            Console.Error.WriteLine($"unknown option {args[i]}; usage: [--minutes M] [--customers N] [--concurrency C] [--database postgres] [--replicas N]");
            return 2;
    }
if (minutes is <= 0 or > 240 || customerCount is < 1 or > 100_000 || concurrency is < 1 or > 256)
{
    Console.Error.WriteLine("bounded runs only: 0 < minutes ≤ 240, 1 ≤ customers ≤ 100,000, 1 ≤ concurrency ≤ 256");
    return 2;
}

await using var stack = new AppHostProcess(
    new Dictionary<string, string> { ["RateLimiting__PermitsPerSecond"] = "10000000", ["RateLimiting__Burst"] = "10000000" }, appHostOptions);
Console.WriteLine($"Starting the stack under AppHost {string.Join(' ', appHostOptions)}…");
await stack.StartAsync();
using var channel = GrpcChannel.ForAddress(stack.GatewayGrpc);
var token = stack.Token(Roles.ArClerk, Roles.CashApplier, Roles.ArManager, Roles.Auditor);
var billing = new BillingService.BillingServiceClient(channel.WithBearer(token));
var cash = new CashApplicationService.CashApplicationServiceClient(channel.WithBearer(token));
var collections = new CollectionsService.CollectionsServiceClient(channel.WithBearer(token));

Console.WriteLine($"Seeding {customerCount:N0} customers with 5 open invoices each…");
var customers = new List<string>();
var open = new ConcurrentDictionary<string, (string Id, string Number, string Customer)>();
for (var c = 0; c < customerCount; c++)
{
    var customer = await billing.CreateCustomerAsync(new CreateCustomerRequest
    {
        RequestId = $"soak-c-{c}",
        Customer = new Customer { Name = $"Soak Customer {c:D5}", Currency = "USD", Region = "AMER", Contacts = { new Contact { Email = $"ap{c}@soak.example" } } },
    });
    customers.Add(customer.Id);
    for (var i = 0; i < 5; i++) await IssueAsync(customer.Id, $"soak-seed-{c}-{i}", new DateOnly(2026, 6, 1).AddDays(i * 20));
}

var tally = new Tally();
var sequence = 0L;
var clock = Stopwatch.StartNew();
var end = TimeSpan.FromMinutes(minutes);
Console.WriteLine($"Driving the mix for {minutes} minutes with {concurrency} concurrent callers…");
await Task.WhenAll(Enumerable.Range(0, concurrency).Select(worker => Task.Run(async () =>
{
    var random = new Random(worker);
    while (clock.Elapsed < end)
    {
        var n = Interlocked.Increment(ref sequence);
        var customer = customers[random.Next(customers.Count)];
        var roll = random.Next(100);
        await (roll switch
        {
            < 40 => tally.TimeAsync("balance", () => billing.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customer }).ResponseAsync),
            < 50 => tally.TimeAsync("list invoices", () => billing.ListInvoicesAsync(new ListInvoicesRequest { CustomerId = customer, PageSize = 50 }).ResponseAsync),
            < 52 => tally.TimeAsync("aging (whole book)", () => billing.GetAgingReportAsync(new GetAgingReportRequest()).ResponseAsync),
            < 70 => tally.TimeAsync("invoice (create + issue)", () => IssueAsync(customer, $"soak-i-{n}", new DateOnly(2026, 11, 1))),
            < 88 => tally.TimeAsync("payment application", () => PayAsync(random, n)),
            < 93 => tally.TimeAsync("bank file (5 payments)", () => ImportAsync(random, n)),
            _ => tally.TimeAsync("dunning (dry run, one customer)", () => collections.RunDunningAsync(new RunDunningRequest { DryRun = true, CustomerId = customer }).ResponseAsync),
        });
    }
}))).ConfigureAwait(false);
var elapsed = clock.Elapsed.TotalSeconds;

Console.WriteLine();
Console.WriteLine($"| operation | calls | per second | p50 ms | p99 ms | refused (raced) | errors |");
Console.WriteLine($"| --- | ---: | ---: | ---: | ---: | ---: | --- |");
foreach (var (name, op) in tally.Operations)
{
    var sorted = op.Latencies.Order().ToArray();
    var errors = op.Errors.IsEmpty ? "0" : string.Join(", ", op.Errors.Select(e => $"{e.Key} ×{e.Value}"));
    Console.WriteLine($"| {name} | {sorted.Length:N0} | {sorted.Length / elapsed:N1} | {Tally.Millis(sorted, 0.5):0.0} | {Tally.Millis(sorted, 0.99):0.0} | {op.Refused:N0} | {errors} |");
}
var total = tally.Operations.Sum(o => o.Operation.Latencies.Count);
Console.WriteLine($"{total:N0} calls answered in {elapsed:0} s: {total / elapsed:N0}/s through the gateway");

Console.WriteLine("Checking the ledger: each customer's balance = Σ its invoices' open amounts = Σ its ledger entries; every audit chain intact…");
var violations = 0;
foreach (var customer in customers)
{
    var balance = await billing.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customer });
    var openBalance = balance.Balances.Sum(b => decimal.Parse(b.Open.Amount, CultureInfo.InvariantCulture));
    var invoices = 0m;
    var page = "";
    do
    {
        var list = await billing.ListInvoicesAsync(new ListInvoicesRequest { CustomerId = customer, PageSize = 500, PageToken = page });
        invoices += list.Invoices.Sum(i => decimal.Parse(i.OpenAmount.Amount, CultureInfo.InvariantCulture));
        page = list.NextPageToken;
    } while (page.Length > 0);
    var ledger = 0m;
    page = "";
    do
    {
        var list = await billing.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { CustomerId = customer, PageSize = 500, PageToken = page });
        ledger += list.Entries.Sum(e => decimal.Parse(e.Amount.Amount, CultureInfo.InvariantCulture));
        page = list.NextPageToken;
    } while (page.Length > 0);
    if (openBalance != invoices || openBalance != ledger)
    {
        violations++;
        Console.WriteLine($"  {customer}: balance {openBalance}, invoices open {invoices}, ledger {ledger}");
    }
}
var audits = new (string Name, Func<Task<VerifyAuditLogResponse>> Verify)[]
{
    ("billing", () => billing.VerifyAuditLogAsync(new VerifyAuditLogRequest()).ResponseAsync),
    ("cash application", () => cash.VerifyAuditLogAsync(new VerifyAuditLogRequest()).ResponseAsync),
    ("collections", () => collections.VerifyAuditLogAsync(new VerifyAuditLogRequest()).ResponseAsync),
};
foreach (var (name, verify) in audits)
{
    var result = await verify();
    if (!result.Intact) violations++;
    Console.WriteLine($"  audit trail of {name}: {(result.Intact ? "intact" : "BROKEN at " + result.FirstBrokenSequence + ": " + result.Reason)} ({result.EntriesChecked:N0} entries)");
}
var errorsSeen = tally.Operations.Sum(o => o.Operation.Errors.Values.Sum());
Console.WriteLine($"{customers.Count:N0} customers checked: {violations} invariant violations; {errorsSeen} errors");
return violations == 0 && errorsSeen == 0 ? 0 : 1;

async Task IssueAsync(string customer, string requestId, DateOnly date)
{
    var invoice = await billing.CreateInvoiceAsync(new CreateInvoiceRequest
    {
        RequestId = requestId,
        Issue = true,
        Invoice = new Invoice
        {
            CustomerId = customer, InvoiceDate = date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            Lines = { new InvoiceLine { Description = "Service", Quantity = "1", UnitPrice = new Money { Currency = "USD", Amount = "250.00" } } },
        },
    });
    open[invoice.Id] = (invoice.Id, invoice.Number, customer);
}

async Task PayAsync(Random random, long n)
{
    if (Pick(random) is not { } invoice) return;
    await billing.ApplyPaymentAsync(new ApplyPaymentRequest
    {
        RequestId = $"soak-p-{n}", PaymentReference = $"SOAK-{n}", AppliedOn = "2026-11-30",
        Allocations = { new PaymentAllocation { InvoiceId = invoice.Id, Amount = new Money { Currency = "USD", Amount = "50.00" } } },
    });
}

async Task ImportAsync(Random random, long n)
{
    var file = new StringBuilder("deposit_date,lockbox,batch,item,check_number,amount,currency,payer_name,payer_account,invoice_number,invoice_amount\n");
    for (var i = 0; i < 5; i++)
        if (Pick(random) is { } invoice)
            file.Append(CultureInfo.InvariantCulture, $"2026-11-30,LB-S,{n},{i + 1},{n * 10 + i},25.00,USD,SOAK PAYER,021000021-{n},{invoice.Number},25.00\n");
    await cash.ImportBankFileAsync(new ImportBankFileRequest
    {
        RequestId = $"soak-f-{n}", FileName = $"soak-{n}.csv", Content = ByteString.CopyFromUtf8(file.ToString()), Format = BankFileFormat.CsvLockbox,
    });
}

(string Id, string Number, string Customer)? Pick(Random random)
{
    var keys = open.Keys.ToArray();
    return keys.Length == 0 ? null : open[keys[random.Next(keys.Length)]];
}
