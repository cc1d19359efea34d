using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Per-connection settings for SQLite. In WAL mode synchronous=NORMAL is still durable across
/// process crashes (only an OS crash can lose the last commits) and saves an fsync per commit.
/// Reads at volume (aging, analytics) scan whole tables: the file is memory-mapped and each
/// pooled connection keeps up to 64 MiB of pages, instead of re-reading them per query. A writer
/// finding the database locked waits in SQLite's own busy handler (a few milliseconds at first),
/// not in the driver's retry loop, which sleeps 150 ms at a time: with several deliveries writing
/// at once that sleep was most of their time.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public static readonly SqliteConnectionTuning Instance = new();

    /// <summary>
    /// The write-ahead log's length (pages of 4 KiB) past which a commit copies it into the
    /// database file itself. The <see cref="WalCheckpointer"/> copies it long before, in the
    /// background; this bounds the log should it fall behind (SQLite's default is 1,000).
    /// </summary>
    public const int AutoCheckpointPages = 16_000;

    private static readonly string Pragmas =
        "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON; PRAGMA mmap_size=1073741824; PRAGMA cache_size=-65536; PRAGMA busy_timeout=30000; " +
        $"PRAGMA wal_autocheckpoint={AutoCheckpointPages};";

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        command.ExecuteNonQuery();
    }

    public override async Task ConnectionOpenedAsync(
        DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = Pragmas;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }
}
