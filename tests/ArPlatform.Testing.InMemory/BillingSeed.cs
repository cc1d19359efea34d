using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;
using Microsoft.Extensions.DependencyInjection;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// A Billing database at volume for the benches, written straight into Billing's SQLite file (not
/// through the API, and not measured): customers with an AP contact, and open invoices with
/// their ledger entries.
/// </summary>
public static class BillingSeed
{
    /// <summary>Changes when the seed does: a kept database of another version is not reused.</summary>
    public const string Version = "v2";

    /// <summary>
    /// Billing in memory on a seeded database kept under <paramref name="folder"/> and reused by
    /// the next run of the same size (delete it for a clean run; on PostgreSQL every run seeds);
    /// says which on the console.
    /// </summary>
    public static async Task<BillingHost> OpenAsync(string folder, int customers, int invoices)
    {
        var path = Path.Combine(folder, $"billing-{Version}-{invoices}-{customers}.db");
        // A kept SQLite file is reused; a PostgreSQL test cluster lives as long as the run.
        var reuse = !TestDatabase.OnPostgres && File.Exists(path);
        Directory.CreateDirectory(folder);
        var billing = new BillingHost(redis: null, databasePath: path);
        var seeding = System.Diagnostics.Stopwatch.StartNew();
        if (!reuse) await SeedAsync(billing.Services, customers, invoices);
        else _ = billing.Server;
        Console.WriteLine(reuse
            ? $"Reusing {path}"
            : $"Seeded {customers:N0} customers and {invoices:N0} open invoices in {seeding.Elapsed.TotalSeconds:0} s (not measured)");
        return billing;
    }

    public static string CustomerId(int n) => $"01BENCHCUSTOMER{n:D11}";

    // One in ten customers is European (EUR); due dates spread over the 150 days before the host's
    // 2026-11-30, so every aging bucket fills; one invoice in five is partly paid (a second ledger
    // entry), one in fifty partly disputed.
    public static async Task SeedAsync(IServiceProvider services, int customers, int invoices)
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
                CreatedAt = created, Contacts = [new CustomerContact { Name = "Accounts payable", Email = $"ap{n}@customer{n}.example" }],
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
}
