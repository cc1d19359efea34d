using System.Data.Common;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Inserts many rows of an entity with scalar properties and, at most, owned collections in
/// tables of their own (a payment's remittance lines) through one prepared single-row INSERT per
/// table, executed per row in the context's current transaction: the write path of bulk work (a
/// dunning run's hundreds of thousands of actions, a bank file's payments), several times faster
/// than tracked entities. On SQLite the statement runs through SQLite's C API
/// (<see cref="SqliteRowWriter"/>). (Multi-row statements were measured slower through
/// Microsoft.Data.Sqlite, which binds parameters by name, so a statement's cost grew with the
/// square of its parameters.) Columns, names and value conversions come from the EF model, so the
/// rows read back through EF as if EF had written them; an owned row's key to its owner is taken
/// from the owner. The rows are not tracked. A constraint violation throws the provider's
/// <see cref="DbException"/>.
/// </summary>
public static class BulkInsert
{
    public static async Task<int> InsertAllAsync<T>(this DbContext db, IEnumerable<T> rows, CancellationToken ct) where T : class =>
        await InsertAsync(db, Writable<T>(db), rows, ct);

    /// <summary>
    /// Writes the <typeparamref name="T"/>s the context holds as added, with their owned lines, in
    /// bulk, and stops tracking them: for a command that builds thousands through the usual domain
    /// code and leaves the rest of its changes to SaveChanges.
    /// </summary>
    public static async Task<int> InsertAddedAsync<T>(this DbContext db, CancellationToken ct) where T : class
    {
        var shape = Writable<T>(db); // refused before anything is let go
        var added = db.ChangeTracker.Entries<T>().Where(e => e.State == EntityState.Added).ToList();
        var lines = db.ChangeTracker.Entries()
            .Where(e => e.State == EntityState.Added && e.Metadata.FindOwnership()?.PrincipalEntityType.ClrType == typeof(T)).ToList();
        foreach (var entry in added.Concat<EntityEntry>(lines)) entry.State = EntityState.Detached;
        return await InsertAsync(db, shape, added.Select(e => e.Entity).ToList(), ct);
    }

    private static async Task<int> InsertAsync<T>(DbContext db, (IEntityType Entity, List<INavigation> Owned) shape, IEnumerable<T> rows, CancellationToken ct)
        where T : class
    {
        var (entity, owned) = shape;
        var owners = rows as IReadOnlyCollection<T> ?? rows.ToList();
        var inserted = await InsertRowsAsync(db, entity, owners.Select(r => ((object?)null, (object)r)), ct);
        foreach (var navigation in owned)
        {
            var items = navigation.GetGetter();
            await InsertRowsAsync(db, navigation.TargetEntityType,
                owners.SelectMany(owner => ((System.Collections.IEnumerable)items.GetClrValue(owner)!).Cast<object>().Select(item => ((object?)owner, item))), ct);
        }
        return inserted;
    }

    /// <summary>The entity and its owned collections, when every value of theirs is set by the caller; else why not.</summary>
    private static (IEntityType Entity, List<INavigation> Owned) Writable<T>(DbContext db)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var owned = entity.GetNavigations().Where(n => n.IsCollection && n.ForeignKey.IsOwnership && !n.TargetEntityType.IsMappedToJson()).ToList();
        if (owned.Count != entity.GetNavigations().Count() || owned.Any(n => n.TargetEntityType.GetNavigations().Any(t => !t.IsOnDependent)))
            throw new InvalidOperationException($"{typeof(T).Name} has navigations other than owned collections in tables of their own.");
        if (owned.Select(n => n.TargetEntityType).Prepend(entity).FirstOrDefault(e => e.GetProperties().Any(p => p.ValueGenerated != ValueGenerated.Never)) is { } generated)
            throw new InvalidOperationException($"{generated.DisplayName()} has values the database generates.");
        return (entity, owned);
    }

    /// <summary>Rows of one table; an owned row comes with its owner, whose key fills the row's key to it.</summary>
    private static async Task<int> InsertRowsAsync(DbContext db, IEntityType entity, IEnumerable<(object? Owner, object Row)> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().ToList();
        var sql = db.GetService<ISqlGenerationHelper>();

        var transaction = db.Database.CurrentTransaction?.GetDbTransaction()
            ?? throw new InvalidOperationException("Bulk inserts run inside the caller's transaction.");
        var insert =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        var ownership = entity.FindOwnership();
        var columns = properties.Select(p => (Value: ValueOf(p, ownership), Converter: p.GetTypeMapping().Converter)).ToList();
        object? ProviderValue(int column, (object? Owner, object Row) row)
        {
            var (value, converter) = columns[column];
            var clr = value(row.Owner, row.Row);
            return clr is null ? null : converter?.ConvertToProvider(clr) ?? clr;
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

    /// <summary>How a column's value is read: from the row, or — the key of an owned row to its owner — from the owner's key.</summary>
    private static Func<object?, object, object?> ValueOf(IProperty property, IForeignKey? ownership)
    {
        if (ownership?.Properties.ToList().IndexOf(property) is { } i and >= 0)
        {
            var ownerKey = ownership!.PrincipalKey.Properties[i].GetGetter();
            return (owner, _) => ownerKey.GetClrValue(owner!);
        }
        var getter = property.GetGetter();
        return (_, row) => getter.GetClrValue(row);
    }
}
