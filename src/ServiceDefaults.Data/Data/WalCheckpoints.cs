using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Holds back SQLite's automatic checkpoint on a context's connection for the length of a bulk
/// write. A dunning run at volume leaves ~500 MB in the write-ahead log, and copying it into the
/// database file at commit (once the log passes its bound) cost the run's answer ~2 s; deferred,
/// the <see cref="WalCheckpointer"/> copies it in the background. Nothing on other providers.
/// </summary>
public static class WalCheckpoints
{
    public static async Task<IAsyncDisposable> DeferAsync(DbContext db, CancellationToken ct)
    {
        if (!db.Database.IsSqlite()) return Nothing.Instance;
        await db.Database.OpenConnectionAsync(ct);
        await db.Database.ExecuteSqlRawAsync("PRAGMA wal_autocheckpoint=0;", ct);
        return new Deferral(db);
    }

    private sealed class Deferral(DbContext db) : IAsyncDisposable
    {
        public async ValueTask DisposeAsync()
        {
            // The pooled connection goes back as it came: checkpointing at its commits again.
            await db.Database.ExecuteSqlRawAsync($"PRAGMA wal_autocheckpoint={SqliteConnectionTuning.AutoCheckpointPages};");
            await db.Database.CloseConnectionAsync();
        }
    }

    private sealed class Nothing : IAsyncDisposable
    {
        public static readonly Nothing Instance = new();
        public ValueTask DisposeAsync() => ValueTask.CompletedTask;
    }
}
