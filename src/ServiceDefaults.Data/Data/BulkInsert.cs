using System.Data.Common;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Inserts many rows of an entity with scalar properties and, at most, owned collections in
/// tables of their own (a payment's remittance lines) through one single-row INSERT per table,
/// run for each row in the context's current transaction (in batches on a server database,
/// <see cref="RowStatement"/>): the write path of bulk work (a
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
        await InsertAsync(db, Writable<T>(db, numberedKey: false), rows, ct);

    /// <summary>
    /// Writes the <typeparamref name="T"/>s the context holds as added, with their owned lines, in
    /// bulk, and stops tracking them: for a command that builds thousands through the usual domain
    /// code and leaves the rest of its changes to SaveChanges.
    /// </summary>
    public static Task<int> InsertAddedAsync<T>(this DbContext db, CancellationToken ct) where T : class =>
        WriteAddedAsync<T>(db, numberedKey: false, ct);

    /// <summary>
    /// As <see cref="InsertAddedAsync{T}"/>, for append-only rows the database numbers (ledger
    /// entries): each takes its number as it goes in, and is let go without the number being read
    /// back, so nothing in the command may use it.
    /// </summary>
    public static Task<int> AppendAddedAsync<T>(this DbContext db, CancellationToken ct) where T : class =>
        WriteAddedAsync<T>(db, numberedKey: true, ct);

    private static async Task<int> WriteAddedAsync<T>(DbContext db, bool numberedKey, CancellationToken ct) where T : class
    {
        var shape = Writable<T>(db, numberedKey); // refused before anything is let go
        var added = Tracked.Entries(db, e => e.State == EntityState.Added
            && (e.Entity is T || e.Metadata.FindOwnership()?.PrincipalEntityType.ClrType == typeof(T)));
        var owners = added.Where(e => e.Entity is T).ToList();
        // Owners are let go first: a line let go while its owner is tracked is taken out of the owner's collection.
        foreach (var entry in owners.Concat(added.Where(e => e.Entity is not T))) entry.State = EntityState.Detached;
        return await InsertAsync(db, shape, owners.Select(e => (T)e.Entity).ToList(), ct);
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

    /// <summary>
    /// The entity and its owned collections, when every value of theirs is set by the caller (but
    /// for a <paramref name="numberedKey"/> the database gives the entity itself); else why not.
    /// </summary>
    private static (IEntityType Entity, List<INavigation> Owned) Writable<T>(DbContext db, bool numberedKey)
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        var owned = entity.GetNavigations().Where(n => n.IsCollection && n.ForeignKey.IsOwnership && !n.TargetEntityType.IsMappedToJson()).ToList();
        if (owned.Count != entity.GetNavigations().Count() || owned.Any(n => n.TargetEntityType.GetNavigations().Any(t => !t.IsOnDependent)))
            throw new InvalidOperationException($"{typeof(T).Name} has navigations other than owned collections in tables of their own.");
        if (owned.Select(n => n.TargetEntityType).Prepend(entity)
                .FirstOrDefault(e => e.GetProperties().Any(p => p.ValueGenerated != ValueGenerated.Never && !(numberedKey && e == entity && IsNumberedKey(p)))) is { } generated)
            throw new InvalidOperationException($"{generated.DisplayName()} has values the database generates.");
        return (entity, owned);
    }

    /// <summary>A whole key of one integer column, numbered by the database as the row goes in.</summary>
    private static bool IsNumberedKey(IProperty property) =>
        property.IsPrimaryKey() && property.DeclaringType is IEntityType { } owner && owner.FindPrimaryKey()!.Properties.Count == 1
        && property.ValueGenerated == ValueGenerated.OnAdd && (property.ClrType == typeof(long) || property.ClrType == typeof(int));

    /// <summary>
    /// Rows of one table; an owned row comes with its owner, whose key fills the row's key to it.
    /// A key the database numbers is left for it to fill (<see cref="AppendAddedAsync{T}"/>).
    /// </summary>
    private static async Task<int> InsertRowsAsync(DbContext db, IEntityType entity, IEnumerable<(object? Owner, object Row)> rows, CancellationToken ct)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var properties = entity.GetProperties().Where(p => !IsNumberedKey(p)).ToList();
        var sql = db.GetService<ISqlGenerationHelper>();
        var insert =
            $"INSERT INTO {sql.DelimitIdentifier(table.Name, table.Schema)} " +
            $"({string.Join(", ", properties.Select(p => sql.DelimitIdentifier(p.GetColumnName(table)!)))}) " +
            $"VALUES ({string.Join(", ", properties.Select((_, i) => "@p" + i))})";
        var ownership = entity.FindOwnership();
        var values = properties.Select(p => ValueOf(p, ownership)).ToList();
        await using var statement = RowStatement.Prepare(db, insert, properties);
        var inserted = 0;
        await foreach (var changed in statement.ExecuteEachAsync(rows.Select(row => values.Select(value => value(row.Owner, row.Row)).ToArray()), ct))
            inserted += changed;
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
