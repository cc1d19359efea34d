using System.Diagnostics;
using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.Bench.Fuzz;

/// <summary>What a run found: every input parsed, or refused as a format error with its line; anything else is a crash.</summary>
public sealed record FuzzReport(long Inputs, long Parsed, long Refused, IReadOnlyList<Crash> Crashes, Crash? Hang, TimeSpan Elapsed)
{
    public long CrashCount => Crashes.Sum(c => c.Count);
}

/// <summary>One way a parser failed other than a format error: the exception, where it was thrown, how often, and the first input that did it.</summary>
public sealed record Crash(string Kind, string Where, string Seed, byte[] Input, int Count);

/// <summary>
/// Feeds mutated seeds to <see cref="BankFileReader"/> — half read as the seed's format, half
/// with the format detected — until the count or the time is spent. Each input is read to its
/// end on a worker thread; one that takes longer than the hang limit stops the run.
/// </summary>
public static class FuzzRun
{
    public static FuzzReport Run(IReadOnlyList<Seed> seeds, long inputs, TimeSpan budget, int seed, TimeSpan hangLimit)
    {
        if (seeds.Count == 0) throw new ArgumentException("no seeds to mutate", nameof(seeds));
        var mutator = new Mutator(seed);
        var random = new Random(seed);
        var crashes = new Dictionary<(string, string), Crash>();
        var (parsed, refused, tried) = (0L, 0L, 0L);
        var clock = Stopwatch.StartNew();
        using var worker = new Worker();
        while (tried < inputs && clock.Elapsed < budget)
        {
            var origin = seeds[random.Next(seeds.Count)];
            var input = mutator.Mutate(origin.Content, seeds);
            BankFileFormat? format = random.Next(2) == 0 ? origin.Format : null;
            tried++;
            var outcome = worker.Read(input, format, hangLimit);
            switch (outcome)
            {
                case null:
                    return new FuzzReport(tried, parsed, refused, [.. crashes.Values], new Crash("hang", $"over {hangLimit.TotalSeconds:0} s", origin.Name, input, 1), clock.Elapsed);
                case { Error: null }:
                    parsed++;
                    break;
                case { Error: BankFileFormatException { LineNumber: >= 1 } }:
                    refused++;
                    break;
                case { Error: { } error }:
                    var key = (error.GetType().Name, Where(error));
                    crashes[key] = crashes.TryGetValue(key, out var known)
                        ? known with { Count = known.Count + 1 }
                        : new Crash(error is BankFileFormatException bad ? $"format error without a line ({bad.LineNumber})" : error.GetType().Name, key.Item2, origin.Name, input, 1);
                    break;
            }
        }
        return new FuzzReport(tried, parsed, refused, [.. crashes.Values], null, clock.Elapsed);
    }

    /// <summary>The first frame in our code, where the exception escaped from.</summary>
    private static string Where(Exception error) =>
        new StackTrace(error, false).GetFrames().Select(f => f.GetMethod()).Where(m => m?.DeclaringType?.Namespace?.StartsWith("ArPlatform", StringComparison.Ordinal) == true)
            .Select(m => $"{m!.DeclaringType!.Name}.{m.Name}").FirstOrDefault() ?? error.TargetSite?.Name ?? "?";

    private sealed record Outcome(Exception? Error);

    /// <summary>One background thread reading inputs, so that an input that never finishes can be told apart and left behind.</summary>
    private sealed class Worker : IDisposable
    {
        private readonly BlockingQueue _work = new();

        public Outcome? Read(byte[] input, BankFileFormat? format, TimeSpan limit)
        {
            var done = new TaskCompletionSource<Outcome>(TaskCreationOptions.RunContinuationsAsynchronously);
            _work.Add(() =>
            {
                try
                {
                    using var stream = new MemoryStream(input, writable: false);
                    var (_, transactions) = BankFileReader.Read(stream, format);
                    foreach (var _ in transactions) { }
                    done.SetResult(new Outcome(null));
                }
                catch (Exception e)
                {
                    done.SetResult(new Outcome(e));
                }
            });
            return done.Task.Wait(limit) ? done.Task.Result : null;
        }

        public void Dispose() => _work.Complete();
    }

    private sealed class BlockingQueue
    {
        private readonly System.Collections.Concurrent.BlockingCollection<Action> _items = new();

        public BlockingQueue()
        {
            new Thread(() => { foreach (var item in _items.GetConsumingEnumerable()) item(); }) { IsBackground = true, Name = "fuzz-reader" }.Start();
        }

        public void Add(Action item) => _items.Add(item);

        public void Complete() => _items.CompleteAdding();
    }
}
