using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Globalization;
using System.Text;
using ArPlatform.Bench.CashApplication;
using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Invoices;
using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Data;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing.InMemory;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using ApplicationStatus = ArPlatform.CashApplication.Applications.ApplicationStatus;

// Cash application at volume (issue: import + match + apply of 100,000 payments against
// 1,000,000 open invoices under 60 s; precision ≥ 99.9 %, auto-match ≥ 95 % of payments that
// carry enough information). Billing, Disputes and CashApplication run in process on real SQLite
// files and talk over real gRPC; Billing's customers and open invoices are seeded straight into
// its database (not measured). The payments arrive as four bank files, one per format.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var payments = Arg(0, 100_000);
var invoices = Arg(1, 1_000_000);
var customers = Arg(2, 100_000);

Console.WriteLine($"Generating {customers:N0} customers, {invoices:N0} open invoices and {payments:N0} payments…");
var scenario = new Scenario(customers, invoices);
var files = scenario.Payments(payments, 4, withoutPayer: new HashSet<int> { 3 }); // the fourth file is BAI2

using var billing = new BillingHost(redis: null);
using var disputes = new DisputesHost(billing, settings: new Dictionary<string, string>
{
    ["Disputes:Outbox:PollSeconds"] = "0", ["Logging:LogLevel:Default"] = "Warning",
});
using var cash = new CashApplicationHost(billing, disputes, settings: new Dictionary<string, string>
{
    // As in production: each import's applications go to Billing while its later batches are
    // matched, and the import answers once they are there.
    ["Logging:LogLevel:Default"] = "Warning",
    // The four files are a morning's files: Billing's open invoices read for the first serve the others.
    ["CashApplication:Matching:ContextCacheSeconds"] = "900",
});
_ = cash.Server;

var seeding = Stopwatch.StartNew();
await SeedBillingAsync(billing.Services, scenario);
Console.WriteLine($"  Billing seeded in {seeding.Elapsed.TotalSeconds:0} s (not measured)");

var streaming = Stopwatch.StartNew();
var streamed = 0;
using (var stream = billing.ClientAs(Roles.Service).StreamOpenInvoices(new ArPlatform.Contracts.Billing.V1.StreamOpenInvoicesRequest { View = ArPlatform.Contracts.Billing.V1.InvoiceView.OpenItem }))
    while (await stream.ResponseStream.MoveNext(default)) streamed++;
Console.WriteLine($"  StreamOpenInvoices (open-item view): {streamed:N0} in {streaming.Elapsed.TotalSeconds:0.0} s = {streamed / streaming.Elapsed.TotalSeconds:N0} invoices/s");

var querying = Stopwatch.StartNew();
var queried = await billing.QueryAsync(async db =>
{
    var n = 0; var after = "";
    while (true)
    {
        var rows = await db.Invoices.AsNoTracking().IgnoreAutoIncludes().Where(i => (i.Status == InvoiceStatus.Issued || i.Status == InvoiceStatus.PartiallyPaid) && string.Compare(i.Id, after) > 0)
            .OrderBy(i => i.Id).Take(5000).ToListAsync();
        n += rows.Count;
        if (rows.Count < 5000) return n;
        after = rows[^1].Id;
    }
});
Console.WriteLine($"  of which reading them from SQLite (EF Core, pages of 5,000): {queried:N0} in {querying.Elapsed.TotalSeconds:0.0} s");
var stages = new Dictionary<string, double>();
using var listener = new MeterListener();
listener.InstrumentPublished = (instrument, l) => { if (instrument.Name == "ar.cashapp.stage.duration") l.EnableMeasurementEvents(instrument); };
listener.SetMeasurementEventCallback<double>((_, seconds, tags, _) =>
{
    lock (stages) stages[(string)tags[0].Value!] = stages.GetValueOrDefault((string)tags[0].Value!) + seconds;
});
listener.Start();

var client = cash.ClientAs("bench", Roles.CashApplier);
var total = Stopwatch.StartNew();
var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
var formats = new (string Name, Func<IEnumerable<SimPayment>, string> Write)[]
{
    ("CSV lockbox", BankFileWriters.CsvLockbox), ("X12 820", BankFileWriters.Edi820), ("camt.054", BankFileWriters.Camt054), ("BAI2", BankFileWriters.Bai2),
};
var importTime = TimeSpan.Zero;
for (var i = 0; i < files.Count; i++)
{
    var content = Encoding.UTF8.GetBytes(formats[i].Write(files[i]));
    var clock = Stopwatch.StartNew();
    var import = await client.ImportBankFileAsync(new ImportBankFileRequest
    {
        RequestId = $"bench-{i}", FileName = $"bench-{i}", Content = ByteString.CopyFrom(content),
    }, deadline: DateTime.UtcNow.AddMinutes(10));
    importTime += clock.Elapsed;
    Console.WriteLine($"  {formats[i].Name,-12} {content.Length / 1048576.0,6:0.0} MB  {import.PaymentsCreated,7:N0} payments  " +
                      $"{import.AutoApplied,7:N0} applied automatically  {clock.Elapsed.TotalSeconds,6:0.0} s");
}
var delivered = await cash.QueryAsync(db => db.Applications.CountAsync(a => a.Status == ApplicationStatus.Applied));
total.Stop();
var cpu = Process.GetCurrentProcess().TotalProcessorTime - cpuBefore;
listener.RecordObservableInstruments();

Console.WriteLine();
Console.WriteLine($"End to end: {payments:N0} payments against {invoices:N0} open invoices in {total.Elapsed.TotalSeconds:0.0} s " +
                  $"({payments / total.Elapsed.TotalSeconds:N0} payments/s), using {cpu.TotalSeconds:0.0} s of processor time " +
                  $"({cpu.TotalSeconds / total.Elapsed.TotalSeconds:0.00} of {Environment.ProcessorCount} cores)");
Console.WriteLine($"  import (parse, store) {stages.GetValueOrDefault("store"),6:0.0} s");
Console.WriteLine($"  read Billing (open invoices, customers) {stages.GetValueOrDefault("read_billing"),6:0.0} s");
Console.WriteLine($"  match (the engine) {stages.GetValueOrDefault("match"),6:0.0} s");
Console.WriteLine($"  commit applications {stages.GetValueOrDefault("commit"),6:0.0} s");
Console.WriteLine($"  apply in Billing ({delivered:N0} applications, deductions in Disputes) {stages.GetValueOrDefault("deliver"),6:0.0} s, of it waiting on Billing {stages.GetValueOrDefault("billing_call"),6:0.0} s, " +
                  $"deductions and other follow-ups {stages.GetValueOrDefault("follow_up"),6:0.0} s");
Console.WriteLine("  (a batch is matched while the one before it is committed, and applied in Billing while later ones are matched: the stages overlap)");

await EvaluateAsync(cash, files.SelectMany(f => f).ToList());
var (cases, holds, held) = await disputes.QueryAsync(async db => (
    await db.Disputes.CountAsync(), await db.Outbox.CountAsync(), await db.Outbox.CountAsync(m => m.DeliveredAt != null)));
var disputed = await billing.QueryAsync(db => db.Invoices.CountAsync(i => i.DisputeFlags.Any()));
Console.WriteLine($"Deductions: {cases:N0} cases opened in Disputes, {held:N0} of their {holds:N0} holds taken by Billing ({disputed:N0} invoices disputed)");

static async Task EvaluateAsync(CashApplicationHost cash, List<SimPayment> truth)
{
    var (stored, applications) = await cash.QueryAsync(async db => (
        await db.Payments.AsNoTracking().IgnoreAutoIncludes().Select(p => new { p.Id, p.BankReference, p.CustomerReference }).ToListAsync(),
        await db.Applications.AsNoTracking().Where(a => a.Automatic && a.Status != ApplicationStatus.Failed).ToListAsync()));
    var paymentByReference = stored.ToDictionary(p => p.CustomerReference.Length > 0 ? p.CustomerReference : p.BankReference);
    var automatic = applications.ToLookup(a => a.PaymentId);
    int applied = 0, correct = 0, informative = 0, informativeApplied = 0;
    var wrong = new Dictionary<PaymentKind, int>();
    var byKind = new Dictionary<PaymentKind, (int Count, int Applied)>();
    foreach (var expected in truth)
    {
        var id = paymentByReference[expected.Reference].Id;
        var made = automatic[id].SelectMany(a => a.Lines.Select(l => (l.InvoiceId, l.Amount))).OrderBy(x => x.InvoiceId).ToList();
        var (count, done) = byKind.GetValueOrDefault(expected.Kind);
        byKind[expected.Kind] = (count + 1, done + (made.Count > 0 ? 1 : 0));
        if (expected.Informative) informative++;
        if (made.Count == 0) continue;
        applied++;
        if (expected.Informative) informativeApplied++;
        if (made.SequenceEqual(expected.Truth.OrderBy(x => x.InvoiceId))) correct++;
        else wrong[expected.Kind] = wrong.GetValueOrDefault(expected.Kind) + 1;
    }
    Console.WriteLine();
    Console.WriteLine($"Precision: {correct:N0} of {applied:N0} automatic applications correct = {100.0 * correct / Math.Max(1, applied):0.000} %" +
                      (wrong.Count > 0 ? $" (wrong: {string.Join(", ", wrong.Select(w => $"{w.Key} {w.Value}"))})" : ""));
    Console.WriteLine($"Auto-match: {informativeApplied:N0} of {informative:N0} payments carrying enough information = {100.0 * informativeApplied / Math.Max(1, informative):0.00} %" +
                      $"; of all payments {100.0 * applied / truth.Count:0.00} %");
    foreach (var (kind, (count, done)) in byKind.OrderBy(k => k.Key))
        Console.WriteLine($"  {kind,-18} {count,7:N0} payments  {100.0 * done / count,6:0.0} % applied automatically");
}

static async Task SeedBillingAsync(IServiceProvider services, Scenario scenario)
{
    var now = new DateTime(2026, 11, 1, 0, 0, 0, DateTimeKind.Utc);
    await using (var scope = services.CreateAsyncScope())
    {
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Customers.AddRange(scenario.Customers.Select((c, i) => new Customer
        {
            Id = c.Id, CustomerNumber = $"C-{i + 1:D7}", Name = c.Name, Currency = "USD", Region = "AMER", CreatedAt = now,
        }));
        await db.SaveChangesAsync();
    }
    foreach (var chunk in scenario.Invoices.Chunk(20_000))
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        foreach (var i in chunk)
        {
            var invoice = new Invoice
            {
                Id = i.Id, CustomerId = i.CustomerId, Currency = "USD", InvoiceDate = i.DueDate.AddDays(-30), DueDate = i.DueDate,
                Subtotal = i.Amount, Total = i.Amount, CreatedAt = now,
            };
            invoice.Issue(i.Number, now);
            db.Invoices.Add(invoice);
        }
        await db.SaveChangesAsync();
    }
}

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
