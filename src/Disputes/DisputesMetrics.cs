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
        meter.CreateObservableGauge("ar.disputes.unresolved", () => _snapshot.Unresolved, description: "Cases not yet decided.");
        meter.CreateObservableGauge("ar.disputes.overdue", () => _snapshot.Overdue, description: "Undecided cases past their SLA due date.");
        meter.CreateObservableGauge("ar.disputes.outbox.pending", () => _snapshot.OutboxPending, description: "Changes for Billing not yet delivered.");
        meter.CreateObservableGauge("ar.disputes.outbox.failed", () => _snapshot.OutboxFailed, description: "Changes Billing refused for good.");
    }

    private volatile DisputesSnapshot _snapshot = new(0, 0, 0, 0);

    /// <summary>The latest counts (read by <see cref="DisputesGaugeRefresher"/>); gauges report them on every scrape.</summary>
    public void Update(DisputesSnapshot snapshot) => _snapshot = snapshot;

    public Counter<long> Opened { get; }
    public Counter<long> Resolved { get; }
    public Counter<long> Escalated { get; }
    public Counter<long> OutboxRetries { get; }
}

public sealed record DisputesSnapshot(long Unresolved, long Overdue, long OutboxPending, long OutboxFailed);
