using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Lets <c>dotnet ef</c> build each provider's context without a running service. A service
/// declares one empty subclass per provider context; the connection string is never opened.
/// </summary>
public abstract class SqliteDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) => Create<TContext>(
        new DbContextOptionsBuilder<TContext>().UseSqlite("Data Source=design-time.db").Options);

    internal static T Create<T>(DbContextOptions<T> options) where T : DbContext =>
        (T)Activator.CreateInstance(typeof(T), options)!;
}

public abstract class SqlServerDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) => SqliteDesignTimeFactory<TContext>.Create(
        new DbContextOptionsBuilder<TContext>()
            .UseSqlServer("Server=localhost;Database=design_time;Trusted_Connection=True;TrustServerCertificate=True")
            .Options);
}

public abstract class PostgresDesignTimeFactory<TContext> : IDesignTimeDbContextFactory<TContext>
    where TContext : DbContext
{
    public TContext CreateDbContext(string[] args) => SqliteDesignTimeFactory<TContext>.Create(
        new DbContextOptionsBuilder<TContext>().UseNpgsql("Host=localhost;Database=design_time").Options);
}
