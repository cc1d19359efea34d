using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.CashApplication.Data;

/// <summary>
/// CashApplication's database. Its tables arrive with the service's own issue; today it holds the
/// shared command tables. One subclass per provider keeps each provider's migrations apart.
/// </summary>
public abstract class CashApplicationDbContext(DbContextOptions options) : ServiceDbContext(options);

public sealed class SqliteCashApplicationDbContext(DbContextOptions<SqliteCashApplicationDbContext> options) : CashApplicationDbContext(options);

public sealed class SqlServerCashApplicationDbContext(DbContextOptions<SqlServerCashApplicationDbContext> options) : CashApplicationDbContext(options);

internal sealed class SqliteCashApplicationDesignTimeFactory : SqliteDesignTimeFactory<SqliteCashApplicationDbContext>;

internal sealed class SqlServerCashApplicationDesignTimeFactory : SqlServerDesignTimeFactory<SqlServerCashApplicationDbContext>;
