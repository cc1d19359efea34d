using System.Collections.Concurrent;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Lines a process's commands up, in memory, to write one SQLite database one at a time, as
/// SQLite would make them. Left to SQLite, a writer that finds the database taken sleeps in its
/// busy handler (1, 2, 5, … up to 100 ms) and looks again, so under load the database mostly
/// stands free while its writers sleep: eight deliveries opening deductions at once spent a third
/// of their time so. Here the next writer starts the moment the last one commits. Nothing on other
/// providers. A writer still waiting after SQLite's own busy timeout goes on to SQLite's handler,
/// so a command that (wrongly) waits on another one's write fails as it did, never hangs. Commands
/// enter around their transaction (<see cref="CommandExecutor{TContext}"/>); a SaveChanges of its
/// own, without one, enters through <see cref="Saves"/>.
/// </summary>
internal static class SqliteWriteGate
{
    private static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);
    /// <summary>One gate per database file, however its connection strings spell it.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ByFile = new(StringComparer.Ordinal);
    /// <summary>The gate of each connection string, found once: commands do not parse it again.</summary>
    private static readonly ConcurrentDictionary<string, SemaphoreSlim> ByConnectionString = new(StringComparer.Ordinal);

    public static async Task<IDisposable> EnterAsync(DbContext db, CancellationToken ct) =>
        GateOf(db) is { } gate && await gate.WaitAsync(BusyTimeout, ct) ? new Passage(gate) : Passage.None;

    private static IDisposable Enter(DbContext db) =>
        GateOf(db) is { } gate && gate.Wait(BusyTimeout) ? new Passage(gate) : Passage.None;

    private static SemaphoreSlim? GateOf(DbContext db) =>
        db.Database.GetDbConnection() is SqliteConnection sqlite
            ? ByConnectionString.GetOrAdd(sqlite.ConnectionString, connectionString =>
            {
                var file = new SqliteConnectionStringBuilder(connectionString).DataSource;
                return ByFile.GetOrAdd(file.Length == 0 || file.StartsWith(':') ? file : Path.GetFullPath(file), _ => new SemaphoreSlim(1, 1));
            })
            : null;

    /// <summary>Enters for a SaveChanges that runs in a transaction of its own, and leaves when it ends however it ends.</summary>
    public sealed class Saves : SaveChangesInterceptor
    {
        public static readonly Saves Instance = new();
        private readonly ConditionalWeakTable<DbContext, IDisposable> _entered = new();

        public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
        {
            if (eventData.Context is { Database.CurrentTransaction: null } db) _entered.AddOrUpdate(db, Enter(db));
            return result;
        }

        public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
            DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
        {
            if (eventData.Context is { Database.CurrentTransaction: null } db) _entered.AddOrUpdate(db, await EnterAsync(db, cancellationToken));
            return result;
        }

        public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
        {
            Leave(eventData.Context);
            return result;
        }

        public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result, CancellationToken cancellationToken = default)
        {
            Leave(eventData.Context);
            return ValueTask.FromResult(result);
        }

        public override void SaveChangesFailed(DbContextErrorEventData eventData) => Leave(eventData.Context);

        public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
        {
            Leave(eventData.Context);
            return Task.CompletedTask;
        }

        public override void SaveChangesCanceled(DbContextEventData eventData) => Leave(eventData.Context);

        public override Task SaveChangesCanceledAsync(DbContextEventData eventData, CancellationToken cancellationToken = default)
        {
            Leave(eventData.Context);
            return Task.CompletedTask;
        }

        private void Leave(DbContext? db)
        {
            if (db is not null && _entered.TryGetValue(db, out var passage) && _entered.Remove(db)) passage.Dispose();
        }
    }

    private sealed class Passage(SemaphoreSlim? gate) : IDisposable
    {
        public static readonly Passage None = new(null);
        private SemaphoreSlim? _gate = gate;

        public void Dispose() => Interlocked.Exchange(ref _gate, null)?.Release();
    }
}
