using ArPlatform.ServiceDefaults.Data;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Logging.Abstractions;

namespace ArPlatform.ServiceDefaults.Tests;

public sealed class WalCheckpointerTests : IDisposable
{
    private readonly SqliteFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    [Fact]
    public async Task Committed_rows_reach_the_database_file_in_the_background_without_a_commit_copying_them()
    {
        var file = _folder.File("service.db");
        var connectionString = $"Data Source={file}";
        await using var writer = new SqliteConnection(connectionString);
        await writer.OpenAsync();
        await using (var setup = writer.CreateCommand())
        {
            // No commit of this connection ever copies the log into the file.
            setup.CommandText = "PRAGMA journal_mode=WAL; PRAGMA wal_autocheckpoint=0; CREATE TABLE Payments (Id TEXT PRIMARY KEY); " +
                                "INSERT INTO Payments VALUES ('p-1'), ('p-2');";
            await setup.ExecuteNonQueryAsync();
        }
        Assert.Equal(0, await RowsInTheFileAloneAsync(file));

        using var checkpointer = new WalCheckpointer(connectionString, NullLogger<WalCheckpointer>.Instance);
        await checkpointer.StartAsync(default);
        var deadline = DateTime.UtcNow.AddSeconds(15);
        while (await RowsInTheFileAloneAsync(file) < 2 && DateTime.UtcNow < deadline) await Task.Delay(200);
        await checkpointer.StopAsync(default);

        Assert.Equal(2, await RowsInTheFileAloneAsync(file));
    }

    /// <summary>The rows a copy of the database file holds without its write-ahead log.</summary>
    private async Task<long> RowsInTheFileAloneAsync(string file)
    {
        var copy = _folder.File($"copy-{Guid.NewGuid():N}.db");
        File.Copy(file, copy);
        await using var reader = new SqliteConnection($"Data Source={copy};Pooling=False");
        await reader.OpenAsync();
        await using var count = reader.CreateCommand();
        count.CommandText = "SELECT count(*) FROM sqlite_master WHERE name = 'Payments'";
        if ((long)(await count.ExecuteScalarAsync())! == 0) return 0;
        count.CommandText = "SELECT count(*) FROM Payments";
        return (long)(await count.ExecuteScalarAsync())!;
    }
}
