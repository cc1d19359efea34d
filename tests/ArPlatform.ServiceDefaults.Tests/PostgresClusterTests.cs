using ArPlatform.DevServers;
using Npgsql;

namespace ArPlatform.ServiceDefaults.Tests;

public class PostgresClusterTests
{
    [PostgresFact]
    public async Task A_throwaway_cluster_serves_a_database_on_a_free_loopback_port_and_leaves_no_folder_behind()
    {
        var ct = CancellationToken.None;
        // Straight under the temporary folder: the postgres user must be able to enter every folder above it.
        var folder = Path.Combine(Path.GetTempPath(), $"ar-pg-{Guid.NewGuid():N}");
        var cluster = await PostgresCluster.StartAsync(folder, port: 0, ct, durable: false, deleteOnDispose: true);
        try
        {
            await cluster.CreateDatabaseAsync("ledgerdb", ct);
            await cluster.CreateDatabaseAsync("ledgerdb", ct);
            // Unpooled, so that no idle connection to the dropped database is handed out again below.
            var connectionString = cluster.ConnectionString("ledgerdb") + ";Pooling=false";
            await using (var connection = new NpgsqlConnection(connectionString))
            {
                await connection.OpenAsync(ct);
                await using var query = new NpgsqlCommand(
                    "select 1, current_setting('listen_addresses'), current_setting('max_connections')::int", connection);
                await using var row = await query.ExecuteReaderAsync(ct);
                Assert.True(await row.ReadAsync(ct));
                Assert.Equal((1, "127.0.0.1"), (row.GetInt32(0), row.GetString(1)));
                Assert.True(row.GetInt32(2) >= 300, $"max_connections is {row.GetInt32(2)}");
            }

            await cluster.DropDatabaseAsync("ledgerdb", ct);

            await using var afterDrop = new NpgsqlConnection(connectionString);
            var missing = await Assert.ThrowsAsync<PostgresException>(() => afterDrop.OpenAsync(ct));
            Assert.Equal(PostgresErrorCodes.InvalidCatalogName, missing.SqlState);
        }
        finally
        {
            await cluster.DisposeAsync();
        }
        Assert.False(Directory.Exists(folder));
    }
}

/// <summary>
/// A fact that needs PostgreSQL: skipped on a developer's machine without it, but never under CI=true,
/// where it runs and fails with how to install it.
/// </summary>
public sealed class PostgresFactAttribute : FactAttribute
{
    public PostgresFactAttribute()
    {
        var inCi = string.Equals(Environment.GetEnvironmentVariable("CI"), "true", StringComparison.OrdinalIgnoreCase);
        if (!PostgresServer.IsInstalled && !inCi) Skip = PostgresServer.NotInstalledMessage + " PostgreSQL tests skipped.";
    }
}
