namespace ArPlatform.AppHost.Dashboard;

/// <summary>
/// A service's RED numbers between two scrapes of its <c>/metrics</c>: requests per second, the
/// share that failed, and the 99th percentile duration — from ASP.NET Core's
/// <c>http_server_request_duration_seconds</c>, as Prometheus' alert rules read them.
/// </summary>
public sealed record RedFigures(double RequestsPerSecond, double ErrorRatio, double? P99Seconds)
{
    private const string Histogram = "http_server_request_duration_seconds";

    // Probes and scrapes (the dashboard's own among them) are not the service's work.
    private static readonly HashSet<string> Plumbing = new(StringComparer.Ordinal) { "/health", "/alive", "/metrics" };

    // As ArRpcErrorRatioHigh (ops/prometheus/alerts.yml): gRPC UNKNOWN, DEADLINE_EXCEEDED,
    // INTERNAL, UNAVAILABLE, DATA_LOSS, or HTTP 5xx. A caller's mistake is not the service failing.
    private static readonly HashSet<string> ServerFailures = new(StringComparer.Ordinal) { "2", "4", "13", "14", "15" };

    public static RedFigures Between(IReadOnlyList<Sample> before, IReadOnlyList<Sample> after, TimeSpan elapsed)
    {
        var previous = before.Where(IsWork).ToDictionary(s => s.Series, s => s.Value);
        double Increase(Sample s) =>
            previous.TryGetValue(s.Series, out var earlier) && s.Value >= earlier ? s.Value - earlier : s.Value; // a reset starts from 0

        var counts = after.Where(s => s.Name == Histogram + "_count" && IsWork(s)).ToList();
        var requests = counts.Sum(Increase);
        var failures = counts.Where(IsFailure).Sum(Increase);
        var buckets = after.Where(s => s.Name == Histogram + "_bucket" && IsWork(s))
            .GroupBy(s => PrometheusText.ParseValue(s.Label("le")))
            .Select(g => (UpperBound: g.Key, Count: g.Sum(Increase)))
            .OrderBy(b => b.UpperBound)
            .ToList();
        return new RedFigures(
            elapsed > TimeSpan.Zero ? requests / elapsed.TotalSeconds : 0,
            requests > 0 ? failures / requests : 0,
            Quantile(0.99, buckets));
    }

    private static bool IsWork(Sample s) => !Plumbing.Contains(s.Label("http_route"));

    private static bool IsFailure(Sample s) =>
        ServerFailures.Contains(s.Label("grpc_status")) || s.Label("http_response_status_code").StartsWith('5');

    /// <summary>
    /// As PromQL's histogram_quantile: the bucket holding the rank, linear within it; the highest
    /// finite bound when the rank falls in +Inf; null without observations.
    /// </summary>
    internal static double? Quantile(double q, IReadOnlyList<(double UpperBound, double Count)> cumulative)
    {
        if (cumulative.Count == 0 || cumulative[^1].Count <= 0) return null;
        var rank = q * cumulative[^1].Count;
        var (lowerBound, lowerCount) = (0d, 0d);
        foreach (var (upperBound, count) in cumulative)
        {
            if (count >= rank)
            {
                if (double.IsPositiveInfinity(upperBound)) return lowerBound;
                return count == lowerCount ? upperBound : lowerBound + (upperBound - lowerBound) * (rank - lowerCount) / (count - lowerCount);
            }
            (lowerBound, lowerCount) = (upperBound, count);
        }
        return lowerBound;
    }
}
