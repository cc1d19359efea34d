using System.Diagnostics.Metrics;

namespace ArPlatform.Disputes;

/// <summary>The Disputes service's own instruments (meter "ArPlatform.Disputes").</summary>
public sealed class DisputesMetrics
{
    public const string MeterName = "ArPlatform.Disputes";

    public DisputesMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        Opened = meter.CreateCounter<long>("ar.disputes.opened", description: "Dispute cases opened, by reason and source.");
        Resolved = meter.CreateCounter<long>("ar.disputes.resolved", description: "Dispute cases resolved, by outcome.");
        Escalated = meter.CreateCounter<long>("ar.disputes.escalated", description: "Escalations of cases past their SLA.");
        OutboxRetries = meter.CreateCounter<long>("ar.disputes.outbox.retries", description: "Deliveries to Billing that failed and will be retried.");
    }

    public Counter<long> Opened { get; }
    public Counter<long> Resolved { get; }
    public Counter<long> Escalated { get; }
    public Counter<long> OutboxRetries { get; }
}
