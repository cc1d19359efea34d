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
        StopAbandonedClusters();
        var folder = Directory.CreateTempSubdirectory(FolderPrefix);
        // The server runs as the postgres user when the tests run as root: it must reach its cluster.
        if (!OperatingSystem.IsWindows()) folder.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        File.WriteAllText(Path.Combine(folder.FullName, OwnerFile), Environment.ProcessId.ToString(System.Globalization.CultureInfo.InvariantCulture));
        var cluster = PostgresCluster.StartAsync(Path.Combine(folder.FullName, ClusterFolder), port: 0, CancellationToken.None, durable: false)
            .GetAwaiter().GetResult();
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            cluster.DisposeAsync().AsTask().GetAwaiter().GetResult();
            // The owner file goes last: a deletion cut short is finished by the next run.
            Directory.Delete(cluster.DataDirectory, recursive: true);
            folder.Delete(recursive: true);
        };
        return cluster.ConnectionString("postgres");
    }

    private const string FolderPrefix = "ar-test-postgres-";
    private const string OwnerFile = "owner.pid";
    private const string ClusterFolder = "cluster";

    /// <summary>
    /// A test process that crashed never stopped its cluster: the server of a folder whose owner
    /// is gone is stopped (its first line of postmaster.pid) and the folder deleted.
    /// </summary>
    private static void StopAbandonedClusters()
    {
        foreach (var folder in Directory.EnumerateDirectories(Path.GetTempPath(), FolderPrefix + "*"))
        {
            var owner = Path.Combine(folder, OwnerFile);
            if (!File.Exists(owner) || int.TryParse(File.ReadAllText(owner), out var pid) && Alive(pid)) continue;
            var postmaster = Path.Combine(folder, ClusterFolder, "postmaster.pid");
            if (File.Exists(postmaster) && int.TryParse(File.ReadLines(postmaster).First(), out var server) && Alive(server))
                using (var process = System.Diagnostics.Process.GetProcessById(server))
                {
                    process.Kill();
                    process.WaitForExit(TimeSpan.FromSeconds(10));
                }
            try { Directory.Delete(folder, recursive: true); } catch (IOException) { }
        }
    }

    private static bool Alive(int pid)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
