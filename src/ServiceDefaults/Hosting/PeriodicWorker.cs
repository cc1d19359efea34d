using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ArPlatform.ServiceDefaults.Hosting;

/// <summary>
/// Work a service repeats on a timer (re-driving an outbox, escalating, refreshing gauges): a
/// pass at start-up, then one per interval. A failed pass is logged and the next tick tries
/// again — the worker must outlive a database or a peer being away.
/// </summary>
public abstract class PeriodicWorker(ILogger logger) : BackgroundService
{
    /// <summary>Time between passes; zero or less turns the worker off.</summary>
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken ct);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (Interval <= TimeSpan.Zero) return;
        using var timer = new PeriodicTimer(Interval);
        do
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "A pass of {Worker} failed; the next tick tries again", GetType().Name);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
