using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Imports;
using ArPlatform.CashApplication.Matching;
using ArPlatform.CashApplication.Payments;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.CashApplication.Data;

/// <summary>
/// CashApplication's database: bank-file imports, the payments they brought, their applications
/// and what they taught about payers (bank accounts, names). One subclass per
/// provider keeps each provider's migrations apart.
/// </summary>
public abstract class CashApplicationDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<Payment> Payments => Set<Payment>();
    public DbSet<BankFileImportRecord> Imports => Set<BankFileImportRecord>();
    public DbSet<PaymentApplication> Applications => Set<PaymentApplication>();
    public DbSet<PayerLesson> PayerLessons => Set<PayerLesson>();

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
            e.HasIndex(p => new { p.CustomerId, p.Id });
            e.Property(p => p.CustomerId).HasMaxLength(26);
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
            e.HasIndex(i => i.MatchedAt);
            e.OwnsMany(i => i.Totals, total => total.ToJson());
        });
        model.Entity<PaymentApplication>(e =>
        {
            e.ToTable("PaymentApplications");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).HasMaxLength(26);
            e.Property(a => a.PaymentId).HasMaxLength(26);
            e.Property(a => a.CustomerId).HasMaxLength(26);
            e.Property(a => a.Currency).HasMaxLength(3);
            e.Property(a => a.Reasons).HasMaxLength(4000);
            e.Property(a => a.Note).HasMaxLength(1000);
            e.Property(a => a.AppliedBy).HasMaxLength(200);
            e.Property(a => a.ReversedBy).HasMaxLength(200);
            e.Property(a => a.ReversalReason).HasMaxLength(300);
            e.Property(a => a.CorrelationId).HasMaxLength(100);
            e.Property(a => a.BillingApplicationId).HasMaxLength(26);
            e.Property(a => a.LastError).HasMaxLength(2000);
            e.Property(a => a.Version).IsConcurrencyToken();
            e.Ignore(a => a.Cash);
            e.Ignore(a => a.IsLive);
            e.Ignore(a => a.PendingDeductions);
            // A payment's applications; the dispatcher's queue (only rows with work left are in it).
            e.HasIndex(a => a.PaymentId);
            e.HasIndex(a => new { a.NextAttemptAt, a.Id });
            e.HasIndex(a => new { a.Status, a.Automatic });
            e.OwnsMany(a => a.Lines, line =>
            {
                line.ToTable("PaymentApplicationLines");
                line.WithOwner().HasForeignKey("ApplicationId");
                line.HasKey("ApplicationId", nameof(ApplicationLine.LineNumber));
                line.Property(l => l.LineNumber).ValueGeneratedNever();
                line.Property(l => l.InvoiceId).HasMaxLength(26);
                line.Property(l => l.InvoiceNumber).HasMaxLength(40);
                line.Property(l => l.DeductionReason).HasMaxLength(40);
                line.Property(l => l.DisputeId).HasMaxLength(26);
                line.Property(l => l.DeductionError).HasMaxLength(2000);
                line.HasIndex(l => l.InvoiceId);
            });
            e.Navigation(a => a.Lines).AutoInclude();
        });
        model.Entity<PayerLesson>(e =>
        {
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).HasMaxLength(26);
            e.Property(l => l.Payer).HasMaxLength(PayerNames.MaxLength);
            e.Property(l => l.CustomerId).HasMaxLength(26);
            e.Property(l => l.LearnedFrom).HasMaxLength(26);
            e.Property(l => l.LearnedBy).HasMaxLength(200);
            e.Property(l => l.ForgottenBy).HasMaxLength(200);
            e.Property(l => l.ForgetReason).HasMaxLength(300);
            e.Ignore(l => l.IsLive);
            // One lesson per payer and customer (forgotten ones live again when taught again);
            // what a batch's payers are, a customer's lessons page by id, an unapply finds what its application taught.
            e.HasIndex(l => new { l.Kind, l.Payer, l.CustomerId }).IsUnique();
            e.HasIndex(l => new { l.CustomerId, l.Id });
            e.HasIndex(l => l.LearnedFrom);
        });
    }
}

public sealed class SqliteCashApplicationDbContext(DbContextOptions<SqliteCashApplicationDbContext> options) : CashApplicationDbContext(options);

public sealed class SqlServerCashApplicationDbContext(DbContextOptions<SqlServerCashApplicationDbContext> options) : CashApplicationDbContext(options);

public sealed class PostgresCashApplicationDbContext(DbContextOptions<PostgresCashApplicationDbContext> options) : CashApplicationDbContext(options);

internal sealed class SqliteCashApplicationDesignTimeFactory : SqliteDesignTimeFactory<SqliteCashApplicationDbContext>;

internal sealed class SqlServerCashApplicationDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerCashApplicationDbContext>;

internal sealed class PostgresCashApplicationDesignTimeFactory : PostgresDesignTimeFactory<PostgresCashApplicationDbContext>;
