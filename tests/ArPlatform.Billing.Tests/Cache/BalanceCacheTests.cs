using System.Diagnostics;
using System.Diagnostics.Metrics;
using ArPlatform.Billing.Balances;
using ArPlatform.Billing.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using StackExchange.Redis;

namespace ArPlatform.Billing.Tests.Cache;

[Collection(RedisCollection.Name)]
public sealed class BalanceCacheTests(RedisServer redis) : IAsyncLifetime
{
    private ConnectionMultiplexer _connection = null!;
    private BalanceCache _cache = null!;
    private readonly string _customer = Guid.NewGuid().ToString("N");

    public async Task InitializeAsync()
    {
        if (RedisServer.Executable is null) return;
        _connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        // A second per command: on a loaded test machine production's 50 ms is sometimes not enough for a
        // fresh server, and these tests are about what the cache stores, not how fast it answers.
        _cache = new BalanceCache(_connection, NullLogger<BalanceCache>.Instance, Metrics(), new BalanceCacheOptions { CommandTimeout = TimeSpan.FromSeconds(1) });
    }

    public async Task DisposeAsync()
    {
        if (_connection is not null) await _connection.DisposeAsync();
    }

    private static BillingMetrics Metrics() =>
        new(new ServiceCollection().AddMetrics().BuildServiceProvider().GetRequiredService<IMeterFactory>());

    private static CachedBalance Balance(long version, string day = "2026-11-30", byte payload = 1) => new(version, day, [payload]);

    [RedisFact]
    public async Task A_stored_balance_is_read_back_with_its_version()
    {
        Assert.True(await _cache.StoreAsync(_customer, Balance(3, payload: 42)));

        var cached = await _cache.GetAsync(_customer);
        Assert.NotNull(cached);
        Assert.Equal(3, cached.Version);
        Assert.Equal("2026-11-30", cached.Day);
        Assert.Equal([42], cached.Payload);
    }

    [RedisFact]
    public async Task A_stale_writer_cannot_put_an_older_balance_back()
    {
        await _cache.StoreAsync(_customer, Balance(5, payload: 5));

        Assert.False(await _cache.StoreAsync(_customer, Balance(4, payload: 4)));
        Assert.Equal([5], (await _cache.GetAsync(_customer))!.Payload);
    }

    [RedisFact]
    public async Task After_an_invalidation_only_a_balance_at_least_that_new_is_stored()
    {
        await _cache.StoreAsync(_customer, Balance(1));
        await _cache.InvalidateAsync(_customer, 2);
        Assert.Null(await _cache.GetAsync(_customer));

        // A reader that summed the ledger before the change committed comes back late.
        Assert.False(await _cache.StoreAsync(_customer, Balance(1)));
        Assert.Null(await _cache.GetAsync(_customer));

        Assert.True(await _cache.StoreAsync(_customer, Balance(2, payload: 2)));
        Assert.Equal([2], (await _cache.GetAsync(_customer))!.Payload);
    }

    [RedisFact]
    public async Task An_invalidation_older_than_the_cached_balance_changes_nothing()
    {
        await _cache.StoreAsync(_customer, Balance(7, payload: 7));
        await _cache.InvalidateAsync(_customer, 6);
        Assert.Equal(7, (await _cache.GetAsync(_customer))!.Version);
    }

    [RedisFact]
    public async Task A_new_day_replaces_a_balance_of_the_same_version()
    {
        // Overdue amounts move with the calendar even when the ledger does not.
        await _cache.StoreAsync(_customer, Balance(3, "2026-11-29", 1));
        Assert.True(await _cache.StoreAsync(_customer, Balance(3, "2026-11-30", 2)));
        Assert.False(await _cache.StoreAsync(_customer, Balance(3, "2026-11-29", 3)));
        Assert.Equal([2], (await _cache.GetAsync(_customer))!.Payload);
    }

    [RedisFact]
    public async Task Cached_balances_expire_on_their_own()
    {
        await _cache.StoreAsync(_customer, Balance(1));
        var ttl = await _connection.GetDatabase().KeyTimeToLiveAsync(BalanceCache.KeyFor(_customer));
        Assert.InRange(ttl!.Value, TimeSpan.FromHours(23), TimeSpan.FromDays(1));
    }

    [RedisFact]
    public async Task A_stalled_redis_is_a_miss_within_the_command_timeout_and_then_left_alone_until_the_break_ends()
    {
        var stalled = new RedisServer();
        await stalled.InitializeAsync();
        try
        {
            await using var connection = await ConnectionMultiplexer.ConnectAsync(stalled.ConnectionString);
            var clock = new SteppingClock();
            var options = new BalanceCacheOptions { CommandTimeout = TimeSpan.FromMilliseconds(50), BreakDuration = TimeSpan.FromMinutes(1) };
            var cache = new BalanceCache(connection, NullLogger<BalanceCache>.Instance, Metrics(), options, clock);
            // Seeded by a cache with time to spare: the first command to a fresh server (loading the
            // script) can take longer than 50 ms on a busy machine, and the seed is not what is tested.
            var seeding = new BalanceCache(connection, NullLogger<BalanceCache>.Instance, Metrics(),
                new BalanceCacheOptions { CommandTimeout = TimeSpan.FromSeconds(10) }, clock);
            Assert.True(await seeding.StoreAsync(_customer, Balance(1, payload: 1)));

            stalled.Pause();
            try
            {
                var elapsed = Stopwatch.StartNew();
                Assert.Null(await cache.GetAsync(_customer));
                // Generous for a shared machine; the client's own timeouts made this 1.4 s.
                Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
                Assert.True(cache.Paused);

                elapsed.Restart();
                Assert.False(await cache.StoreAsync(_customer, Balance(2)));
                await cache.InvalidateAsync(_customer, 3);
                Assert.Null(await cache.GetAsync(_customer));
                Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(100));
            }
            finally
            {
                stalled.Resume();
            }

            // Redis answers again, but the break is not over: still skipped.
            Assert.Null(await cache.GetAsync(_customer));
            clock.Advance(options.BreakDuration);
            Assert.False(cache.Paused);
            // What was skipped never reached Redis: the copy there is still version 1.
            Assert.Equal(1, (await cache.GetAsync(_customer))!.Version);
        }
        finally
        {
            await stalled.DisposeAsync();
        }
    }

    /// <summary>Real timers, and a monotonic clock that can be moved on.</summary>
    private sealed class SteppingClock : TimeProvider
    {
        private long _offset;
        public override long GetTimestamp() => base.GetTimestamp() + Interlocked.Read(ref _offset);
        public void Advance(TimeSpan by) => Interlocked.Add(ref _offset, (long)(by.TotalSeconds * TimestampFrequency));
    }

    [Fact]
    public async Task With_redis_unreachable_every_operation_is_a_quiet_miss()
    {
        var options = ConfigurationOptions.Parse($"127.0.0.1:{RedisServer.FreePort()}");
        options.AbortOnConnectFail = false;
        options.ConnectTimeout = 200;
        await using var down = await ConnectionMultiplexer.ConnectAsync(options);
        var cache = new BalanceCache(down, NullLogger<BalanceCache>.Instance, Metrics());

        Assert.Null(await cache.GetAsync(_customer));
        Assert.False(await cache.StoreAsync(_customer, Balance(1)));
        await cache.InvalidateAsync(_customer, 2);
    }
}
