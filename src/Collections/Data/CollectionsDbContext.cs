using ArPlatform.Collections.Activities;
using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Allowance;
using ArPlatform.Collections.Credit;
using ArPlatform.Collections.Dunning;
using ArPlatform.Collections.Forecasts;
using ArPlatform.Collections.Inbox;
using ArPlatform.Collections.Mail;
using ArPlatform.Collections.Promises;
using ArPlatform.Collections.WriteOffs;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Collections.Data;

/// <summary>
/// Collections's database: account profiles and standings, dunning actions and the mail outbox,
/// activities, promises and plans, write-off requests, allowance bookings, forecast snapshots,
/// and customers' mail with the reply agent's drafts.
/// One subclass per provider keeps each provider's migrations apart.
/// </summary>
public abstract class CollectionsDbContext(DbContextOptions options) : ServiceDbContext(options)
{
    public DbSet<AccountProfile> Profiles => Set<AccountProfile>();
    public DbSet<AccountStanding> Standings => Set<AccountStanding>();
    public DbSet<DunningAction> DunningActions => Set<DunningAction>();
    public DbSet<DunningRunRecord> DunningRuns => Set<DunningRunRecord>();
    public DbSet<OutgoingMail> Mail => Set<OutgoingMail>();
    public DbSet<Activity> Activities => Set<Activity>();
    public DbSet<PromiseToPay> Promises => Set<PromiseToPay>();
    public DbSet<PaymentPlan> Plans => Set<PaymentPlan>();
    public DbSet<WriteOff> WriteOffs => Set<WriteOff>();
    public DbSet<AllowanceBooking> AllowanceBookings => Set<AllowanceBooking>();
    public DbSet<ForecastSnapshot> ForecastSnapshots => Set<ForecastSnapshot>();
    public DbSet<InboundMessageRecord> InboundMessages => Set<InboundMessageRecord>();
    public DbSet<ReplyDraftRecord> ReplyDrafts => Set<ReplyDraftRecord>();
    public DbSet<ReplyAttachment> ReplyAttachments => Set<ReplyAttachment>();

    protected override void OnModelCreating(ModelBuilder model)
    {
        base.OnModelCreating(model);
        model.ApplyConfigurationsFromAssembly(typeof(CollectionsDbContext).Assembly);
    }
}

public sealed class SqliteCollectionsDbContext(DbContextOptions<SqliteCollectionsDbContext> options) : CollectionsDbContext(options);

public sealed class SqlServerCollectionsDbContext(DbContextOptions<SqlServerCollectionsDbContext> options) : CollectionsDbContext(options);

public sealed class PostgresCollectionsDbContext(DbContextOptions<PostgresCollectionsDbContext> options) : CollectionsDbContext(options);

internal sealed class SqliteCollectionsDesignTimeFactory : SqliteDesignTimeFactory<SqliteCollectionsDbContext>;

internal sealed class SqlServerCollectionsDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerCollectionsDbContext>;

internal sealed class PostgresCollectionsDesignTimeFactory : PostgresDesignTimeFactory<PostgresCollectionsDbContext>;
