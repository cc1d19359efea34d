using System.Security.Cryptography;
using System.Text;
using Microsoft.Data.Sqlite;
using Npgsql;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// Where a service in memory keeps its data. A SQLite file by default; with
/// <c>AR_TEST_DATABASE=postgres</c>, a database of its own on PostgreSQL — the server in
/// <c>AR_TEST_POSTGRES</c> (a connection string) or else a cluster this test process starts
/// (<see cref="TestPostgres"/>). Either way a host is named by a path, so a test that reopens a
/// "file" after a crash reopens the same database.
/// </summary>
public abstract class TestDatabase : IDisposable
{
    public static bool OnPostgres =>
        string.Equals(Environment.GetEnvironmentVariable("AR_TEST_DATABASE"), "postgres", StringComparison.OrdinalIgnoreCase);

    /// <summary>The database a host named by <paramref name="path"/> uses; <paramref name="owned"/> goes when the host does.</summary>
    public static TestDatabase At(string path, bool owned) => OnPostgres ? new PostgresDatabase(path, owned) : new SqliteFile(path);

    /// <summary>The configuration that points a service at it.</summary>
    public abstract IEnumerable<KeyValuePair<string, string>> Settings(string connectionName);

    /// <summary>Everything stored, as text: for tests that a value (a card number) was never written anywhere.</summary>
    public abstract Task<string> StoredTextAsync();

    public abstract void Dispose();

    private sealed class SqliteFile(string path) : TestDatabase
    {
        public override IEnumerable<KeyValuePair<string, string>> Settings(string connectionName) =>
            [new($"ConnectionStrings:{connectionName}", $"Data Source={path}")];

        /// <summary>The file and its write-ahead log, byte for byte.</summary>
        public override async Task<string> StoredTextAsync()
        {
            SqliteConnection.ClearAllPools();
            var text = new StringBuilder();
            foreach (var file in Directory.GetFiles(Path.GetDirectoryName(path)!, Path.GetFileName(path) + "*"))
                text.Append(Encoding.Latin1.GetString(await File.ReadAllBytesAsync(file)));
            return text.ToString();
        }

        public override void Dispose() => SqliteConnection.ClearAllPools();
    }

    private sealed class PostgresDatabase : TestDatabase
    {
        private readonly bool _owned;
        private readonly string _name;
        private readonly string _connectionString;

        public PostgresDatabase(string path, bool owned)
        {
            _owned = owned;
            // The path names the database: the same path, the same database.
            _name = "t" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Path.GetFullPath(path))))[..20];
            _connectionString = TestPostgres.CreateDatabase(_name);
        }

        public override IEnumerable<KeyValuePair<string, string>> Settings(string connectionName) =>
        [
            new("Database:Provider", "Postgres"),
            new($"ConnectionStrings:{connectionName}", _connectionString),
        ];

        /// <summary>Every row of every table, as PostgreSQL writes a row as text.</summary>
        public override async Task<string> StoredTextAsync()
        {
            await using var connection = new NpgsqlConnection(_connectionString);
            await connection.OpenAsync();
            var tables = new List<string>();
            await using (var list = new NpgsqlCommand("SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'", connection))
            await using (var reader = await list.ExecuteReaderAsync())
                while (await reader.ReadAsync()) tables.Add(reader.GetString(0));
            var text = new StringBuilder();
            foreach (var table in tables)
            {
                await using var rows = new NpgsqlCommand($"SELECT t::text FROM \"{table}\" t", connection);
                await using var reader = await rows.ExecuteReaderAsync();
                while (await reader.ReadAsync()) text.AppendLine(reader.GetString(0));
            }
            return text.ToString();
        }

        public override void Dispose()
        {
            NpgsqlConnection.ClearPool(new NpgsqlConnection(_connectionString));
            if (_owned) TestPostgres.DropDatabase(_name);
        }
    }
}
