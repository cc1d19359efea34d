using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.EntityFrameworkCore.Storage;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Saves the changed columns of the tracked, modified <typeparamref name="T"/>s through one
/// single-row UPDATE per set of changed columns, run for each row in the context's current
/// transaction (in batches on a server database, <see cref="RowStatement"/>):
/// for a command that settles hundreds of invoices at once, where SaveChanges spent more time
/// building and preparing its statements than the database spent running them. As SaveChanges
/// does, each row is matched by its key and the original values of its concurrency tokens, and a
/// row changed meanwhile throws <see cref="DbUpdateConcurrencyException"/> (the command re-runs);
/// once written, the entities are tracked as unchanged. Only the entity's own columns are
/// written here: changes to what it owns are left to SaveChanges.
/// </summary>
public static class BulkUpdate
{
    public static async Task<int> SaveModifiedAsync<T>(this DbContext db, CancellationToken ct) where T : class
    {
        var entity = db.Model.FindEntityType(typeof(T)) ?? throw new InvalidOperationException($"{typeof(T).Name} is not in the model.");
        if (entity.GetComplexProperties().Any() || entity.GetProperties().Any(p => p.ValueGenerated.HasFlag(ValueGenerated.OnUpdate)))
            throw new InvalidOperationException($"{typeof(T).Name} has values written other than as columns of its own.");
        // A row is found by `token = original`, which a NULL never equals.
        if (entity.GetProperties().FirstOrDefault(p => p.IsConcurrencyToken && p.IsNullable) is { } nullable)
            throw new InvalidOperationException($"{typeof(T).Name}.{nullable.Name} is a concurrency token that may be null.");
        var modified = Tracked.Entries(db, e => e.State == EntityState.Modified && e.Entity is T);
        var key = entity.FindPrimaryKey()!.Properties;
        var tokens = entity.GetProperties().Where(p => p.IsConcurrencyToken).ToList();
        var updated = 0;
        foreach (var sameColumns in modified.GroupBy(e => string.Join(',', e.Properties.Where(p => p.IsModified).Select(p => p.Metadata.Name))))
        {
            var changed = sameColumns.First().Properties.Where(p => p.IsModified).Select(p => p.Metadata).ToList();
            await using var statement = RowStatement.Prepare(db, UpdateSql(db, entity, changed, key, tokens), [.. changed, .. key, .. tokens]);
            var entries = sameColumns.ToList();
            var rows = entries.Select(entry => changed.Select(c => entry.Property(c).CurrentValue)
                .Concat(key.Concat(tokens).Select(c => entry.Property(c).OriginalValue)).ToArray());
            var n = 0;
            await foreach (var rowsChanged in statement.ExecuteEachAsync(rows, ct))
            {
                if (rowsChanged != 1)
                    throw new DbUpdateConcurrencyException($"{typeof(T).Name} {entries[n].Property(key[0]).OriginalValue} was changed or removed meanwhile.");
                n++;
                updated++;
            }
        }
        foreach (var entry in modified) entry.State = EntityState.Unchanged;
        return updated;
    }

    private static string UpdateSql(DbContext db, IEntityType entity, List<IProperty> changed, IReadOnlyList<IProperty> key, List<IProperty> tokens)
    {
        var table = StoreObjectIdentifier.Table(entity.GetTableName()!, entity.GetSchema());
        var sql = db.GetService<ISqlGenerationHelper>();
        var n = 0;
        string Assign(IProperty p) => $"{sql.DelimitIdentifier(p.GetColumnName(table)!)} = @p{n++}";
        var set = string.Join(", ", changed.Select(Assign));
        var where = string.Join(" AND ", key.Concat(tokens).Select(Assign));
        return $"UPDATE {sql.DelimitIdentifier(table.Name, table.Schema)} SET {set} WHERE {where}";
    }
}
