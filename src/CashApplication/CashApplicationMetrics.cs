using System.Diagnostics.Metrics;
using ArPlatform.CashApplication.Applications;

namespace ArPlatform.CashApplication;

/// <summary>The CashApplication service's own instruments (meter "ArPlatform.CashApplication").</summary>
public sealed class CashApplicationMetrics
{
    public const string MeterName = "ArPlatform.CashApplication";
    private readonly Counter<long> _delivered;
    private readonly Histogram<double> _stages;

    public CashApplicationMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        PaymentsImported = meter.CreateCounter<long>("ar.cashapp.payments.imported", description: "Payments created from bank files and by API.");
        AutoApplied = meter.CreateCounter<long>("ar.cashapp.payments.auto_applied", description: "Payments the matching engine applied without a person.");
        LeftForPeople = meter.CreateCounter<long>("ar.cashapp.payments.exceptions", description: "Payments the matching engine left in the exceptions queue.");
        DispatchRetries = meter.CreateCounter<long>("ar.cashapp.dispatch.retries", description: "Deliveries to Billing or Disputes that failed and will be retried.");
        _delivered = meter.CreateCounter<long>("ar.cashapp.applications.delivered", description: "Applications carried out in Billing, by outcome.");
        _stages = meter.CreateHistogram<double>("ar.cashapp.stage.duration", unit: "s",
            description: "Time spent per stage of cash application: store (parse and write a file), read_billing (open invoices and customers), " +
                         "match (the engine), commit (applications written), deliver (carried out in Billing and Disputes; billing_call is the part spent waiting on Billing).");
    }

    public void Stage(string stage, TimeSpan elapsed) =>
        _stages.Record(elapsed.TotalSeconds, new KeyValuePair<string, object?>("stage", stage));

    public Counter<long> PaymentsImported { get; }
    public Counter<long> AutoApplied { get; }
    public Counter<long> LeftForPeople { get; }
    public Counter<long> DispatchRetries { get; }

    public void Delivered(DeliveryOutcome outcome)
    {
        if (outcome != DeliveryOutcome.None)
            _delivered.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString().ToLowerInvariant()));
    }
}
