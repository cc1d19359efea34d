using System.Diagnostics;
using System.Globalization;
using ArPlatform.Contracts.Collections.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using ArPlatform.Testing.InMemory;

// Collections at volume (issue #7): a dunning run over 100,000 accounts and 1,000,000 open
// invoices (target under 30 s) and the KPIs over the seeded year of ledger history (target
// under 5 s). Billing's database is seeded straight into its SQLite file (kept for the next run
// of the same size); Collections starts from an empty database every run. Everything measured
// goes through the real services: Collections streams Billing's invoices over real gRPC and
// writes its actions and letters to its own SQLite file; letters go to an SMTP sink on loopback.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var invoices = Arg(0, 1_000_000);
var customers = Arg(1, 100_000);

var data = Path.Combine(AppContext.BaseDirectory, "data");
using var billing = await BillingSeed.OpenAsync(data, customers, invoices);

var collectionsDb = Path.Combine(data, "collections.db");
foreach (var file in Directory.GetFiles(data, "collections.db*")) File.Delete(file);
await using var smtp = new SmtpSink();
using var collections = new CollectionsHost(billing, smtp.Port, collectionsDb);
var manager = collections.ClientAs("bench", Roles.ArManager);

var lettersQueued = 0;
var firstCommitted = DateTime.UtcNow;
foreach (var (label, dryRun) in new[] { ("dry run", true), ("first run", false), ("second run (every step already taken)", false) })
{
    var watch = Stopwatch.StartNew();
    var run = await manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30", DryRun = dryRun }, deadline: DateTime.UtcNow.AddMinutes(30));
    if (!dryRun && lettersQueued == 0) (lettersQueued, firstCommitted) = (run.MessagesQueued, DateTime.UtcNow);
    Console.WriteLine($"RunDunning {label}: {watch.Elapsed.TotalSeconds:0.0} s for {run.InvoicesExamined:N0} invoices — " +
                      $"{run.ActionsTaken:N0} actions, {run.MessagesQueued:N0} letters, {run.StatementsQueued:N0} statements, " +
                      $"{run.SkippedCount:N0} skipped, {run.HoldsPlaced:N0} holds; peak working set {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576:N0} MiB");
}

// The letters go out in the background from the first run's commit; the reads below wait for
// them so as not to share the two cores with the sending.
var sending = Stopwatch.StartNew();
var letters = await smtp.WaitForAsync(lettersQueued, TimeSpan.FromMinutes(10));
Console.WriteLine($"SMTP delivery: {letters.Count:N0} of {lettersQueued:N0} letters in the sink {sending.Elapsed.TotalSeconds:0} s after the second run " +
                  $"({(DateTime.UtcNow - firstCommitted).TotalSeconds:0} s after the first run committed)");

foreach (var attempt in new[] { "cold", "warm" })
{
    var watch = Stopwatch.StartNew();
    var kpis = await manager.GetKpisAsync(new GetKpisRequest { PeriodStart = "2025-12-01", PeriodEnd = "2026-11-30" });
    Console.WriteLine($"GetKpis over a year ({attempt}): {watch.Elapsed.TotalSeconds:0.00} s — " +
                      string.Join("; ", kpis.Currencies.Select(k => $"{k.Currency} DSO {k.Dso}, countback {k.CountbackDso}, CEI {k.Cei}, current {k.PercentCurrent} %")));
}

var worklistWatch = Stopwatch.StartNew();
var worklist = await manager.GetWorklistAsync(new GetWorklistRequest { Collector = "ana" });
Console.WriteLine($"GetWorklist for one of four collectors: {worklistWatch.Elapsed.TotalSeconds:0.00} s, top score {worklist.Rows.FirstOrDefault()?.Score}");

var forecastWatch = Stopwatch.StartNew();
var forecast = await manager.GetCashForecastAsync(new GetCashForecastRequest { Weeks = 13 }, deadline: DateTime.UtcNow.AddMinutes(10));
Console.WriteLine($"GetCashForecast, 13 weeks: {forecastWatch.Elapsed.TotalSeconds:0.00} s, {forecast.Weeks.Count} week rows");

int Arg(int index, int fallback) => args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
