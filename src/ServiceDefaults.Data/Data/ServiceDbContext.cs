using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Conventions every service database shares: money and rates as decimal(19,4), bounded
/// strings, times in UTC, and the idempotency and number-series tables that commands use.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<decimal>().HavePrecision(19, 4);
        configuration.Properties<string>().HaveMaxLength(200);
        // Every time here is UTC, read back from SQLite and SQL Server without a kind; PostgreSQL's
        // instant type (timestamptz) takes only times that say they are UTC.
        if (Database.IsNpgsql()) configuration.Properties<DateTime>().HaveConversion<UtcKind>();
    }

    protected override void OnModelCreating(ModelBuilder model) => model.AddCommandTables();

    private sealed class UtcKind() : ValueConverter<DateTime, DateTime>(
        time => DateTime.SpecifyKind(time, DateTimeKind.Utc), time => time);
}
