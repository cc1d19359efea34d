using ArPlatform.CashApplication.Imports;
using ArPlatform.CashApplication.Payments;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.CashApplication.Data;

/// <summary>
/// CashApplication's database: bank-file imports and the payments they brought. One subclass per
/// provider keeps each provider's migrations apart.
/// </summary>
public abstract class CashApplicationDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<BankFileImportRecord> Imports => Set<BankFileImportRecord>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.Entity<Payment>(e =>
        {
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).HasMaxLength(26);
            e.Property(p => p.ImportId).HasMaxLength(26);
            e.Property(p => p.Currency).HasMaxLength(3);
            e.Property(p => p.BankReference).HasMaxLength(100);
            e.Property(p => p.CustomerReference).HasMaxLength(100);
            e.Property(p => p.AccountId).HasMaxLength(64);
            e.Property(p => p.PayerAccount).HasMaxLength(64);
            e.Property(p => p.Text).HasMaxLength(4000);
            e.Property(p => p.TypeCode).HasMaxLength(32);
            e.Property(p => p.UniqueKey).HasMaxLength(80);
            e.Property(p => p.Version).IsConcurrencyToken();
            // The same bank transaction never twice; lists by status or import page by id.
            e.HasIndex(p => p.UniqueKey).IsUnique();
            e.HasIndex(p => new { p.Status, p.Id });
            e.HasIndex(p => new { p.ImportId, p.Id });
            e.Ignore(p => p.UnappliedAmount);
            e.OwnsMany(p => p.Remittance, line =>
            {
                line.ToTable("PaymentRemittance");
                line.WithOwner().HasForeignKey("PaymentId");
                line.HasKey("PaymentId", nameof(PaymentRemittance.LineNumber));
                line.Property(l => l.LineNumber).ValueGeneratedNever();
                line.Property(l => l.Qualifier).HasMaxLength(40);
                line.Property(l => l.AdjustmentReason).HasMaxLength(40);
                line.HasIndex(l => l.Reference);
            });
            e.Navigation(p => p.Remittance).AutoInclude();
        });
        model.Entity<BankFileImportRecord>(e =>
        {
            e.ToTable("BankFileImports");
            e.HasKey(i => i.Id);
            e.Property(i => i.Id).HasMaxLength(26);
            e.Property(i => i.FileName).HasMaxLength(255);
            e.Property(i => i.Sha256).HasMaxLength(64);
            e.HasIndex(i => i.Sha256);
            e.OwnsMany(i => i.Totals, total => total.ToJson());
        });
    }
}

public sealed class SqliteCashApplicationDbContext(DbContextOptions<SqliteCashApplicationDbContext> options) : CashApplicationDbContext(options);

public sealed class SqlServerCashApplicationDbContext(DbContextOptions<SqlServerCashApplicationDbContext> options) : CashApplicationDbContext(options);

internal sealed class SqliteCashApplicationDesignTimeFactory : SqliteDesignTimeFactory<SqliteCashApplicationDbContext>;

internal sealed class SqlServerCashApplicationDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerCashApplicationDbContext>;
