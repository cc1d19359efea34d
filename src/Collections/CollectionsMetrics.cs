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
    }

    public Counter<long> DunningActions { get; }
    public Counter<long> DunningRuns { get; }
    public Histogram<double> DunningRunSeconds { get; }
    public Counter<long> MailSent { get; }
    public Counter<long> CreditHolds { get; }
    public Counter<long> WriteOffsPosted { get; }
}
