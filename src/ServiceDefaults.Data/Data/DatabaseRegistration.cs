using ArPlatform.ServiceDefaults.Health;
using ArPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArPlatform.ServiceDefaults.Data;

public enum DatabaseProvider
{
    /// <summary>Embedded default: one file per service, created and migrated at start-up.</summary>
    Sqlite,
    /// <summary>Production, as the design names it.</summary>
    SqlServer,
    /// <summary>The server database tested here: shared by several processes (replicas) of a service.</summary>
    Postgres,
}

public static class DatabaseRegistration
{
    public const string ProviderKey = "Database:Provider";

    /// <summary>Statements per SaveChanges command on SQLite (see the registration).</summary>
    private const int SqliteBatchSize = 32;

    /// <summary>
    /// Registers <typeparamref name="TContext"/> backed by the provider named in
    /// <c>Database:Provider</c>. Each provider has its own derived context so that each keeps
    /// its own migrations; the service code only ever sees <typeparamref name="TContext"/>.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TContext, TSqlite, TSqlServer, TPostgres>(
        this IHostApplicationBuilder builder, string connectionName)
        where TContext : DbContext
        where TSqlite : TContext
        where TSqlServer : TContext
        where TPostgres : TContext
    {
        var provider = builder.Configuration.GetValue(ProviderKey, DatabaseProvider.Sqlite);
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        switch (provider)
        {
            case DatabaseProvider.Sqlite:
                connectionString ??= $"Data Source={Path.Combine("data", connectionName + ".db")}";
                SqliteFiles.EnsureDirectory(connectionString);
                // Microsoft.Data.Sqlite binds every parameter of a command by name, statement by
                // statement, so a command's cost grows with the square of its parameters: a list
                // goes in as one JSON parameter (not one parameter per value, EF 10's default), and
                // SaveChanges sends its statements in small batches (in a profile of 250 cash
                // applications per batch, EF's save and the invoices' read took two thirds of
                // Billing's time, most of it inside these commands).
                builder.Services.AddDbContextPool<TContext, TSqlite>(o => o
                    .UseSqlite(connectionString, sqlite => sqlite
                        .UseParameterizedCollectionMode(ParameterTranslationMode.Parameter)
                        .MaxBatchSize(SqliteBatchSize))
                    .AddInterceptors(SqliteConnectionTuning.Instance, SqliteWriteGate.Saves.Instance, new DatabaseCallInterceptor()));
                var database = connectionString;
                builder.Services.AddHostedService(services => new WalCheckpointer(database, services.GetRequiredService<ILogger<WalCheckpointer>>()));
                break;
            case DatabaseProvider.SqlServer:
                builder.Services.AddDbContextPool<TContext, TSqlServer>(o => o
                    .UseSqlServer(Required(connectionString, provider, connectionName))
                    .AddInterceptors(new DatabaseCallInterceptor()));
                break;
            case DatabaseProvider.Postgres:
                builder.Services.AddDbContextPool<TContext, TPostgres>(o => o
                    .UseNpgsql(Required(connectionString, provider, connectionName))
                    .AddInterceptors(new DatabaseCallInterceptor()));
                break;
            default:
                throw new InvalidOperationException($"Unknown database provider '{provider}'.");
        }

        builder.Services.AddSingleton<ReplicaLease<TContext>>();
        builder.Services.AddHealthChecks()
            .AddCheck<DatabaseHealthCheck<TContext>>(connectionName, tags: [HealthTags.Ready]);
        return builder;
    }

    private static string Required(string? connectionString, DatabaseProvider provider, string connectionName) =>
        string.IsNullOrWhiteSpace(connectionString)
            ? throw new InvalidOperationException($"Database:Provider is {provider} but ConnectionStrings:{connectionName} is not set.")
            : connectionString;

    /// <summary>Applies pending migrations before the service takes traffic.</summary>
    public static async Task MigrateDatabaseAsync<TContext>(this WebApplication app) where TContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (db.Database.IsSqlite())
        {
            // WAL lets readers proceed while a writer commits; the mode is stored in the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        await db.Database.MigrateAsync();
        app.Logger.LogInformation("Database {Context} migrated ({Provider})",
            typeof(TContext).Name, db.Database.ProviderName);
    }
}
