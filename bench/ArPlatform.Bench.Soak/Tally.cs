using System.Collections.Concurrent;
using System.Diagnostics;
using Grpc.Core;

namespace ArPlatform.Bench.Soak;

/// <summary>
/// Per operation: latencies of the calls that answered, refusals the platform is right to give
/// (the invoice was paid by a concurrent call: FAILED_PRECONDITION, ABORTED), and errors it should
/// never give (anything else).
/// </summary>
public sealed class Tally
{
    private readonly ConcurrentDictionary<string, Operation> _operations = new(StringComparer.Ordinal);

    public sealed class Operation
    {
        public ConcurrentBag<long> Latencies { get; } = [];
        public int Refused;
        public ConcurrentDictionary<StatusCode, int> Errors { get; } = new();
    }

    public async Task TimeAsync(string name, Func<Task> call)
    {
        var operation = _operations.GetOrAdd(name, _ => new Operation());
        var start = Stopwatch.GetTimestamp();
        try
        {
            await call();
            operation.Latencies.Add(Stopwatch.GetTimestamp() - start);
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.FailedPrecondition or StatusCode.Aborted)
        {
            Interlocked.Increment(ref operation.Refused);
        }
        catch (RpcException e)
        {
            operation.Errors.AddOrUpdate(e.StatusCode, 1, (_, n) => n + 1);
        }
    }

    public IEnumerable<(string Name, Operation Operation)> Operations => _operations.OrderBy(o => o.Key, StringComparer.Ordinal).Select(o => (o.Key, o.Value));

    public static double Millis(long[] sorted, double quantile) =>
        sorted.Length == 0 ? 0 : sorted[(int)Math.Min(sorted.Length - 1, quantile * sorted.Length)] * 1000.0 / Stopwatch.Frequency;
}
