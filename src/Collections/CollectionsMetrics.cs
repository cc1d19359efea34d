using System.Diagnostics.Metrics;

namespace ArPlatform.Collections;

/// <summary>The Collections service's own instruments (meter "ArPlatform.Collections").</summary>
public sealed class CollectionsMetrics
{
    public const string MeterName = "ArPlatform.Collections";

    public CollectionsMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        DunningActions = meter.CreateCounter<long>("ar.collections.dunning.actions", description: "Dunning steps taken, by step and channel.");
        DunningRuns = meter.CreateCounter<long>("ar.collections.dunning.runs", description: "Dunning runs that wrote their decisions, by outcome (completed, failed) and trigger (schedule, request).");
        DunningRunSeconds = meter.CreateHistogram<double>("ar.collections.dunning.run.duration", unit: "s", description: "Duration of dunning runs.");
        MailSent = meter.CreateCounter<long>("ar.collections.mail.sent", description: "E-mails the SMTP server accepted, by kind (dunning, statement).");
        CreditHolds = meter.CreateCounter<long>("ar.collections.credit.holds", description: "Credit holds placed, by reason.");
        WriteOffsPosted = meter.CreateCounter<long>("ar.collections.writeoffs.posted", description: "Approved write-offs Billing posted.");
        _outboxRetries = meter.CreateCounter<long>("ar.collections.outbox.retries",
            description: "Deliveries that failed and will be retried, by outbox (mail: to the SMTP server; writeoff: to Billing).");
        _agentReceived = meter.CreateCounter<long>("ar.collections.agent.received", description: "Customers' mails the reply agent took, by intent and disposition (drafted, escalated, ignored).");
        _agentDecisions = meter.CreateCounter<long>("ar.collections.agent.decisions", description: "Reply drafts decided by a person, by intent and decision (approved, edited, rejected).");
        meter.CreateObservableGauge("ar.collections.mail.pending", () => _snapshot.MailPending, description: "E-mails waiting to be accepted by the SMTP server.");
        meter.CreateObservableGauge("ar.collections.mail.failed", () => _snapshot.MailFailed, description: "E-mails given up on after the last attempt.");
        meter.CreateObservableGauge("ar.collections.writeoffs.awaiting_posting", () => _snapshot.WriteOffsAwaitingPosting,
            description: "Approved write-offs Billing has not yet posted.");
    }

    private volatile CollectionsSnapshot _snapshot = new(0, 0, 0);

    /// <summary>The latest counts (read by <see cref="CollectionsGaugeRefresher"/>); gauges report them on every scrape.</summary>
    public void Update(CollectionsSnapshot snapshot) => _snapshot = snapshot;

    public void Retry(string outbox) => _outboxRetries.Add(1, new KeyValuePair<string, object?>("outbox", outbox));

    public void MailReceived(string intent, string disposition) =>
        _agentReceived.Add(1, new KeyValuePair<string, object?>("intent", intent), new KeyValuePair<string, object?>("disposition", disposition.ToUpperInvariant()));

    public void DraftDecided(string intent, string decision) =>
        _agentDecisions.Add(1, new KeyValuePair<string, object?>("intent", intent), new KeyValuePair<string, object?>("decision", decision));

    public Counter<long> DunningActions { get; }
    public Counter<long> DunningRuns { get; }
    public Histogram<double> DunningRunSeconds { get; }
    public Counter<long> MailSent { get; }
    public Counter<long> CreditHolds { get; }
    public Counter<long> WriteOffsPosted { get; }
    private readonly Counter<long> _outboxRetries;
    private readonly Counter<long> _agentReceived;
    private readonly Counter<long> _agentDecisions;
}

public sealed record CollectionsSnapshot(long MailPending, long MailFailed, long WriteOffsAwaitingPosting);
