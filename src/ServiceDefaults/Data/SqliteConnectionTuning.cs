using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Per-connection settings for SQLite. In WAL mode synchronous=NORMAL is still durable across
/// process crashes (only an OS crash can lose the last commits) and saves an fsync per commit.
/// </summary>
internal sealed class SqliteConnectionTuning : DbConnectionInterceptor
{
    public static readonly SqliteConnectionTuning Instance = new();

    private const string Pragmas = "PRAGMA synchronous=NORMAL; PRAGMA foreign_keys=ON;";

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
