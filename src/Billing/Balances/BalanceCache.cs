using ArPlatform.ServiceDefaults.Telemetry;
using StackExchange.Redis;

namespace ArPlatform.Billing.Balances;

/// <summary>A balance as cached: the customer's balance version and the day it was computed for.</summary>
public sealed record CachedBalance(long Version, string Day, byte[] Payload);

/// <summary>How long the balance cache may keep a caller waiting on Redis (<c>BalanceCache</c> section).</summary>
public sealed class BalanceCacheOptions
{
    public const string Section = "BalanceCache";

    /// <summary>One Redis command past this is a miss: the database answers a balance in about as long.</summary>
    public TimeSpan CommandTimeout { get; set; } = TimeSpan.FromMilliseconds(50);

    /// <summary>After a failed or timed-out command, Redis is left alone this long before it is tried again.</summary>
    public TimeSpan BreakDuration { get; set; } = TimeSpan.FromSeconds(2);
}

/// <summary>
/// Redis copy of account balances. Every operation is best effort: Redis down or slow means a
/// miss, never a failed call. Writes are conditional on the customer's balance version (a Lua
/// script, atomic in Redis), so a reader that computed an older balance can never put it back
/// over a newer one or over an invalidation.
/// A stalled Redis (paused, not down: the connection stays open and nothing answers) must cost a
/// caller milliseconds, not the client library's own timeouts of a second and more: each command
/// is given up on after <see cref="BalanceCacheOptions.CommandTimeout"/>, and a failure opens a
/// circuit breaker that skips Redis for <see cref="BalanceCacheOptions.BreakDuration"/>, after which
/// the next command tries it again. Skipping is safe for the same reason a lost invalidation is:
/// a cached balance is served only when its version is the database's (see <see cref="BalanceReader"/>).
/// </summary>
public sealed class BalanceCache(
    IConnectionMultiplexer? redis, ILogger<BalanceCache> logger, BillingMetrics metrics,
    BalanceCacheOptions? options = null, TimeProvider? clock = null)
{
    private static readonly TimeSpan Ttl = TimeSpan.FromDays(1);
    private const string RedisSystem = "redis";

    // KEYS[1] balance key; ARGV: version, day, payload. Stores when the version is newer, or equal
    // to an invalidation (no payload) or to an older day's balance.
    private const string StoreScript = """
        local cur = redis.call('HMGET', KEYS[1], 'v', 'd', 'b')
        local v = tonumber(ARGV[1])
        if cur[1] then
          local cv = tonumber(cur[1])
          if v < cv then return 0 end
          if v == cv and cur[3] and cur[2] >= ARGV[2] then return 0 end
        end
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'v', ARGV[1], 'd', ARGV[2], 'b', ARGV[3])
        redis.call('PEXPIRE', KEYS[1], ARGV[4])
        return 1
        """;

    // KEYS[1] balance key; ARGV: version. Leaves a tombstone at that version so no older
    // balance can be stored after it. Anything already at that version or newer was computed
    // after the change committed, so it stays.
    private const string InvalidateScript = """
        local cur = redis.call('HGET', KEYS[1], 'v')
        if cur and tonumber(cur) >= tonumber(ARGV[1]) then return 0 end
        redis.call('DEL', KEYS[1])
        redis.call('HSET', KEYS[1], 'v', ARGV[1])
        redis.call('PEXPIRE', KEYS[1], ARGV[2])
        return 1
        """;

    private readonly BalanceCacheOptions _options = options ?? new BalanceCacheOptions();
    private readonly TimeProvider _clock = clock ?? TimeProvider.System;
    // Timestamp (TimeProvider.GetTimestamp) until which Redis is skipped; 0 when it is not.
    private long _openUntil;

    public bool Enabled => redis is not null;

    /// <summary>Whether Redis is being skipped after a failure (the breaker is open).</summary>
    public bool Paused => Volatile.Read(ref _openUntil) > _clock.GetTimestamp();

    public static RedisKey KeyFor(string customerId) => $"billing:balance:{customerId}";

    public async Task<CachedBalance?> GetAsync(string customerId)
    {
        var values = await CallAsync("read", "HMGET", db => db.HashGetAsync(KeyFor(customerId), ["v", "d", "b"]));
        if (values is null || values[0].IsNull || values[2].IsNull) return null;
        return new CachedBalance((long)values[0], values[1].ToString(), (byte[])values[2]!);
    }

    /// <summary>Stores a balance computed at <paramref name="version"/>; false when a newer one is there.</summary>
    public async Task<bool> StoreAsync(string customerId, CachedBalance balance)
    {
        var stored = await CallAsync("store", "EVALSHA", db => db.ScriptEvaluateAsync(StoreScript, [KeyFor(customerId)],
            [balance.Version, balance.Day, balance.Payload, (long)Ttl.TotalMilliseconds]));
        return stored is not null && (int)stored == 1;
    }

    /// <summary>Called after a ledger change commits at <paramref name="version"/>.</summary>
    public async Task InvalidateAsync(string customerId, long version) =>
        // Not reaching Redis (down, stalled or skipped) leaves the stale copy there, but it cannot be
        // served: reads compare its version with the database's.
        await CallAsync("invalidate", "EVALSHA", db => db.ScriptEvaluateAsync(InvalidateScript, [KeyFor(customerId)],
            [version, (long)Ttl.TotalMilliseconds]));

    /// <summary>One Redis command, or null when Redis is off, skipped, failing or too slow.</summary>
    private async Task<T?> CallAsync<T>(string operation, string command, Func<IDatabase, Task<T>> send) where T : class
    {
        if (redis is null || Paused) return null;
        using var call = DatabaseCalls.Start(RedisSystem, command);
        Task<T>? pending = null;
        try
        {
            pending = send(redis.GetDatabase());
            return await pending.WaitAsync(_options.CommandTimeout, _clock);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // A command given up on still ends in the client later; its failure then is not news.
            _ = pending?.ContinueWith(static t => t.Exception, TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously);
            Volatile.Write(ref _openUntil, _clock.GetTimestamp() + (long)(_options.BreakDuration.TotalSeconds * _clock.TimestampFrequency));
            Failed(call, ex, operation);
            return null;
        }
    }

    private void Failed(DatabaseCalls.Call call, Exception ex, string operation)
    {
        call.Fail(ex);
        metrics.CacheErrors.Add(1, new KeyValuePair<string, object?>("operation", operation));
        logger.LogWarning("Balance cache {Operation} failed, Redis skipped for {BreakDuration}: {Error}",
            operation, _options.BreakDuration, ex.Message);
    }
}
