using System.Diagnostics.Metrics;

namespace ArPlatform.Billing.Balances;

/// <summary>Billing's own instruments (meter "ArPlatform.Billing").</summary>
public sealed class BillingMetrics
{
    public const string MeterName = "ArPlatform.Billing";

    public BillingMetrics(IMeterFactory meters)
    {
        var meter = meters.Create(MeterName);
        BalanceReads = meter.CreateCounter<long>("ar.billing.balance.reads", description: "Account balance reads, by source (cache or database).");
        CacheErrors = meter.CreateCounter<long>("ar.billing.balance.cache_errors", description: "Redis operations that failed and fell back to the database.");
        InvoicesIssued = meter.CreateCounter<long>("ar.billing.invoices.issued", description: "Invoices issued.");
        AmountBilled = meter.CreateCounter<decimal>("ar.billing.amount.billed", description: "Total of issued invoices, by currency.");
    }

    public Counter<long> BalanceReads { get; }
    public Counter<long> CacheErrors { get; }
    public Counter<long> InvoicesIssued { get; }
    public Counter<decimal> AmountBilled { get; }
}
