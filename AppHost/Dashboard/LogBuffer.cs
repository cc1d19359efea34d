namespace ArPlatform.AppHost.Dashboard;

/// <summary>One console line of a resource, numbered so a reader can ask for what came after it.</summary>
public sealed record LogLine(long Sequence, DateTimeOffset At, string Text);

/// <summary>
/// The latest console lines of every resource (<see cref="Capacity"/> each), for the dashboard's
/// log view. Older lines fall off; the full history stays in AppHost's own console.
/// </summary>
public sealed class LogBuffer(TimeProvider clock)
{
    public const int Capacity = 2000;
    private readonly Dictionary<string, Queue<LogLine>> _lines = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();
    private long _sequence;

    public void Append(string resource, string text)
    {
        lock (_gate)
        {
            if (!_lines.TryGetValue(resource, out var lines)) _lines[resource] = lines = new Queue<LogLine>();
            if (lines.Count == Capacity) lines.Dequeue();
            lines.Enqueue(new LogLine(++_sequence, clock.GetUtcNow(), text));
        }
    }

    /// <summary>The lines of <paramref name="resource"/> numbered after <paramref name="after"/>, oldest first.</summary>
    public IReadOnlyList<LogLine> Since(string resource, long after)
    {
        lock (_gate)
        {
            return _lines.TryGetValue(resource, out var lines)
                ? lines.Where(l => l.Sequence > after).ToList()
                : [];
        }
    }
}
