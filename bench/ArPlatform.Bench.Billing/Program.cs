using System.Diagnostics;
using System.Globalization;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using ArPlatform.Testing.InMemory;
using Grpc.Net.Client;

// Billing at volume (issue #3): aging of 1,000,000 open invoices under 5 s, StreamOpenInvoices at
// ≥ 200,000 invoices/s, and the throughput of issuing invoices through the API. Customers and
// open invoices (with their ledger entries) are seeded straight into Billing's SQLite file, not
// measured; everything measured goes through the real service over a real gRPC channel.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var invoices = Arg(0, 1_000_000);
var customers = Arg(1, 100_000);
var issues = Arg(2, 100_000);
var callers = Arg(3, 8);

// The seeded database is kept (bench/…/bin/data) and reused by the next run of the same size;
// issued invoices are added to it, so delete the file for a clean run.
using var billing = await BillingSeed.OpenAsync(Path.Combine(AppContext.BaseDirectory, "data"), customers, invoices);
var client = billing.ClientAs(Roles.ArManager);

// Each report twice: the first read finds the database file cold (not in the page cache).
foreach (var (label, request) in new (string, GetAgingReportRequest)[]
{
    ("aging today by customer", new() { GroupBy = AgingGroupBy.Customer }),
    ("aging today by collector", new() { GroupBy = AgingGroupBy.Collector }),
    ("aging today by currency", new() { GroupBy = AgingGroupBy.Currency }),
    ("aging as of 2026-10-15 (rebuilt from the ledger) by region", new() { AsOf = "2026-10-15", GroupBy = AgingGroupBy.Region }),
})
{
    var seconds = new List<double>();
    AgingReport? report = null;
    for (var attempt = 0; attempt < 2; attempt++)
    {
        var watch = Stopwatch.StartNew();
        report = await client.GetAgingReportAsync(request);
        seconds.Add(watch.Elapsed.TotalSeconds);
    }
    var peak = Process.GetCurrentProcess().PeakWorkingSet64;
    Console.WriteLine($"{label}: {seconds[0]:0.00} s, again {seconds[1]:0.00} s; {report!.Rows.Count:N0} rows, " +
                      $"total {report.Totals.Sum(t => decimal.Parse(t.Total.Amount)):N2}; peak working set so far {peak / 1048576:N0} MiB");
}

// The stream as a caller in another process reads it: Billing as its own process, over HTTP/2 on
// loopback. (Through the in-memory server the caller and the service would contend for one
// pipe's locks: a quarter of the CPU went there, and the figure was 25 % lower.) Each view
// twice: the first call meets a fresh process (JIT) and a cold database file.
await using (var remote = await ServiceProcess.StartAsync("Billing", billing.DatabaseSettings, TestTokens.SigningKey))
{
    using var channel = GrpcChannel.ForAddress(remote.Grpc, new GrpcChannelOptions { MaxReceiveMessageSize = 32 * 1024 * 1024 });
    var reader = new BillingService.BillingServiceClient(channel.WithBearer(TestTokens.For("bench", Roles.ArManager)));
    foreach (var view in new[] { InvoiceView.OpenItem, InvoiceView.Basic, InvoiceView.Full })
    {
        var rates = new List<string>();
        for (var attempt = 0; attempt < 2; attempt++)
        {
            var watch = Stopwatch.StartNew();
            var streamed = 0;
            using (var stream = reader.StreamOpenInvoices(new StreamOpenInvoicesRequest { View = view }))
                while (await stream.ResponseStream.MoveNext(default)) streamed++;
            rates.Add($"{streamed:N0} in {watch.Elapsed.TotalSeconds:0.0} s = {streamed / watch.Elapsed.TotalSeconds:N0} invoices/s");
        }
        Console.WriteLine($"StreamOpenInvoices ({view}) over loopback HTTP/2 from the Billing process: {rates[0]}; again {rates[1]}");
    }
}

var customerIds = Enumerable.Range(0, Math.Min(customers, 1000)).Select(BillingSeed.CustomerId).ToArray();
var issued = 0;
var run = DateTime.UtcNow.Ticks;
var issuing = Stopwatch.StartNew();
await Parallel.ForAsync(0, issues, new ParallelOptions { MaxDegreeOfParallelism = callers }, async (n, ct) =>
{
    await client.CreateInvoiceAsync(new CreateInvoiceRequest
    {
        RequestId = $"bench-issue-{run}-{n}", Issue = true,
        Invoice = new ArPlatform.Contracts.Billing.V1.Invoice
        {
            CustomerId = customerIds[n % customerIds.Length], InvoiceDate = "2026-11-20", PoNumber = $"PO-{n}",
            Lines =
            {
                new ArPlatform.Contracts.Billing.V1.InvoiceLine { Description = "Subscription", Quantity = "1", UnitPrice = new() { Currency = "USD", Amount = "99.00" }, TaxRatePercent = "8.25", ProductCode = "SUB" },
                new ArPlatform.Contracts.Billing.V1.InvoiceLine { Description = "Usage", Quantity = "12.5", UnitPrice = new() { Currency = "USD", Amount = "0.40" }, ProductCode = "USE" },
            },
        },
    }, cancellationToken: ct);
    Interlocked.Increment(ref issued);
});
Console.WriteLine($"Issued {issued:N0} invoices through CreateInvoice(issue) with {callers} callers in {issuing.Elapsed.TotalSeconds:0.0} s = {issued / issuing.Elapsed.TotalSeconds:N0} invoices/s");

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
