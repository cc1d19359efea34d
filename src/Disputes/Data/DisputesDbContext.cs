using ArPlatform.Disputes.BillingSync;
using ArPlatform.Disputes.Cases;
using ArPlatform.Disputes.Evidence;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Disputes.Data;

/// <summary>
/// Disputes's database: cases with their items, notes and history, evidence, and the outbox of
/// changes for Billing. One subclass per provider keeps each provider's migrations apart.
/// </summary>
public abstract class DisputesDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<DisputeCase> Disputes => Set<DisputeCase>();
    public DbSet<EvidenceFile> Evidence => Set<EvidenceFile>();
    public DbSet<EvidenceContent> EvidenceContents => Set<EvidenceContent>();
    public DbSet<OutboxMessage> Outbox => Set<OutboxMessage>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfiguration(new DisputeCaseConfiguration());
        model.ApplyConfiguration(new EvidenceConfiguration());
        model.ApplyConfiguration(new EvidenceContentConfiguration());
        model.ApplyConfiguration(new OutboxMessageConfiguration());
    }
}

public sealed class SqliteDisputesDbContext(DbContextOptions<SqliteDisputesDbContext> options) : DisputesDbContext(options);

public sealed class SqlServerDisputesDbContext(DbContextOptions<SqlServerDisputesDbContext> options) : DisputesDbContext(options);

public sealed class PostgresDisputesDbContext(DbContextOptions<PostgresDisputesDbContext> options) : DisputesDbContext(options);

internal sealed class SqliteDisputesDesignTimeFactory : SqliteDesignTimeFactory<SqliteDisputesDbContext>;

internal sealed class SqlServerDisputesDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerDisputesDbContext>;

internal sealed class PostgresDisputesDesignTimeFactory : PostgresDesignTimeFactory<PostgresDisputesDbContext>;
