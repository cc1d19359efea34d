using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Payments;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Data;

/// <summary>
/// Billing's database. The service uses this type; each provider has its own subclass below so
/// that each keeps its own migrations (Data/Migrations/Sqlite, Data/Migrations/SqlServer, Data/Migrations/Postgres).
/// </summary>
public abstract class BillingDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();
    public DbSet<Invoice> Invoices => Set<Invoice>();
    public DbSet<LedgerEntry> LedgerEntries => Set<LedgerEntry>();
    public DbSet<PaymentApplication> PaymentApplications => Set<PaymentApplication>();
    public DbSet<Credits.CreditMemo> CreditMemos => Set<Credits.CreditMemo>();
    public DbSet<WriteOffs.WriteOff> WriteOffs => Set<WriteOffs.WriteOff>();
    public DbSet<Gl.ClosedPeriod> ClosedPeriods => Set<Gl.ClosedPeriod>();
    public DbSet<Fx.FxRate> FxRates => Set<Fx.FxRate>();
    public DbSet<Subscriptions.Subscription> Subscriptions => Set<Subscriptions.Subscription>();
    public DbSet<LateCharges.LateChargeMark> LateChargeMarks => Set<LateCharges.LateChargeMark>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfiguration(new CustomerConfiguration());
        model.ApplyConfiguration(new InvoiceConfiguration());
        model.ApplyConfiguration(new LedgerEntryConfiguration());
        model.ApplyConfiguration(new PaymentApplicationConfiguration());
        model.ApplyConfiguration(new CreditMemoConfiguration());
        model.ApplyConfiguration(new WriteOffConfiguration());
        model.ApplyConfiguration(new ClosedPeriodConfiguration());
        model.ApplyConfiguration(new FxRateConfiguration());
        model.ApplyConfiguration(new SubscriptionConfiguration());
        model.ApplyConfiguration(new LateChargeMarkConfiguration());
    }
}

public sealed class SqliteBillingDbContext(DbContextOptions<SqliteBillingDbContext> options) : BillingDbContext(options);

public sealed class SqlServerBillingDbContext(DbContextOptions<SqlServerBillingDbContext> options) : BillingDbContext(options);

public sealed class PostgresBillingDbContext(DbContextOptions<PostgresBillingDbContext> options) : BillingDbContext(options);

internal sealed class SqliteBillingDesignTimeFactory : SqliteDesignTimeFactory<SqliteBillingDbContext>;

internal sealed class SqlServerBillingDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerBillingDbContext>;

internal sealed class PostgresBillingDesignTimeFactory : PostgresDesignTimeFactory<PostgresBillingDbContext>;
