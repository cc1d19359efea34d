using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace ArPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Reads what a service's SRE gauges show from its database every <c>{section}:MetricsRefreshSeconds</c>
/// (15 by default; 0 turns it off), so a scrape reports the latest counts and never waits on the
/// database. <see cref="RefreshAsync(CancellationToken)"/> is public for tests.
/// </summary>
public abstract class GaugeRefresher<TContext>(IServiceScopeFactory scopes, IConfiguration configuration, string section, ILogger logger)
    : PeriodicWorker(logger)
    where TContext : DbContext
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(configuration.GetValue($"{section}:MetricsRefreshSeconds", 15));

    protected override Task RunOnceAsync(CancellationToken ct) => RefreshAsync(ct);

    public async Task RefreshAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        await RefreshAsync(scope.ServiceProvider.GetRequiredService<TContext>(), ct);
    }

    protected abstract Task RefreshAsync(TContext db, CancellationToken ct);
}
