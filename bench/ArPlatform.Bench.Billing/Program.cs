using System.Diagnostics;
using System.Globalization;
using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing.InMemory;
using Microsoft.Extensions.DependencyInjection;
using Customer = ArPlatform.Billing.Customers.Customer;
using Invoice = ArPlatform.Billing.Invoices.Invoice;
using InvoiceLine = ArPlatform.Billing.Invoices.InvoiceLine;
using LedgerEntry = ArPlatform.Billing.Ledger.LedgerEntry;

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
var seeded = Path.Combine(AppContext.BaseDirectory, "data", $"billing-{invoices}-{customers}.db");
var reuse = File.Exists(seeded);
Directory.CreateDirectory(Path.GetDirectoryName(seeded)!);
using var billing = new BillingHost(redis: null, databasePath: seeded);
var seeding = Stopwatch.StartNew();
if (!reuse) await SeedAsync(billing.Services, customers, invoices);
else _ = billing.Server;
Console.WriteLine(reuse
    ? $"Reusing {seeded}"
    : $"Seeded {customers:N0} customers and {invoices:N0} open invoices in {seeding.Elapsed.TotalSeconds:0} s (not measured)");
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

foreach (var view in new[] { InvoiceView.Basic, InvoiceView.Full })
{
    var watch = Stopwatch.StartNew();
    var streamed = 0;
    using (var stream = client.StreamOpenInvoices(new StreamOpenInvoicesRequest { View = view }))
        while (await stream.ResponseStream.MoveNext(default)) streamed++;
    Console.WriteLine($"StreamOpenInvoices ({view}): {streamed:N0} in {watch.Elapsed.TotalSeconds:0.0} s = {streamed / watch.Elapsed.TotalSeconds:N0} invoices/s");
}

var customerIds = Enumerable.Range(0, Math.Min(customers, 1000)).Select(CustomerId).ToArray();
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

static string CustomerId(int n) => $"01BENCHCUSTOMER{n:D11}";

// One in ten customers is European (EUR); due dates spread over the 150 days before the host's
// 2026-11-30, so every aging bucket fills; one invoice in five is partly paid (a second ledger
// entry), one in fifty partly disputed.
static async Task SeedAsync(IServiceProvider services, int customers, int invoices)
{
    var created = new DateTime(2026, 6, 1, 0, 0, 0, DateTimeKind.Utc);
    var collectors = new[] { "ana", "ben", "carla", "dev" };
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Customers.AddRange(Enumerable.Range(0, customers).Select(n => new Customer
        {
            Id = CustomerId(n), CustomerNumber = $"C-{n + 1:D7}", Name = $"Customer {n}", Currency = n % 10 == 0 ? "EUR" : "USD",
            Region = n % 10 == 0 ? "EMEA" : "AMER", Collector = collectors[n % collectors.Length], Segment = n % 3 == 0 ? "ENTERPRISE" : "SMB",
            CreatedAt = created,
        }));
        await db.SaveChangesAsync();
    }
    var random = new Random(3);
    // Nothing is posted after the host's today (2026-11-30): today's aging reads the open invoices.
    var lastPaid = new DateOnly(2026, 11, 29);
    static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
    foreach (var chunk in Enumerable.Range(0, invoices).Chunk(20_000))
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var n in chunk)
        {
            var customer = n % customers;
            var currency = customer % 10 == 0 ? "EUR" : "USD";
            var amount = random.Next(1_000, 500_000) / 100m;
            var invoiceDate = new DateOnly(2026, 6, 1).AddDays(random.Next(0, 180));
            var invoice = new Invoice
            {
                Id = $"01BENCHINVOICE{n:D12}", CustomerId = CustomerId(customer), Currency = currency, InvoiceDate = invoiceDate,
                DueDate = invoiceDate.AddDays(30), Subtotal = amount, Total = amount, CreatedAt = created, SalesRep = collectors[n % 4],
                Lines = [new InvoiceLine { LineNumber = 1, Description = "Goods", Quantity = 1m, UnitPrice = amount, NetAmount = amount, ProductCode = n % 2 == 0 ? "HW" : "SVC" }],
            };
            invoice.Issue($"INV-B-{n:D8}", created);
            db.Invoices.Add(invoice);
            db.LedgerEntries.Add(new LedgerEntry
            {
                CustomerId = invoice.CustomerId, InvoiceId = invoice.Id, Kind = LedgerEntryKind.InvoiceIssued, Currency = currency,
                Amount = amount, EffectiveDate = invoiceDate, PostedAt = created, Reference = invoice.Number!,
            });
            if (n % 5 == 0)
            {
                var paid = Math.Round(amount / 3m, 2);
                invoice.Settle(paid);
                db.LedgerEntries.Add(new LedgerEntry
                {
                    CustomerId = invoice.CustomerId, InvoiceId = invoice.Id, Kind = LedgerEntryKind.PaymentApplied, Currency = currency,
                    Amount = -paid, EffectiveDate = Min(invoiceDate.AddDays(20), lastPaid), PostedAt = created, Reference = $"PAY-{n}",
                });
            }
            if (n % 50 == 0) invoice.FlagDispute($"01BENCHDISPUTE{n:D12}", Math.Round(invoice.OpenAmount / 2m, 2), 1);
        }
        await db.SaveChangesAsync();
    }
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
