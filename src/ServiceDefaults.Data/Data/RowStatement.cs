using System.Data.Common;
using System.Runtime.CompilerServices;
using ArPlatform.ServiceDefaults.Telemetry;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// One single-row statement (an INSERT or UPDATE of bulk work), run for many rows in the context's
/// current transaction with their values bound by position: on SQLite straight through its C API
/// (<see cref="SqliteRowWriter"/>), in process, a row at a time; on a server database as commands
/// with parameters @p0, @p1, … typed from the EF model, <see cref="BatchSize"/> rows to a
/// <see cref="DbBatch"/> — one round trip for them all, where a row at a time would wait on the
/// network for each. Values are given as the entity holds them and stored as EF stores them (its
/// value converters).
/// </summary>
internal sealed class RowStatement : IAsyncDisposable
{
    private readonly SqliteRowWriter? _sqlite;
    private readonly DbCommand? _command;
    private readonly ValueConverter?[] _converters;
    private readonly DbConnection _connection;
    private readonly string _sql;

    private RowStatement(SqliteRowWriter? sqlite, DbCommand? command, IReadOnlyList<IProperty> columns, DbConnection connection, string sql) =>
        (_sqlite, _command, _converters, _connection, _sql) = (sqlite, command, columns.Select(c => c.GetTypeMapping().Converter).ToArray(), connection, sql);

    /// <summary>The statement, whose parameters are <paramref name="columns"/>' values in order.</summary>
    public static RowStatement Prepare(DbContext db, string sql, IReadOnlyList<IProperty> columns)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run inside the caller's transaction.");
        if (db.Database.GetDbConnection() is SqliteConnection sqlite && columns.All(p => SqliteRowWriter.Binds(ProviderType(p))))
            return new RowStatement(SqliteRowWriter.Prepare(sqlite, sql), null, columns, sqlite, sql);
        var command = TypedCommand(db.Database.GetDbConnection(), sql, columns);
        command.Transaction = transaction;
        return new RowStatement(null, command, columns, db.Database.GetDbConnection(), sql);
    }

    /// <summary>
    /// The statement as a command of the provider, its parameters @p0, @p1, … typed as EF types
    /// each column (SQL Server's datetime2 and decimal(19,4), PostgreSQL's timestamptz and
    /// numeric), not guessed from the first value bound: SQL Server would take a DateTime for
    /// its 3-millisecond datetime.
    /// </summary>
    internal static DbCommand TypedCommand(DbConnection connection, string sql, IReadOnlyList<IProperty> columns)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        for (var i = 0; i < columns.Count; i++)
            command.Parameters.Add(columns[i].GetRelationalTypeMapping().CreateParameter(command, "@p" + i, null, columns[i].IsNullable));
        return command;
    }

    /// <summary>Rows sent in one round trip on a server database: a few hundred fill a network packet many times over.</summary>
    public const int BatchSize = 200;

    /// <summary>
    /// Runs the statement once for each row (its columns' values in order, as the entity holds
    /// them) and yields, in the same order, the rows each run changed. The whole run is one
    /// database call in the telemetry, with the number of rows (<see cref="RawCommands"/>).
    /// </summary>
    public async IAsyncEnumerable<int> ExecuteEachAsync(IEnumerable<object?[]> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        using var call = RawCommands.Start(_connection, _sql);
        var count = 0;
        try
        {
            await foreach (var changed in RunEachAsync(rows, ct))
            {
                count++;
                yield return changed;
            }
        }
        finally
        {
            call.Rows(count);
        }
    }

    private async IAsyncEnumerable<int> RunEachAsync(IEnumerable<object?[]> rows, [EnumeratorCancellation] CancellationToken ct)
    {
        if (_command is not { Connection: { CanCreateBatch: true } connection } || !_command.Parameters.Cast<DbParameter>().All(p => p is ICloneable))
        {
            var n = 0;
            foreach (var row in rows)
            {
                if (n++ % 1000 == 0) ct.ThrowIfCancellationRequested();
                for (var i = 0; i < row.Length; i++) Bind(i, row[i]);
                yield return _sqlite?.Execute() ?? await _command!.ExecuteNonQueryAsync(ct);
            }
            yield break;
        }
        foreach (var chunk in rows.Chunk(BatchSize))
        {
            await using var batch = connection.CreateBatch();
            batch.Transaction = _command.Transaction;
            foreach (var row in chunk)
            {
                var command = batch.CreateBatchCommand();
                command.CommandText = _command.CommandText;
                for (var i = 0; i < row.Length; i++)
                {
                    // A copy of the typed parameter (type, size, precision, scale) for this row's value.
                    var parameter = (DbParameter)((ICloneable)_command.Parameters[i]).Clone();
                    parameter.Value = Convert(i, row[i]) ?? DBNull.Value;
                    command.Parameters.Add(parameter);
                }
                batch.BatchCommands.Add(command);
            }
            await batch.ExecuteNonQueryAsync(ct);
            foreach (DbBatchCommand command in batch.BatchCommands) yield return command.RecordsAffected;
        }
    }

    private object? Convert(int index, object? value) => value is null ? null : _converters[index]?.ConvertToProvider(value) ?? value;

    /// <summary>Sets the 0-based parameter to a column's value, as the entity holds it.</summary>
    private void Bind(int index, object? value)
    {
        var converted = Convert(index, value);
        if (_sqlite is not null) _sqlite.Bind(index + 1, converted);
        else _command!.Parameters[index].Value = converted ?? DBNull.Value;
    }

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        if (_command is not null) await _command.DisposeAsync();
    }

    private static Type ProviderType(IProperty property) => property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
}
