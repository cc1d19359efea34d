using ArPlatform.ServiceDefaults.Telemetry;
using StackExchange.Redis;

namespace ArPlatform.Billing.Balances;

/// <summary>A balance as cached: the customer's balance version and the day it was computed for.</summary>
public sealed record CachedBalance(long Version, string Day, byte[] Payload);

/// <summary>
/// Redis copy of account balances. Every operation is best effort: Redis down or slow means a
/// miss, never a failed call. Writes are conditional on the customer's balance version (a Lua
/// script, atomic in Redis), so a reader that computed an older balance can never put it back
/// over a newer one or over an invalidation.
/// </summary>
public sealed class BalanceCache(IConnectionMultiplexer? redis, ILogger<BalanceCache> logger, BillingMetrics metrics)
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

    public bool Enabled => redis is not null;

    public static RedisKey KeyFor(string customerId) => $"billing:balance:{customerId}";

    public async Task<CachedBalance?> GetAsync(string customerId)
    {
        if (redis is null) return null;
        using var call = DatabaseCalls.Start(RedisSystem, "HMGET");
        try
        {
            var values = await redis.GetDatabase().HashGetAsync(KeyFor(customerId), ["v", "d", "b"]);
            if (values[0].IsNull || values[2].IsNull) return null;
            return new CachedBalance((long)values[0], values[1].ToString(), (byte[])values[2]!);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Failed(call, ex, "read");
            return null;
        }
    }

    /// <summary>Stores a balance computed at <paramref name="version"/>; false when a newer one is there.</summary>
    public async Task<bool> StoreAsync(string customerId, CachedBalance balance)
    {
        if (redis is null) return false;
        using var call = DatabaseCalls.Start(RedisSystem, "EVALSHA");
        try
        {
            var stored = await redis.GetDatabase().ScriptEvaluateAsync(StoreScript, [KeyFor(customerId)],
                [balance.Version, balance.Day, balance.Payload, (long)Ttl.TotalMilliseconds]);
            return (int)stored == 1;
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            Failed(call, ex, "store");
            return false;
        }
    }

    /// <summary>Called after a ledger change commits at <paramref name="version"/>.</summary>
    public async Task InvalidateAsync(string customerId, long version)
    {
        if (redis is null) return;
        using var call = DatabaseCalls.Start(RedisSystem, "EVALSHA");
        try
        {
            await redis.GetDatabase().ScriptEvaluateAsync(InvalidateScript, [KeyFor(customerId)],
                [version, (long)Ttl.TotalMilliseconds]);
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            // The stale copy cannot be served: reads compare its version with the database's.
            Failed(call, ex, "invalidate");
        }
    }

    private void Failed(DatabaseCalls.Call call, Exception ex, string operation)
    {
        call.Fail(ex);
        metrics.CacheErrors.Add(1, new KeyValuePair<string, object?>("operation", operation));
        logger.LogWarning("Balance cache {Operation} failed: {Error}", operation, ex.Message);
    }
}
