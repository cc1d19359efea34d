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
                         "match (the engine), commit (applications written), deliver (carried out in Billing and Disputes; billing_call is the part spent waiting on Billing for first applications, follow_up the deductions, reversals and retries carried out one by one).");
        meter.CreateObservableGauge("ar.cashapp.unapplied.payments", () => new[]
            {
                new Measurement<long>(_snapshot.Cash.Count, Age("all")),
                new Measurement<long>(_snapshot.Cash.AgedCount, Age("over_7d")),
            },
            description: "Payments waiting to be placed (unapplied or partly applied); age=over_7d those booked more than 7 days ago.");
        meter.CreateObservableGauge("ar.cashapp.unapplied.amount", () =>
                _snapshot.Cash.Amounts.Select(a => new Measurement<double>((double)a.Value, Age("all"), Currency(a.Key)))
                    .Concat(_snapshot.Cash.AgedAmounts.Select(a => new Measurement<double>((double)a.Value, Age("over_7d"), Currency(a.Key)))),
            description: "Cash waiting to be placed, by currency (a gauge for charts; GetCashApplicationMetrics has the exact amounts).");
        meter.CreateObservableGauge("ar.cashapp.unapplied.oldest_age", () => _snapshot.OldestAgeDays, unit: "d",
            description: "Age in days of the oldest payment waiting to be placed (0 when none waits).");
        meter.CreateObservableGauge("ar.cashapp.applications.pending", () => _snapshot.ApplicationsPending,
            description: "Applications committed here and not yet carried out in Billing (the outbox the dispatch worker re-drives).");
        meter.CreateObservableGauge("ar.cashapp.applications.failed", () => _snapshot.ApplicationsFailed,
            description: "Applications Billing refused for good.");
    }

    private volatile CashApplicationSnapshot _snapshot = CashApplicationSnapshot.Empty;

    /// <summary>The latest counts (read by <see cref="CashApplicationGaugeRefresher"/>); gauges report them on every scrape.</summary>
    public void Update(CashApplicationSnapshot snapshot) => _snapshot = snapshot;

    private static KeyValuePair<string, object?> Age(string age) => new("age", age);
    private static KeyValuePair<string, object?> Currency(string currency) => new("currency", currency);

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

public sealed record CashApplicationSnapshot(UnappliedCash Cash, long OldestAgeDays, long ApplicationsPending, long ApplicationsFailed)
{
    public static readonly CashApplicationSnapshot Empty = new(
        new UnappliedCash(0, new Dictionary<string, decimal>(), 0, new Dictionary<string, decimal>(), null), 0, 0, 0);
}
