using System.Runtime;

namespace ArPlatform.CashApplication.Imports;

/// <summary>
/// Gives memory back once large imports are over. A file sent whole sits in buffers on the
/// large-object heap, and the server garbage collector keeps what it grew to for the next peak:
/// six parallel 20 MiB uploads left the service at twice its size for good. When the last large
/// import in flight is done, a compacting collection returns what the requests held, once they
/// have been let go; and another once the shared array pool (where JSON transcoding rents the
/// body's buffers, and keeps them for a minute after their last use) has let its buffers go.
/// </summary>
public sealed class LargeImports(TimeProvider clock)
{
    /// <summary>From this size a file's buffers are worth a collection of their own.</summary>
    public const long Bytes = 8 * 1024 * 1024;

    /// <summary>Long enough for the request that carried the file to be answered and dropped …</summary>
    private static readonly TimeSpan Settle = TimeSpan.FromSeconds(1);

    /// <summary>… and for ArrayPool.Shared to count its buffers unused (it trims those idle for a minute at a full collection).</summary>
    private static readonly TimeSpan PoolIdle = TimeSpan.FromSeconds(65);

    private int _inFlight;

    /// <summary>Counts an import of <paramref name="size"/> bytes in flight until disposed.</summary>
    public IDisposable Track(long size)
    {
        if (size < Bytes) return NotTracked.Instance;
        Interlocked.Increment(ref _inFlight);
        return new Tracked(this);
    }

    private int _collections;

    /// <summary>How many collections gave memory back (two per burst of large imports, not per import).</summary>
    public int Collections => Volatile.Read(ref _collections);

    private void Done()
    {
        if (Interlocked.Decrement(ref _inFlight) != 0) return;
        CollectAfter(Settle);
        CollectAfter(PoolIdle);
    }

    private void CollectAfter(TimeSpan delay) =>
        _ = Task.Delay(delay, clock).ContinueWith(_ =>
        {
            // A large import started since: its own end collects.
            if (Volatile.Read(ref _inFlight) != 0) return;
            GCSettings.LargeObjectHeapCompactionMode = GCLargeObjectHeapCompactionMode.CompactOnce;
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
            Interlocked.Increment(ref _collections);
        }, TaskScheduler.Default);

    private sealed class Tracked(LargeImports owner) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) owner.Done();
        }
    }

    private sealed class NotTracked : IDisposable
    {
        public static readonly NotTracked Instance = new();
        public void Dispose() { }
    }
}
