using Microsoft.Data.Sqlite;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Copies a SQLite database's write-ahead log into the database file in the background, four
/// times a second, so that commits do not. Once a second fell behind a writer committing a few
/// thousand pages several times a second: the log reached its bound and a commit copied it anyway. Left to SQLite, the commit that takes the log past its limit
/// does the copy, with its fsync, before it returns: at 250 cash applications per commit (each
/// touching an invoice and three of its indexes) that was a third of Billing's time to apply
/// them. A passive checkpoint never waits for, nor blocks, a reader or a writer;
/// <see cref="SqliteConnectionTuning.AutoCheckpointPages"/> remains the bound should this one fall behind.
/// </summary>
internal sealed class WalCheckpointer(string connectionString, ILogger<WalCheckpointer> logger) : BackgroundService
{
    private static readonly TimeSpan Interval = TimeSpan.FromMilliseconds(250);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        // A connection of its own, outside the pool, so it closes with the service.
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder(connectionString) { Pooling = false }.ToString());
        using var timer = new PeriodicTimer(Interval);
        try
        {
            while (await timer.WaitForNextTickAsync(stoppingToken))
            {
                if (connection.State != System.Data.ConnectionState.Open) await connection.OpenAsync(stoppingToken);
                await using var checkpoint = connection.CreateCommand();
                checkpoint.CommandText = "PRAGMA wal_checkpoint(PASSIVE);";
                await checkpoint.ExecuteNonQueryAsync(stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        catch (SqliteException e)
        {
            // Commits checkpoint on their own again past the bound: slower, never wrong.
            logger.LogWarning(e, "Background checkpoints of {Database} stopped", connection.DataSource);
        }
    }
}
