using Npgsql;

namespace ArPlatform.DevServers;

/// <summary>What is asked of a local cluster as its superuser: is it up, and its databases.</summary>
public static class PostgresAdmin
{
    /// <summary>Trust authentication on loopback: no password.</summary>
    public static string ConnectionString(int port, string database) =>
        $"Host=127.0.0.1;Port={port};Username=postgres;Database={database}";

    /// <summary>Whether the server accepts connections (not while it starts up or recovers).</summary>
    public static async Task<bool> IsReadyAsync(int port, CancellationToken ct)
    {
        try
        {
            await using var connection = await OpenAsync(port, ct);
            return true;
        }
        catch (NpgsqlException) when (!ct.IsCancellationRequested)
        {
            return false;
        }
    }

    /// <summary>Creates the database unless it exists.</summary>
    public static async Task CreateDatabaseAsync(int port, string name, CancellationToken ct)
    {
        await using var connection = await OpenAsync(port, ct);
        await using var exists = new NpgsqlCommand("select 1 from pg_database where datname = $1", connection)
        {
            Parameters = { new NpgsqlParameter { Value = name } },
        };
        if (await exists.ExecuteScalarAsync(ct) is not null) return;
        await using var create = new NpgsqlCommand($"create database {Quote(name)}", connection);
        await create.ExecuteNonQueryAsync(ct);
    }

    /// <summary>Drops the database if it exists, ending the sessions still connected to it.</summary>
    public static async Task DropDatabaseAsync(int port, string name, CancellationToken ct)
    {
        await using var connection = await OpenAsync(port, ct);
        await using var drop = new NpgsqlCommand($"drop database if exists {Quote(name)} with (force)", connection);
        await drop.ExecuteNonQueryAsync(ct);
    }

    private static async Task<NpgsqlConnection> OpenAsync(int port, CancellationToken ct)
    {
        // Unpooled: an idle pooled connection would outlive the call, and a stopped server would leave it broken.
        var connection = new NpgsqlConnection(ConnectionString(port, "postgres") + ";Pooling=false;Timeout=5");
        try
        {
            await connection.OpenAsync(ct);
            return connection;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    // CREATE and DROP DATABASE take no parameters: the name goes in as a quoted identifier.
    private static string Quote(string identifier) => '"' + identifier.Replace("\"", "\"\"", StringComparison.Ordinal) + '"';
}
