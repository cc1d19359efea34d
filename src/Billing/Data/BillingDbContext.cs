using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Payments;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Data;

/// <summary>
/// Billing's database. The service uses this type; each provider has its own subclass below so
/// that each keeps its own migrations (Data/Migrations/Sqlite, Data/Migrations/SqlServer).
/// </summary>
public abstract class BillingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<PaymentApplication> PaymentApplications => Set<PaymentApplication>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfiguration(new CustomerConfiguration());
        model.ApplyConfiguration(new InvoiceConfiguration());
        model.ApplyConfiguration(new LedgerEntryConfiguration());
        model.ApplyConfiguration(new PaymentApplicationConfiguration());
        model.ApplyConfiguration(new CreditMemoConfiguration());
    }
}

public sealed class SqliteBillingDbContext(DbContextOptions<SqliteBillingDbContext> options) : BillingDbContext(options);

public sealed class SqlServerBillingDbContext(DbContextOptions<SqlServerBillingDbContext> options) : BillingDbContext(options);

internal sealed class SqliteBillingDesignTimeFactory : SqliteDesignTimeFactory<SqliteBillingDbContext>;

internal sealed class SqlServerBillingDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerBillingDbContext>;
