using System.Data.Common;
using System.Security.Cryptography;
using System.Text;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Security;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Runs a mutating command exactly once per request id: the change, its idempotency record, its
/// number-series increments and its audit entries commit in one transaction (on SQLite, after the
/// process's other commands writing the same database: <see cref="SqliteWriteGate"/>). A retry of the same
/// request returns the stored first result; a concurrent writer that wins makes this one re-run
/// from scratch. A request id is the caller's: it replays only for the caller who sent it
/// (<see cref="CallerKey"/>).
/// </summary>
public sealed class CommandExecutor<TContext>(TContext db, TimeProvider clock, CallerContext caller, ILogger<CommandExecutor<TContext>> logger)
    where TContext : DbContext
{
    /// <summary>
    /// Attempts of a command that loses races. On a server database writers race instead of
    /// queueing, and every round of a race has a winner: enough attempts for a few dozen writers
    /// of one row (notes on one case, holds on one invoice) to all get through.
    /// </summary>
    private const int Attempts = 30;
    private const string AuditTrailSeries = "audit-trail";
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private readonly List<(string EntityType, string EntityId, string Before, string After)> _changes = [];
    private readonly Dictionary<string, Func<Task>> _afterCommit = new(StringComparer.Ordinal);
    private string _operation = "";

    public Task<TResponse> ExecuteAsync<TResponse>(
        string operation, string requestId, IMessage request,
        Func<CancellationToken, Task<TResponse>> command, CancellationToken ct)
        where TResponse : IMessage<TResponse>, new() =>
        ExecuteOnceAsync(operation, CallerKey(operation, requestId), requestId, request, command, ct, LegacyKey(operation, requestId));

    /// <summary>
    /// A command keyed by what the service names itself (an import, a batch of payments, a
    /// write-off's version), not by a caller's request id: it runs once whoever runs it, a
    /// person's request or a worker picking it up after a crash.
    /// </summary>
    public Task<TResponse> ExecuteInternalAsync<TResponse>(
        string operation, string key, IMessage request,
        Func<CancellationToken, Task<TResponse>> command, CancellationToken ct)
        where TResponse : IMessage<TResponse>, new() =>
        ExecuteOnceAsync(operation, InternalKey(operation, key), key, request, command, ct);

    private async Task<TResponse> ExecuteOnceAsync<TResponse>(
        string operation, string key, string requestId, IMessage request,
        Func<CancellationToken, Task<TResponse>> command, CancellationToken ct, string? legacyKey = null)
        where TResponse : IMessage<TResponse>, new()
    {
        var hash = Hash(request);
        return await RetryLostRacesAsync(async () =>
        {
            var first = await FirstAsync(key, legacyKey, ct);
            if (first is not null) return Replay<TResponse>(first, hash, requestId);

            return await CommitAsync(() => RunAsync(operation, key, hash, command, ct), ct);
        }, "The resource was changed by another request; retry with the same request id.");
    }

    /// <summary>
    /// Many commands of one operation decided together in one transaction, each exactly once per
    /// its own request id (a repeat, from an earlier call or earlier in this batch, replays the
    /// first result) and each taken or refused on its own: <paramref name="decide"/> gets the new
    /// requests and answers each with its result or its refusal, and must leave a refused one
    /// without changes. What was taken is saved in one go with its idempotency records and audit
    /// entries; a lost race re-runs the whole batch. For volume: one round of reads and writes for
    /// hundreds of commands, not one per command.
    /// </summary>
    public async Task<IReadOnlyList<(TResponse? Response, DomainException? Refusal)>> ExecuteBatchAsync<TRequest, TResponse>(
        string operation, IReadOnlyList<TRequest> requests, Func<TRequest, string> requestId,
        Func<IReadOnlyList<TRequest>, CancellationToken, Task<List<(TResponse? Response, DomainException? Refusal)>>> decide,
        CancellationToken ct)
        where TRequest : IMessage where TResponse : class, IMessage<TResponse>, new()
    {
        var scope = CallerScope();
        var keys = requests.Select(r => $"{operation}@{scope}:{requestId(r)}").ToList();
        var hashes = requests.Select(r => Hash(r)).ToList();
        return await RetryLostRacesAsync(async () =>
        {
            var firsts = await db.Set<IdempotencyRecord>().AsNoTracking().Where(r => keys.Contains(r.Key)).ToDictionaryAsync(r => r.Key, ct);
            if (caller.IsInAnyRole([Roles.Service]))
            {
                // What a service's first attempt stored before keys were scoped by caller (see LegacyKey).
                var legacy = requests.Select(r => InternalKey(operation, requestId(r))).ToList();
                var stored = await db.Set<IdempotencyRecord>().AsNoTracking().Where(r => legacy.Contains(r.Key)).ToDictionaryAsync(r => r.Key, ct);
                for (var i = 0; i < requests.Count; i++)
                    if (!firsts.ContainsKey(keys[i]) && stored.TryGetValue(legacy[i], out var old)) firsts[keys[i]] = old;
            }
            var fresh = Enumerable.Range(0, requests.Count).Where(i => !firsts.ContainsKey(keys[i])).DistinctBy(i => keys[i]).ToList();
            var ran = await CommitAsync(async () =>
            {
                Begin(operation);
                var decided = fresh.Count == 0 ? [] : await decide(fresh.Select(i => requests[i]).ToList(), ct);
                var results = fresh.Zip(decided).ToDictionary(d => keys[d.First], d => (Hash: hashes[d.First], Result: d.Second), StringComparer.Ordinal);
                var now = clock.GetUtcNow().UtcDateTime;
                var records = results.Where(r => r.Value.Result.Response is not null).Select(r => new IdempotencyRecord
                {
                    Key = r.Key, RequestHash = r.Value.Hash, Response = r.Value.Result.Response!.ToByteArray(), CreatedAt = now,
                }).ToList();
                await AppendAuditEntriesAsync(ct);
                await db.SaveChangesAsync(ct);
                await InsertAppendOnlyAsync(records, "Another command recorded the same request first.", ct);
                return results;
            }, ct);

            return requests.Select((request, i) =>
            {
                if (firsts.TryGetValue(keys[i], out var first))
                {
                    try { return (Replay<TResponse>(first, hashes[i], requestId(request)), (DomainException?)null); }
                    catch (DomainException refusal) { return (null, refusal); }
                }
                var (hash, result) = ran[keys[i]];
                return hash == hashes[i] ? result : (null, KeyReused(requestId(request)));
            }).ToList();
        }, "The resources were changed by other requests; retry with the same request ids.");
    }

    /// <summary>An attempt's writes in one <see cref="WriteTransaction"/>; then the work that waits for the commit, which may write again.</summary>
    private async Task<T> CommitAsync<T>(Func<Task<T>> write, CancellationToken ct)
    {
        var written = await WriteTransaction.RunAsync(db, write, ct);
        await RunAfterCommitAsync(_afterCommit);
        return written;
    }

    /// <summary>
    /// Runs an attempt of a command until it commits, at most <see cref="Attempts"/> times. An
    /// attempt that lost a race (row version, a number series or key taken, the same request committed by
    /// a twin, a deadlock) has its transaction rolled back as it is disposed, and starts over on a clean
    /// context, where its first read replays a twin. A row version still lost on the last attempt
    /// is the caller's conflict.
    /// </summary>
    private async Task<T> RetryLostRacesAsync<T>(Func<Task<T>> attempt, string conflict)
    {
        for (var n = 1; ; n++)
        {
            try
            {
                return await attempt();
            }
            catch (Exception e) when (n < Attempts && IsLostRace(e))
            {
                // Lost the race (or the server chose this transaction to break a deadlock): the
                // next attempt reads afresh, after a random pause that grows, so the writers that
                // collided do not collide again in step.
                await Task.Delay(Random.Shared.Next(1, 4 << Math.Min(n, 4)));
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException(conflict);
            }
            finally
            {
                // A refused or lost attempt leaves nothing tracked for the next one.
                if (db.ChangeTracker.HasChanges()) db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>
    /// A write that lost to another: a row version, key or number taken, or a deadlock or
    /// serialization failure the server broke by failing this transaction — which EF's execution
    /// strategy hands on wrapped, as a "transient failure".
    /// </summary>
    private static bool IsLostRace(Exception e) =>
        (e is DbUpdateException or DbException { IsTransient: true } || e.InnerException is DbException { IsTransient: true })
        // A database that is down is no race: retrying at once would only keep the caller waiting for UNAVAILABLE.
        && !DatabaseUnavailable.Is(e);

    /// <summary>Starts collecting a command's audit entries and after-commit work afresh.</summary>
    private void Begin(string operation)
    {
        _changes.Clear();
        _afterCommit.Clear();
        _operation = operation;
    }

    /// <summary>One command inside the open transaction: its change, its audit entries and its idempotency record, saved.</summary>
    private async Task<TResponse> RunAsync<TResponse>(string operation, string key, string hash,
        Func<CancellationToken, Task<TResponse>> command, CancellationToken ct) where TResponse : IMessage<TResponse>
    {
        Begin(operation);
        var response = await command(ct);
        await AppendAuditEntriesAsync(ct);
        db.Add(new IdempotencyRecord { Key = key, RequestHash = hash, Response = response.ToByteArray(), CreatedAt = clock.GetUtcNow().UtcDateTime });
        await db.SaveChangesAsync(ct);
        return response;
    }

    /// <summary>
    /// The work registered for after the commit. The commands have succeeded whatever happens
    /// here, so a failure is logged, not thrown at the caller (an outbox's worker catches up).
    /// </summary>
    private async Task RunAfterCommitAsync(Dictionary<string, Func<Task>> actions)
    {
        foreach (var (key, action) in actions)
        {
            try
            {
                await action();
            }
            catch (Exception e)
            {
                logger.LogError(e, "After-commit work {Key} failed; the command itself has committed", key);
            }
        }
    }

    /// <summary>
    /// The stored first result of this request, when it already ran: for a command that checks
    /// with another service before it runs, and must not check a retry against the state its
    /// own first run created.
    /// </summary>
    public Task<TResponse?> FindReplayAsync<TResponse>(string operation, string requestId, IMessage request, CancellationToken ct)
        where TResponse : class, IMessage<TResponse>, new() =>
        FindAsync<TResponse>(CallerKey(operation, requestId), requestId, request, ct, LegacyKey(operation, requestId));

    /// <summary>The same for a command the service keys itself (<see cref="ExecuteInternalAsync{TResponse}"/>).</summary>
    public Task<TResponse?> FindInternalReplayAsync<TResponse>(string operation, string key, IMessage request, CancellationToken ct)
        where TResponse : class, IMessage<TResponse>, new() =>
        FindAsync<TResponse>(InternalKey(operation, key), key, request, ct);

    private async Task<TResponse?> FindAsync<TResponse>(string key, string requestId, IMessage request, CancellationToken ct, string? legacyKey = null)
        where TResponse : class, IMessage<TResponse>, new()
    {
        var first = await FirstAsync(key, legacyKey, ct);
        return first is null ? null : Replay<TResponse>(first, Hash(request), requestId);
    }

    /// <summary>The first result stored under <paramref name="key"/>, else under the key the same request had before keys were scoped by caller.</summary>
    private async Task<IdempotencyRecord?> FirstAsync(string key, string? legacyKey, CancellationToken ct) =>
        await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Key == key, ct)
        ?? (legacyKey is null ? null : await db.Set<IdempotencyRecord>().AsNoTracking().FirstOrDefaultAsync(r => r.Key == legacyKey, ct));

    /// <summary>
    /// Before keys were scoped by caller they were "{operation}:{request id}". A service retrying
    /// across the upgrade (an outbox in back-off) must still replay what its first attempt did,
    /// or it would credit or apply twice; only services' retries are looked up so, since their
    /// request ids are their own (a person's were the very keys the scoping closed).
    /// </summary>
    private string? LegacyKey(string operation, string requestId) =>
        caller.IsInAnyRole([Roles.Service]) ? InternalKey(operation, requestId) : null;

    /// <summary>
    /// A caller's request id as an idempotency key, scoped by who makes the call
    /// (<see cref="CallerContext.Principal"/>): someone replaying another caller's request id and
    /// body makes a request of their own, authorised like any first call, and never gets the
    /// other's result back. A service acting for a person is the caller of its retries, so they
    /// still replay. The principal is hashed to a fixed width, so the key fits its column whatever
    /// the subject's length, and "@" keeps these keys apart from <see cref="InternalKey"/>'s.
    /// </summary>
    private string CallerKey(string operation, string requestId) => $"{operation}@{CallerScope()}:{requestId}";

    private string CallerScope() => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(caller.Principal)))[..16];

    private static string InternalKey(string operation, string key) => $"{operation}:{key}";

    /// <summary>
    /// Records a change the current command made, for the audit trail: the entity as it was
    /// (null when created) and as it is now. Written in the command's own transaction.
    /// </summary>
    public void Audit(string entityType, string entityId, IMessage? before, IMessage after) =>
        _changes.Add((entityType, entityId, before is null ? "" : Json.Format(before), Json.Format(after)));

    /// <summary>
    /// Work that may only happen once the command's transaction has committed (invalidating a
    /// cached copy, delivering an outbox): one action per key, the latest registration winning.
    /// Nothing runs for a refused or lost attempt, nor when a retry replays the stored first
    /// result; a failure is logged, never turned into the command's failure.
    /// </summary>
    public void AfterCommit(string key, Func<Task> action) => _afterCommit[key] = action;

    private async Task AppendAuditEntriesAsync(CancellationToken ct)
    {
        if (_changes.Count == 0) return;
        // The sequence is a number series, so concurrent commands append one after the other in
        // commit order; the last link is read once this command holds the series.
        var entries = db.Set<AuditEntry>().AsNoTracking();
        var sequence = await TakeNumbersAsync(AuditTrailSeries, _changes.Count,
            async c => await entries.MaxAsync(a => (long?)a.Sequence, c) ?? 0, ct) - _changes.Count;
        var previousHash = sequence == 0 ? AuditEntry.GenesisHash
            : await entries.Where(a => a.Sequence == sequence).Select(a => a.Hash).SingleAsync(ct);
        // Whole microseconds: the finest time every provider keeps (PostgreSQL's), so the hash
        // over the time still holds for the entry read back.
        var now = clock.GetUtcNow().UtcDateTime;
        var at = now.AddTicks(-(now.Ticks % TimeSpan.TicksPerMicrosecond));
        var (actor, correlationId) = (caller.Actor, caller.CorrelationId);
        var appended = new List<AuditEntry>(_changes.Count);
        foreach (var change in _changes)
        {
            var entry = new AuditEntry
            {
                Sequence = ++sequence, At = at, Actor = actor, Operation = _operation,
                EntityType = change.EntityType, EntityId = change.EntityId, Before = change.Before, After = change.After,
                CorrelationId = correlationId, PreviousHash = previousHash,
            };
            entry.Hash = entry.ComputeHash();
            previousHash = entry.Hash;
            appended.Add(entry);
        }
        // Append-only rows, never read back in this command: inserted in bulk (a run's thousands of holds).
        await InsertAppendOnlyAsync(appended, "Another command appended to the audit trail first.", ct);
    }

    /// <summary>
    /// Bulk-inserts rows whose keys a concurrent writer may take first (the next audit sequence,
    /// a request's idempotency key): that is the same race as any other lost write, so the command re-runs.
    /// </summary>
    private async Task InsertAppendOnlyAsync<T>(IReadOnlyCollection<T> rows, string race, CancellationToken ct) where T : class
    {
        try
        {
            await db.InsertAllAsync(rows, ct);
        }
        catch (DbException e)
        {
            throw new DbUpdateException(race, e);
        }
    }

    /// <summary>Takes the next number of a gapless series inside the current command.</summary>
    public Task<long> NextNumberAsync(string series, CancellationToken ct) => TakeNumbersAsync(series, 1, _ => Task.FromResult(0L), ct);

    /// <summary>
    /// Takes the next <paramref name="count"/> numbers of a series and returns the last. The
    /// series' row is updated in place first, which holds it until the command commits: a
    /// concurrent command, in this process or another, waits for that commit and then takes the
    /// numbers after these, instead of taking the same ones and failing. A series without a row
    /// starts after <paramref name="start"/>; two commands starting one race on its key, and the
    /// loser re-runs.
    /// </summary>
    private async Task<long> TakeNumbersAsync(string series, int count, Func<CancellationToken, Task<long>> start, CancellationToken ct)
    {
        var row = db.Set<NumberSeries>().Where(s => s.Key == series);
        if (await row.ExecuteUpdateAsync(u => u.SetProperty(s => s.LastNumber, s => s.LastNumber + count), ct) == 1)
            return await row.AsNoTracking().Select(s => s.LastNumber).SingleAsync(ct);
        var last = await start(ct) + count;
        await InsertAppendOnlyAsync([new NumberSeries { Key = series, LastNumber = last }], "Another command started the same number series first.", ct);
        return last;
    }

    private static string Hash(IMessage request) => Convert.ToHexString(SHA256.HashData(request.ToByteArray()));

    private static TResponse Replay<TResponse>(IdempotencyRecord first, string hash, string requestId)
        where TResponse : IMessage<TResponse>, new()
    {
        if (first.RequestHash != hash) throw KeyReused(requestId);
        var response = new TResponse();
        response.MergeFrom(first.Response);
        return response;
    }

    private static AlreadyExistsException KeyReused(string requestId) =>
        new("IDEMPOTENCY_KEY_REUSED", $"request_id '{requestId}' was already used for a different request.");
}
