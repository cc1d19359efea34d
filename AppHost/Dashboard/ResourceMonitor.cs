using ArPlatform.AppHost.Orchestration;

namespace ArPlatform.AppHost.Dashboard;

/// <summary>
/// What the dashboard shows, refreshed every <see cref="Interval"/>: each resource's process
/// state from its supervisor, its health check, and for the services and the gateway a scrape of
/// their <c>/metrics</c> (RED numbers over the last <see cref="Window"/> of scrapes, business
/// numbers from the latest). It also marks a restarted resource running once its health check answers.
/// </summary>
internal sealed class ResourceMonitor(IReadOnlyCollection<SupervisedProcess> processes, Readiness readiness, HttpClient http, TimeProvider clock)
{
    public static readonly TimeSpan Interval = TimeSpan.FromSeconds(2);
    public static readonly TimeSpan Window = TimeSpan.FromSeconds(30);

    private sealed record Scrape(DateTimeOffset At, IReadOnlyList<Sample> Samples);

    private readonly Dictionary<string, Queue<Scrape>> _scrapes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _health = new(StringComparer.Ordinal);
    private readonly Dictionary<string, RedFigures> _red = new(StringComparer.Ordinal);
    private readonly Lock _gate = new();

    public async Task RunAsync(CancellationToken stopping)
    {
        using var timer = new PeriodicTimer(Interval);
        try
        {
            do await Task.WhenAll(processes.Select(p => ObserveAsync(p, stopping)));
            while (await timer.WaitForNextTickAsync(stopping));
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
    }

    private async Task ObserveAsync(SupervisedProcess process, CancellationToken ct)
    {
        var name = process.Resource.Name;
        if (process.Pid is null)
        {
            Forget(name);
            return;
        }
        var healthy = await readiness.IsReadyAsync(process.Resource, ct);
        if (healthy && process.State == ResourceState.Starting) process.MarkRunning();
        var scrape = process.Resource.ServesMetrics ? await ScrapeAsync(process, ct) : null;
        lock (_gate)
        {
            _health[name] = healthy ? "Healthy" : "Unhealthy";
            if (scrape is null) return;
            if (!_scrapes.TryGetValue(name, out var window)) _scrapes[name] = window = new Queue<Scrape>();
            while (window.Count > 0 && scrape.At - window.Peek().At > Window) window.Dequeue();
            if (window.Count > 0)
                _red[name] = RedFigures.Between(window.Peek().Samples, scrape.Samples, scrape.At - window.Peek().At);
            window.Enqueue(scrape);
        }
    }

    private async Task<Scrape?> ScrapeAsync(SupervisedProcess process, CancellationToken ct)
    {
        try
        {
            var text = await http.GetStringAsync(process.Resource.Url("http") + "/metrics", ct);
            return new Scrape(clock.GetUtcNow(), PrometheusText.Parse(text));
        }
        catch (Exception ex) when (ex is HttpRequestException or TaskCanceledException or FormatException && !ct.IsCancellationRequested)
        {
            return null;
        }
    }

    /// <summary>A process that is not running has no health and its counters start again.</summary>
    private void Forget(string name)
    {
        lock (_gate)
        {
            _health.Remove(name);
            _scrapes.Remove(name);
            _red.Remove(name);
        }
    }

    public IReadOnlyList<ResourceView> Snapshot()
    {
        lock (_gate)
        {
            return processes.Select(p =>
            {
                var resource = p.Resource;
                // A process that is not running has no health or numbers, whatever the last probe saw.
                var running = p.Pid is not null;
                return new ResourceView(
                    resource.Name,
                    resource.ServesMetrics ? "project" : "executable",
                    p.State.ToString(),
                    running ? _health.GetValueOrDefault(resource.Name, "Unknown") : "Unknown",
                    p.Pid,
                    running ? p.StartedAt : null,
                    p.Restarts,
                    p.LastExitCode,
                    resource.Endpoints.Select(e => new EndpointView(e.Key, e.Key == "tcp" ? $"tcp://127.0.0.1:{e.Value}" : resource.Url(e.Key))).ToList(),
                    running ? _red.GetValueOrDefault(resource.Name) : null,
                    running && _scrapes.TryGetValue(resource.Name, out var window) && window.Count > 0
                        ? KeyFigures.For(resource.Name, window.Last().Samples)
                        : []);
            }).ToList();
        }
    }
}
