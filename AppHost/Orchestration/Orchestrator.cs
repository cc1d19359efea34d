using ArPlatform.AppHost.Resources;
using ArPlatform.DevServers;
using Npgsql;

namespace ArPlatform.AppHost.Orchestration;

/// <summary>
/// Starts every resource once the resources it waits for are ready, keeps them running, and on
/// shutdown stops them in reverse order (the gateway first, Redis last) so nothing is orphaned.
/// </summary>
internal sealed class Orchestrator(
    IReadOnlyList<Resource> resources, Readiness readiness, ConsoleLog log, string tokensFile, string dashboardUrl)
{
    public const string ReadyBanner = "ArPlatform is up.";
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan ProbeInterval = TimeSpan.FromMilliseconds(250);

    private readonly Dictionary<string, SupervisedProcess> _processes =
        resources.ToDictionary(r => r.Name, r => new SupervisedProcess(r, log));

    public IReadOnlyCollection<SupervisedProcess> Processes => _processes.Values;

    public async Task<int> RunAsync(CancellationToken stopping)
    {
        var ready = resources.ToDictionary(r => r.Name, _ => new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        var runs = new List<Task>();
        var exitCode = 0;
        try
        {
            await Task.WhenAll(resources.Select(async resource =>
            {
                await Task.WhenAll(resource.WaitFor.Select(d => ready[d].Task)).WaitAsync(stopping);
                var process = _processes[resource.Name];
                lock (runs) runs.Add(process.RunAsync(stopping));
                await WaitUntilReadyAsync(resource, stopping);
                foreach (var database in resource.Databases)
                    await PostgresAdmin.CreateDatabaseAsync(resource.Endpoints["tcp"], database, stopping);
                process.MarkRunning();
                ready[resource.Name].SetResult();
            }));
            PrintBanner();
            await Task.Delay(Timeout.Infinite, stopping);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
        }
        catch (TimeoutException ex)
        {
            log.Info(ex.Message);
            exitCode = 1;
        }
        catch (NpgsqlException ex)
        {
            log.Info($"Creating the services' databases failed: {ex.Message}");
            exitCode = 1;
        }

        log.Info("Stopping…");
        foreach (var process in StopOrder()) await process.StopAsync();
        Task[] running;
        lock (runs) running = runs.ToArray();
        await Task.WhenAll(running);
        log.Info("Stopped.");
        return exitCode;
    }

    private async Task WaitUntilReadyAsync(Resource resource, CancellationToken stopping)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(stopping);
        timeout.CancelAfter(StartTimeout);
        try
        {
            while (!await readiness.IsReadyAsync(resource, timeout.Token))
                await Task.Delay(ProbeInterval, timeout.Token);
        }
        catch (OperationCanceledException) when (!stopping.IsCancellationRequested)
        {
            throw new TimeoutException($"{resource.Name} did not become ready within {StartTimeout.TotalSeconds:0}s; see its log above.");
        }
    }

    /// <summary>Dependants before what they depend on: the reverse of the start order.</summary>
    private IEnumerable<SupervisedProcess> StopOrder()
    {
        var order = new List<string>();
        void Visit(string name)
        {
            if (order.Contains(name)) return;
            foreach (var dependency in _processes[name].Resource.WaitFor) Visit(dependency);
            order.Add(name);
        }
        foreach (var name in _processes.Keys) Visit(name);
        order.Reverse();
        return order.Select(n => _processes[n]);
    }

    private void PrintBanner()
    {
        var gateway = _processes[Topology.Gateway].Resource;
        log.Info(ReadyBanner);
        log.Info($"  dashboard     {dashboardUrl}");
        log.Info($"  gateway JSON  http://localhost:{gateway.Endpoints["http"]}");
        log.Info($"  gateway gRPC  http://localhost:{gateway.Endpoints["grpc"]}  (h2c)");
        if (_processes.TryGetValue(Topology.MailIntake, out var intake) && intake.Resource.Endpoints.TryGetValue("smtp", out var smtp))
            log.Info($"  mail intake   smtp://127.0.0.1:{smtp}  (customers' mail to the reply agent)");
        foreach (var process in _processes.Values)
        {
            var endpoints = string.Join("  ", process.Resource.Endpoints.Select(e => $"{e.Key}=127.0.0.1:{e.Value}"));
            log.Info($"  {process.Resource.Name,-12} pid={process.Pid}  {endpoints}");
        }
        // Where the tokens are, never the tokens: this console is what the dashboard serves.
        log.Info($"Development tokens, one per role (12 h), are in {tokensFile}: `. {tokensFile}` sets $ar_clerk, $collector, …");
        log.Info("Press Ctrl+C to stop.");
    }
}
