using Microsoft.Extensions.Diagnostics.HealthChecks;
using StackExchange.Redis;

namespace ArPlatform.Billing.Balances;

public static class RedisRegistration
{
    /// <summary>
    /// Connects to Redis when <c>ConnectionStrings:redis</c> is set (Aspire's name for it). The
    /// connection never blocks start-up and never fails a call: short timeouts (the cache's own,
    /// <see cref="BalanceCacheOptions"/>, are far shorter than the client's), background
    /// reconnects, and /health reports Degraded while Redis is away.
    /// </summary>
    public static IHostApplicationBuilder AddBalanceCache(this IHostApplicationBuilder builder)
    {
        var connectionString = builder.Configuration.GetConnectionString("redis");
        if (!string.IsNullOrWhiteSpace(connectionString))
        {
            var options = ConfigurationOptions.Parse(connectionString);
            options.AbortOnConnectFail = false;
            options.ConnectTimeout = 1000;
            options.SyncTimeout = 500;
            options.AsyncTimeout = 500;
            options.ConnectRetry = 1;
            builder.Services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(options));
        }
        var cacheOptions = builder.Configuration.GetSection(BalanceCacheOptions.Section).Get<BalanceCacheOptions>() ?? new BalanceCacheOptions();
        builder.Services.AddSingleton(sp => new BalanceCache(
            sp.GetService<IConnectionMultiplexer>(), sp.GetRequiredService<ILogger<BalanceCache>>(),
            sp.GetRequiredService<BillingMetrics>(), cacheOptions, sp.GetRequiredService<TimeProvider>()));
        builder.Services.AddHealthChecks().AddCheck<RedisHealthCheck>("redis", tags: ["ready"]);
        return builder;
    }
}

/// <summary>Degraded, never Unhealthy: without Redis balances are summed from the database.</summary>
internal sealed class RedisHealthCheck(IServiceProvider services) : IHealthCheck
{
    public async Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var redis = services.GetService<IConnectionMultiplexer>();
        if (redis is null) return HealthCheckResult.Degraded("Redis is not configured; balances are read from the database.");
        try
        {
            var latency = await redis.GetDatabase().PingAsync();
            return HealthCheckResult.Healthy($"PING {latency.TotalMilliseconds:0.0} ms");
        }
        catch (Exception ex) when (ex is RedisException or TimeoutException)
        {
            return HealthCheckResult.Degraded("Redis is unreachable; balances are read from the database.", ex);
        }
    }
}
