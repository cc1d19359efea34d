using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// One prepared single-row statement (an INSERT or UPDATE of bulk work), run row after row in the
/// context's current transaction with its values bound by position: on SQLite straight through
/// its C API (<see cref="SqliteRowWriter"/>), elsewhere as a command with parameters @p0, @p1, …
/// typed from the EF model.
/// Values are given as the entity holds them and stored as EF stores them (its value converters).
/// </summary>
internal sealed class RowStatement : IAsyncDisposable
{
    private readonly SqliteRowWriter? _sqlite;
    private readonly DbCommand? _command;
    private readonly ValueConverter?[] _converters;

    private RowStatement(SqliteRowWriter? sqlite, DbCommand? command, IReadOnlyList<IProperty> columns) =>
        (_sqlite, _command, _converters) = (sqlite, command, columns.Select(c => c.GetTypeMapping().Converter).ToArray());

    /// <summary>The statement, whose parameters are <paramref name="columns"/>' values in order.</summary>
    public static RowStatement Prepare(DbContext db, string sql, IReadOnlyList<IProperty> columns)
    {
        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk writes run inside the caller's transaction.");
        if (db.Database.GetDbConnection() is SqliteConnection sqlite && columns.All(p => SqliteRowWriter.Binds(ProviderType(p))))
            return new RowStatement(SqliteRowWriter.Prepare(sqlite, sql), null, columns);
        var command = TypedCommand(db.Database.GetDbConnection(), sql, columns);
        command.Transaction = transaction;
        return new RowStatement(null, command, columns);
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

    /// <summary>Sets the 0-based parameter to a column's value, as the entity holds it.</summary>
    public void Bind(int index, object? value)
    {
        var converted = value is null ? null : _converters[index]?.ConvertToProvider(value) ?? value;
        if (_sqlite is not null) _sqlite.Bind(index + 1, converted);
        else _command!.Parameters[index].Value = converted ?? DBNull.Value;
    }

    /// <summary>Runs the statement with the values bound; returns the rows it changed.</summary>
    public async ValueTask<int> ExecuteAsync(CancellationToken ct) =>
        _sqlite?.Execute() ?? await _command!.ExecuteNonQueryAsync(ct);

    public async ValueTask DisposeAsync()
    {
        _sqlite?.Dispose();
        if (_command is not null) await _command.DisposeAsync();
    }

    private static Type ProviderType(IProperty property) => property.GetTypeMapping().Converter?.ProviderClrType ?? property.ClrType;
}
