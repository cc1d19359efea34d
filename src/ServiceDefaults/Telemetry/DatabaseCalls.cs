using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace ArPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Every call a service makes to its database or to Redis, as OpenTelemetry's database
/// conventions describe it: a client span (a child of the RPC that made it, so one trace runs
/// from the gateway to the SQL) and the <c>db.client.operation.duration</c> histogram, by system
/// and operation — the numbers an SRE reads when an RPC is slow and wants to know whether the
/// time went to the store.
/// </summary>
public static class DatabaseCalls
{
    public const string SourceName = TelemetryRegistration.SourcePrefix + "Database";

    private static readonly ActivitySource Source = new(SourceName);
    private static readonly Meter Meter = new(SourceName);
    private static readonly Histogram<double> Duration = Meter.CreateHistogram(
        "db.client.operation.duration", unit: "s",
        description: "Duration of calls to the service's database and to Redis, by db.system.name and db.operation.name.",
        advice: new InstrumentAdvice<double> { HistogramBucketBoundaries = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10] });

    /// <summary>Starts timing one call; dispose the result when the call has ended.</summary>
    public static Call Start(string system, string operation, string? queryText = null)
    {
        var activity = Source.StartActivity($"{operation} {system}", ActivityKind.Client);
        if (activity is not null)
        {
            activity.SetTag("db.system.name", system);
            activity.SetTag("db.operation.name", operation);
            if (queryText is not null) activity.SetTag("db.query.text", queryText);
        }
        return new Call(system, operation, activity, Stopwatch.GetTimestamp());
    }

    public sealed class Call(string system, string operation, Activity? activity, long started) : IDisposable
    {
        /// <summary>Marks the call failed (its span in error, its duration tagged with the error type).</summary>
        public void Fail(Exception error)
        {
            _error = error.GetType().Name;
            activity?.SetStatus(ActivityStatusCode.Error, error.Message);
        }

        private string? _error;

        /// <summary>For a statement run for many rows at once: how many (<c>db.operation.batch.size</c>).</summary>
        public void Rows(int count) => activity?.SetTag("db.operation.batch.size", count);

        public void Dispose()
        {
            var tags = new TagList { { "db.system.name", system }, { "db.operation.name", operation } };
            if (_error is not null) tags.Add("error.type", _error);
            Duration.Record(Stopwatch.GetElapsedTime(started).TotalSeconds, tags);
            activity?.Dispose();
        }
    }
}
