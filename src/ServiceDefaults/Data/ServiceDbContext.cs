using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Conventions every service database shares: money and rates as decimal(19,4), bounded
/// strings, and the idempotency and number-series tables that commands use.
/// </summary>
public abstract class ServiceDbContext(DbContextOptions options) : DbContext(options)
{
    protected override void ConfigureConventions(ModelConfigurationBuilder configuration)
    {
        configuration.Properties<decimal>().HavePrecision(19, 4);
        configuration.Properties<string>().HaveMaxLength(200);
    }

    protected override void OnModelCreating(ModelBuilder model) => model.AddCommandTables();
}
