using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Collections.Data;

/// <summary>
/// Collections's database. Its tables arrive with the service's own issue; today it holds the
/// shared command tables. One subclass per provider keeps each provider's migrations apart.
/// </summary>
public abstract class CollectionsDbContext(DbContextOptions options) : ServiceDbContext(options);

public sealed class SqliteCollectionsDbContext(DbContextOptions<SqliteCollectionsDbContext> options) : CollectionsDbContext(options);

public sealed class SqlServerCollectionsDbContext(DbContextOptions<SqlServerCollectionsDbContext> options) : CollectionsDbContext(options);

internal sealed class SqliteCollectionsDesignTimeFactory : SqliteDesignTimeFactory<SqliteCollectionsDbContext>;

internal sealed class SqlServerCollectionsDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerCollectionsDbContext>;
