using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Disputes.Data;

/// <summary>
/// Disputes's database. Its tables arrive with the service's own issue; today it holds the
/// shared command tables. One subclass per provider keeps each provider's migrations apart.
/// </summary>
public abstract class DisputesDbContext(DbContextOptions options) : ServiceDbContext(options);

public sealed class SqliteDisputesDbContext(DbContextOptions<SqliteDisputesDbContext> options) : DisputesDbContext(options);

public sealed class SqlServerDisputesDbContext(DbContextOptions<SqlServerDisputesDbContext> options) : DisputesDbContext(options);

internal sealed class SqliteDisputesDesignTimeFactory : SqliteDesignTimeFactory<SqliteDisputesDbContext>;

internal sealed class SqlServerDisputesDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerDisputesDbContext>;
