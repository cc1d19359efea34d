using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>A named lease in a service's database: which process runs a piece of background work, and until when.</summary>
public sealed class Lease
{
    public required string Name { get; init; }
    public required string Holder { get; set; }
    public DateTime ExpiresAt { get; set; }
}

/// <summary>
/// Lets one process of a service at a time do a piece of background work (send the mail outbox,
/// deliver an outbox to another service, run the day's dunning), however many replicas share its
/// database: work that reaches outside (an SMTP server) must not be done twice, and work that is
/// idempotent should not be done N times. A lease is taken or renewed by an update in place, so
/// two replicas cannot both take it; it lapses by itself if its holder dies. A SQLite database
/// belongs to one process, which always holds every lease.
/// </summary>
public sealed class ReplicaLease<TContext>(IServiceScopeFactory scopes, TimeProvider clock) where TContext : DbContext
{
    /// <summary>This process (this host, in a test running several): one holder.</summary>
    private readonly string _holder = $"{Environment.ProcessId}/{Guid.NewGuid():N}@{Environment.MachineName}";

    /// <summary>
    /// Takes (or renews) the lease for <paramref name="duration"/> and returns a handle that
    /// gives it back when disposed; null while another process holds it. Short leases, renewed
    /// by taking them again as the work goes on: a holder that dies holds up the others only
    /// until its lease runs out.
    /// </summary>
    public async Task<IAsyncDisposable?> TryTakeAsync(string name, TimeSpan duration, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        if (db.Database.IsSqlite()) return Held.Nothing;
        var now = clock.GetUtcNow().UtcDateTime;
        var until = now + duration;
        var free = db.Set<Lease>().Where(l => l.Name == name && (l.Holder == _holder || l.ExpiresAt < now));
        if (await free.ExecuteUpdateAsync(s => s.SetProperty(l => l.Holder, _holder).SetProperty(l => l.ExpiresAt, until), ct) == 0)
        {
            if (await db.Set<Lease>().AnyAsync(l => l.Name == name, ct)) return null;
            db.Add(new Lease { Name = name, Holder = _holder, ExpiresAt = until });
            try
            {
                await db.SaveChangesAsync(ct);
            }
            catch (DbUpdateException)
            {
                // Another process took it first.
                return null;
            }
        }
        return new Held(() => ReleaseAsync(name));
    }

    private async Task ReleaseAsync(string name)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        await db.Set<Lease>().Where(l => l.Name == name && l.Holder == _holder)
            .ExecuteUpdateAsync(s => s.SetProperty(l => l.ExpiresAt, now.AddTicks(-1)));
    }

    private sealed class Held(Func<Task>? release) : IAsyncDisposable
    {
        public static readonly Held Nothing = new(null);

        public async ValueTask DisposeAsync()
        {
            if (release is not null) await release();
        }
    }
}
