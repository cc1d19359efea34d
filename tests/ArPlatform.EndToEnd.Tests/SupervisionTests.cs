using System.Net;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>AppHost keeps the stack running and, on Ctrl+C, leaves nothing behind.</summary>
public sealed class SupervisionTests : IAsyncLifetime
{
    private readonly AppHostProcess _stack = new();

    public Task InitializeAsync() => _stack.StartAsync();
    public Task DisposeAsync() => _stack.DisposeAsync().AsTask();

    [StackFact]
    public async Task A_killed_service_is_restarted_and_ctrl_c_stops_every_process()
    {
        var billing = _stack.StartedProcesses.Single(p => p.Resource == "billing").Pid;
        AppHostProcess.KillHard(billing);

        using var http = _stack.JsonClient(Roles.Auditor);
        var deadline = DateTime.UtcNow.AddSeconds(60);
        var restarted = false;
        while (!restarted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(500);
            var pids = _stack.StartedProcesses.Where(p => p.Resource == "billing").Select(p => p.Pid).ToList();
            restarted = pids.Count == 2 && (await TryGet(http, "/v1/customers")) == HttpStatusCode.OK;
        }
        Assert.True(restarted, $"billing was not restarted:\n{_stack.Output}");

        var started = _stack.StartedProcesses;
        Assert.Equal(0, await _stack.InterruptAsync(TimeSpan.FromSeconds(45)));
        var survivors = started.Where(p => AppHostProcess.IsAlive(p.Pid)).ToList();
        Assert.True(survivors.Count == 0, $"still running: {string.Join(", ", survivors)}\n{_stack.Output}");
    }

    private static async Task<HttpStatusCode?> TryGet(HttpClient http, string path)
    {
        try
        {
            return (await http.GetAsync(path)).StatusCode;
        }
        catch (HttpRequestException)
        {
            return null;
        }
    }
}
