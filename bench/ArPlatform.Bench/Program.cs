using System.Diagnostics;
using System.Globalization;
using ArPlatform.Bench;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Grpc.Net.Client;
using StackExchange.Redis;

// Benchmarks of the platform issue, against the real stack under AppHost (Release build):
//  1. GetAccountBalance served from Redis, through the gateway vs direct to Billing;
//  2. GetAccountBalance for a customer with 10,000 invoices: from Redis vs summed from the ledger.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var seconds = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 10;
var invoiceCount = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 10_000;
var duration = TimeSpan.FromSeconds(seconds);

// The gateway's per-client rate limit would otherwise be what is measured.
await using var stack = new AppHostProcess(new Dictionary<string, string> { ["RateLimiting__PermitsPerSecond"] = "10000000", ["RateLimiting__Burst"] = "10000000" });
Console.WriteLine("Starting the stack under AppHost…");
await stack.StartAsync();

using var gatewayChannel = GrpcChannel.ForAddress(stack.GatewayGrpc);
using var directChannel = GrpcChannel.ForAddress(stack.Endpoint("billing", "grpc"));
var token = stack.Token(Roles.ArClerk);
var viaGateway = new BillingService.BillingServiceClient(gatewayChannel.WithBearer(token));
var direct = new BillingService.BillingServiceClient(directChannel.WithBearer(token));

Console.WriteLine($"Seeding one customer with {invoiceCount:N0} issued invoices…");
var seedClock = Stopwatch.StartNew();
var customer = await direct.CreateCustomerAsync(new CreateCustomerRequest
{
    RequestId = "bench-customer",
    Customer = new Customer { Name = "Bench Corp", Currency = "USD", Region = "AMER" },
});
var issued = 0;
await Parallel.ForEachAsync(Enumerable.Range(0, invoiceCount), new ParallelOptions { MaxDegreeOfParallelism = 8 }, async (i, ct) =>
{
    await direct.CreateInvoiceAsync(new CreateInvoiceRequest
    {
        RequestId = $"bench-invoice-{i}",
        Issue = true,
        Invoice = new Invoice
        {
            CustomerId = customer.Id,
            InvoiceDate = new DateOnly(2026, 1, 1).AddDays(i % 300).ToString("yyyy-MM-dd"),
            Lines = { new InvoiceLine { Description = "Fee", Quantity = "1", UnitPrice = new Money { Currency = "USD", Amount = $"{100 + i % 50}.25" } } },
        },
    }, cancellationToken: ct);
    Interlocked.Increment(ref issued);
});
Console.WriteLine($"  issued {issued:N0} invoices in {seedClock.Elapsed.TotalSeconds:0.0} s ({issued / seedClock.Elapsed.TotalSeconds:0} invoices/s, 8 concurrent callers, SQLite)");

var request = new GetAccountBalanceRequest { CustomerId = customer.Id };
var warm = await direct.GetAccountBalanceAsync(request);
warm = await direct.GetAccountBalanceAsync(request);
if (warm.Source != BalanceSource.Cache) throw new InvalidOperationException("The balance was not cached: is redis-server installed?");
Console.WriteLine($"  balance {warm.Balances[0].Open.Amount} USD over {warm.OpenInvoiceCount:N0} open invoices");

var results = new List<LoadResult>();
foreach (var concurrency in new[] { 1, 32 })
{
    results.Add(await LoadRun.RunAsync("direct to Billing, cached", concurrency, duration,
        () => direct.GetAccountBalanceAsync(request).ResponseAsync));
    results.Add(await LoadRun.RunAsync("through the gateway, cached", concurrency, duration,
        () => viaGateway.GetAccountBalanceAsync(request).ResponseAsync));
}

// A miss every time: the cached copy is deleted before each read, so Billing sums the ledger.
await using var redis = await ConnectionMultiplexer.ConnectAsync(stack.Endpoint("redis", "tcp").Authority);
var key = (RedisKey)$"billing:balance:{customer.Id}";
results.Add(await LoadRun.RunAsync("direct to Billing, uncached", 1, duration, async () =>
{
    await redis.GetDatabase().KeyDeleteAsync(key);
    var balance = await direct.GetAccountBalanceAsync(request);
    if (balance.Source != BalanceSource.Database) throw new InvalidOperationException("expected a cache miss");
}));

Console.WriteLine();
Console.WriteLine($"| scenario | concurrency | requests/s | p50 µs | p99 µs |");
Console.WriteLine($"| --- | ---: | ---: | ---: | ---: |");
foreach (var r in results)
    Console.WriteLine($"| {r.Name} | {r.Concurrency} | {r.RequestsPerSecond:N0} | {r.P50Micros:N0} | {r.P99Micros:N0} |");

LoadResult Find(string name, int concurrency) => results.Single(r => r.Name == name && r.Concurrency == concurrency);
var throughputRatio = Find("through the gateway, cached", 32).RequestsPerSecond / Find("direct to Billing, cached", 32).RequestsPerSecond;
var addedP50 = Find("through the gateway, cached", 1).P50Micros - Find("direct to Billing, cached", 1).P50Micros;
var cacheSpeedup = Find("direct to Billing, uncached", 1).P50Micros / Find("direct to Billing, cached", 1).P50Micros;
Console.WriteLine();
Console.WriteLine($"gateway/direct throughput at concurrency 32: {throughputRatio:0.00}x (target >= 0.5x)");
Console.WriteLine($"gateway added p50 latency at concurrency 1: {addedP50:0} µs (target <= 150 µs)");
Console.WriteLine($"cached vs uncached p50 with {invoiceCount:N0} invoices: {cacheSpeedup:0.0}x faster (target >= 10x)");
