using ArPlatform.DevServers;
using Npgsql;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// The PostgreSQL server of this test process: the one <c>AR_TEST_POSTGRES</c> names (a
/// connection string with rights to create databases), or else a throwaway cluster started at
/// first use on a free loopback port and stopped when the process ends.
/// </summary>
public static class TestPostgres
{
    private static readonly Lazy<string> Server = new(Start, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>Creates the database unless it exists; returns its connection string.</summary>
    public static string CreateDatabase(string name)
    {
        using (var connection = new NpgsqlConnection(Server.Value))
        {
            connection.Open();
            using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", name);
            if (exists.ExecuteScalar() is null)
                using (var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection))
                    create.ExecuteNonQuery();
        }
        return new NpgsqlConnectionStringBuilder(Server.Value) { Database = name }.ConnectionString;
    }

    public static void DropDatabase(string name)
    {
        using var connection = new NpgsqlConnection(Server.Value);
        connection.Open();
        using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)", connection);
        drop.ExecuteNonQuery();
    }

    private static string Start()
    {
        var given = Environment.GetEnvironmentVariable("AR_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(given)) return new NpgsqlConnectionStringBuilder(given) { Database = "postgres" }.ConnectionString;
        var folder = Directory.CreateTempSubdirectory("ar-test-postgres-").FullName;
        var cluster = PostgresCluster.StartAsync(folder, port: 0, CancellationToken.None, durable: false, deleteOnDispose: true).GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
        return cluster.ConnectionString("postgres");
    }
}
