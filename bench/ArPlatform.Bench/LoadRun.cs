using System.Diagnostics;

namespace ArPlatform.Bench;

public sealed record LoadResult(string Name, int Concurrency, long Requests, double Seconds, double P50Micros, double P99Micros)
{
    public double RequestsPerSecond => Requests / Seconds;
}

/// <summary>
/// A closed-loop load: <c>concurrency</c> callers each issue the next call as soon as the last
/// returns, for a fixed time after a warm-up. Latencies are kept per call, so percentiles are exact.
/// </summary>
public static class LoadRun
{
    public static async Task<LoadResult> RunAsync(string name, int concurrency, TimeSpan duration, Func<Task> call)
    {
        var warmUpEnd = DateTime.UtcNow.AddSeconds(1);
        while (DateTime.UtcNow < warmUpEnd) await call();

        var latencies = new List<long>[concurrency];
        var stopwatch = Stopwatch.StartNew();
        var end = stopwatch.Elapsed + duration;
        await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async worker =>
        {
            var mine = latencies[worker] = new List<long>(100_000);
            while (stopwatch.Elapsed < end)
            {
                var start = Stopwatch.GetTimestamp();
                await call();
                mine.Add(Stopwatch.GetTimestamp() - start);
            }
        }));
        var seconds = stopwatch.Elapsed.TotalSeconds;
        var all = latencies.SelectMany(l => l).Order().ToArray();
        return new LoadResult(name, concurrency, all.Length, seconds, Micros(all, 0.50), Micros(all, 0.99));
    }

    private static double Micros(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, quantile * sorted.Length)] * 1_000_000.0 / Stopwatch.Frequency;
}
