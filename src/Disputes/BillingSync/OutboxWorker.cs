using ArPlatform.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace ArPlatform.Disputes.BillingSync;

/// <summary>
/// Re-drives the outbox: whatever a crash, an outage of Billing or a failed first attempt left
/// undelivered goes out on the next pass.
/// </summary>
public sealed class OutboxWorker(BillingOutboxDispatcher dispatcher, IOptions<OutboxOptions> options, ILogger<OutboxWorker> logger)
    : PeriodicWorker(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task RunOnceAsync(CancellationToken ct) => dispatcher.DeliverDueAsync(ct);
}
