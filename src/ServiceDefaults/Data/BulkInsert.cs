using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Inserts many rows of a flat entity (scalar properties only) through one prepared single-row
/// INSERT, executed per row in the context's current transaction: the write path of bulk work (a
/// dunning run's hundreds of thousands of actions), several times faster than tracked entities.
/// On SQLite the statement runs through SQLite's C API (<see cref="SqliteRowWriter"/>).
/// (Multi-row statements were measured slower through Microsoft.Data.Sqlite, which binds
/// parameters by name, so a statement's cost grew with the square of its parameters.) Columns, names and value
/// conversions come from the EF model, so the rows read back through EF as if EF had written
/// them. A constraint violation throws the provider's <see cref="DbException"/>.
/// </summary>
public static class BulkInsert
{
    public static async Task<int> InsertAllAsync<T>(this DbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => p.ValueGenerated == ValueGenerated.Never).ToList();
        if (entity.GetNavigations().Any() || entity.GetProperties().Count() != properties.Count)
            throw new InvalidOperationException($"{typeof(T).Name} is not a flat entity with client-set values.");
        var sql = db.GetService<ISqlGenerationHelper>();

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
        var insert =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        var columns = properties.Select(p => (Getter: p.GetGetter(), Converter: p.GetTypeMapping().Converter)).ToList();
        object? ProviderValue(int column, T row)
        {
            var (getter, converter) = columns[column];
            var value = getter.GetClrValue(row);
            return value is null ? null : converter?.ConvertToProvider(value) ?? value;
        }

        if (db.Database.GetDbConnection() is SqliteConnection sqlite
            && properties.All(p => SqliteRowWriter.Binds(p.GetTypeMapping().Converter?.ProviderClrType ?? p.ClrType)))
        {
            using var writer = SqliteRowWriter.Prepare(sqlite, insert);
            var written = 0;
            foreach (var row in rows)
            {
                if (written % 1000 == 0) ct.ThrowIfCancellationRequested();
                for (var i = 0; i < columns.Count; i++) writer.Bind(i + 1, ProviderValue(i, row));
                writer.Execute();
                written++;
            }
            return written;
        }

        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.Transaction = transaction;
        command.CommandText = insert;
        var parameters = columns.Select((_, i) =>
        {
            var parameter = command.CreateParameter();
            parameter.ParameterName = "@p" + i;
            command.Parameters.Add(parameter);
            return parameter;
        }).ToList();
        var inserted = 0;
        foreach (var row in rows)
        {
            for (var i = 0; i < parameters.Count; i++) parameters[i].Value = ProviderValue(i, row) ?? DBNull.Value;
            inserted += await command.ExecuteNonQueryAsync(ct);
        }
        return inserted;
    }
}
