using System.Diagnostics;
using System.Globalization;
using Proto = ArPlatform.Contracts.Disputes.V1;
using ArPlatform.Disputes.Cases;
using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing.InMemory;
using Microsoft.Extensions.DependencyInjection;

// Disputes at volume (issue: 100,000 open cases — list with filters and analytics under 2 s).
// The Disputes service in process on a real SQLite file, called over a real gRPC channel; the
// cases are seeded straight into its database (the API is what is measured, not the seeding).
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
// WebApplicationFactory finds the services' content roots from files beside this program.
Directory.SetCurrentDirectory(AppContext.BaseDirectory);
var openCases = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
var resolvedCases = openCases / 5;
const int Runs = 7;

using var billing = new BillingHost(redis: null);
using var disputes = new DisputesHost(billing, settings: new Dictionary<string, string>
{
    ["Disputes:Outbox:PollSeconds"] = "0", ["Logging:LogLevel:Default"] = "Warning",
});
_ = disputes.Server;
var today = DateOnly.FromDateTime(disputes.Clock.Now.UtcDateTime);

Console.WriteLine($"Seeding {openCases:N0} open and {resolvedCases:N0} resolved cases…");
var seeding = Stopwatch.StartNew();
await SeedAsync(disputes.Services, openCases, resolvedCases, disputes.Clock.Now.UtcDateTime);
Console.WriteLine($"  seeded in {seeding.Elapsed.TotalSeconds:0.0} s; database {new FileInfo(disputes.DatabasePath).Length / 1024 / 1024} MiB");

var client = disputes.ClientAs("bench", Roles.ArManager);
await client.ListDisputesAsync(new Proto.ListDisputesRequest());
await Measure("ListDisputes status=OPEN (page of 50)", () => client.ListDisputesAsync(new() { Status = Proto.DisputeStatus.Open }).ResponseAsync);
await Measure("ListDisputes reason=PRICING, unresolved", () => client.ListDisputesAsync(new() { ReasonCode = Proto.DisputeReasonCode.Pricing, UnresolvedOnly = true }).ResponseAsync);
await Measure("ListDisputes owner=owner-7, overdue only", () => client.ListDisputesAsync(new() { Owner = "owner-7", OverdueOnly = true }).ResponseAsync);
await Measure("ListDisputes customer=cust-0042", () => client.ListDisputesAsync(new() { CustomerId = "cust-0042" }).ResponseAsync);
await Measure("ListDisputes overdue only, page of 500", () => client.ListDisputesAsync(new() { OverdueOnly = true, PageSize = 500 }).ResponseAsync);
var analytics = await Measure("GetDisputeAnalytics (all cases)", () => client.GetDisputeAnalyticsAsync(new()).ResponseAsync);
await Measure("GetDisputeAnalytics (opened in the last 90 days)", () =>
    client.GetDisputeAnalyticsAsync(new() { From = today.AddDays(-90).ToString("yyyy-MM-dd") }).ResponseAsync);
Console.WriteLine($"  analytics: {analytics.OpenCount:N0} open, {analytics.OverdueCount:N0} overdue, cycle time median {analytics.CycleTime.MedianDays} d, " +
                  $"p90 {analytics.CycleTime.P90Days} d, within SLA {analytics.ResolvedWithinSlaPercent} %");

static async Task<T> Measure<T>(string name, Func<Task<T>> call)
{
    var times = new List<double>();
    T result = default!;
    for (var i = 0; i < Runs; i++)
    {
        var clock = Stopwatch.StartNew();
        result = await call();
        times.Add(clock.Elapsed.TotalMilliseconds);
    }
    times.Sort();
    Console.WriteLine($"  {name,-50} median {times[Runs / 2],8:0.0} ms   max {times[^1],8:0.0} ms");
    return result;
}

static async Task SeedAsync(IServiceProvider services, int open, int resolved, DateTime now)
{
    var random = new Random(42);
    var policy = new SlaPolicy();
    var reasons = Enum.GetValues<DisputeReason>();
    var working = new[] { DisputeStatus.Open, DisputeStatus.Investigating, DisputeStatus.PendingCustomer, DisputeStatus.PendingInternal };
    const int Batch = 5_000;
    for (var start = 0; start < open + resolved; start += Batch)
    {
        await using var scope = services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisputesDbContext>();
        for (var n = start; n < Math.Min(start + Batch, open + resolved); n++)
        {
            // Open cases from the last 45 days, resolved ones from the last year.
            var opened = now.AddDays(-random.Next(0, n < open ? 45 : 365)).AddMinutes(-random.Next(0, 1440));
            var reason = reasons[random.Next(reasons.Length)];
            var amount = Math.Round((decimal)random.Next(1_000, 2_000_000) / 100m, 2);
            var dispute = new DisputeCase
            {
                Id = Ulid.NewUlid(opened).ToString(), Number = $"DSP-B-{n:D7}", CustomerId = $"cust-{random.Next(2_000):D4}",
                Currency = "USD", Amount = amount, Reason = reason, Source = DisputeSource.Customer,
                Description = "Seeded case", OpenedBy = "bench", OpenedAt = opened,
                SlaDueDate = DisputeSla.DueDate(policy, reason, "USD", amount, DateOnly.FromDateTime(opened)),
                Items = [new DisputeItem { ItemNumber = 1, InvoiceId = $"inv-{n:D7}", ProductCode = $"SKU-{random.Next(200):D3}", Amount = amount }],
            };
            dispute.AssignTo($"owner-{random.Next(20)}");
            if (n >= open)
                dispute.Resolve(DisputeOutcome.Invalid, 0m, "", "bench", opened.AddDays(random.Next(1, 30)).AddHours(random.Next(24)));
            else if (working[random.Next(working.Length)] is var status && status != DisputeStatus.Open)
                dispute.MoveTo(status, InternalTeam.Sales, "", "bench", opened);
            db.Disputes.Add(dispute);
        }
        await db.SaveChangesAsync();
    }
}
