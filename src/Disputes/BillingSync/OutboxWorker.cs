using Microsoft.Extensions.Options;

namespace ArPlatform.Disputes.BillingSync;

/// <summary>
/// Re-drives the outbox: whatever a crash, an outage of Billing or a failed first attempt left
/// undelivered goes out on the next pass.
/// </summary>
public sealed class OutboxWorker(BillingOutboxDispatcher dispatcher, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (options.Value.PollSeconds <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(options.Value.PollSeconds));
        do
        {
            try
            {
                await dispatcher.DeliverDueAsync(stoppingToken);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // The database itself failing: log and try again next pass, the worker must outlive it.
                logger.LogError(e, "Outbox pass failed");
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
