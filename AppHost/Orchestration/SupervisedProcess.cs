using System.Diagnostics;
using System.Runtime.InteropServices;
using ArPlatform.AppHost.Resources;

namespace ArPlatform.AppHost.Orchestration;

public enum ResourceState
{
    Waiting,
    Starting,
    Running,
    Restarting,
    Stopping,
    Stopped,
}

/// <summary>
/// Runs one resource as a child process and keeps it running: a crash is followed by a restart
/// after an exponential back-off (1 s, 2 s, 4 s … 30 s; reset once it has stayed up a minute).
/// Stopping asks politely (the resource's stop signal: SIGTERM, so services drain and flush) before it kills the tree.
/// </summary>
public sealed partial class SupervisedProcess(Resource resource, ConsoleLog log)
{
    private static readonly TimeSpan StableUptime = TimeSpan.FromMinutes(1);
    private static readonly TimeSpan MaxBackoff = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan GracefulStop = TimeSpan.FromSeconds(10);

    private Process? _process;

    public Resource Resource => resource;
    public ResourceState State { get; private set; } = ResourceState.Waiting;
    public int? Pid => _process is { HasExited: false } p ? p.Id : null;
    public int Restarts { get; private set; }
    public DateTimeOffset? StartedAt { get; private set; }
    /// <summary>How the previous run of the process ended, when it crashed.</summary>
    public int? LastExitCode { get; private set; }

    /// <summary>Runs until <paramref name="stopping"/> is cancelled and <see cref="StopAsync"/> has ended the process.</summary>
    public async Task RunAsync(CancellationToken stopping)
    {
        var consecutiveCrashes = 0;
        while (!stopping.IsCancellationRequested)
        {
            var process = Start();
            await process.WaitForExitAsync(CancellationToken.None);
            if (await StoppingAsync(stopping)) break;

            var uptime = DateTimeOffset.UtcNow - StartedAt!.Value;
            consecutiveCrashes = uptime >= StableUptime ? 1 : consecutiveCrashes + 1;
            var delay = Backoff(consecutiveCrashes);
            Restarts++;
            LastExitCode = process.ExitCode;
            State = ResourceState.Restarting;
            log.Info($"{resource.Name} exited with code {process.ExitCode} after {uptime.TotalSeconds:0.0}s; restart #{Restarts} in {delay.TotalSeconds:0}s");
            try
            {
                await Task.Delay(delay, stopping);
            }
            catch (OperationCanceledException)
            {
                break;
            }
        }
        State = ResourceState.Stopped;
    }

    /// <summary>
    /// Ctrl+C in a terminal signals the whole process group: a child may exit a moment before
    /// AppHost hears of the stop itself. Such an exit is a stop, not a crash.
    /// </summary>
    private async Task<bool> StoppingAsync(CancellationToken stopping)
    {
        try
        {
            await Task.Delay(TimeSpan.FromMilliseconds(300), stopping);
        }
        catch (OperationCanceledException)
        {
            return true;
        }
        return State == ResourceState.Stopping;
    }

    public static TimeSpan Backoff(int consecutiveCrashes) =>
        TimeSpan.FromSeconds(Math.Min(MaxBackoff.TotalSeconds, Math.Pow(2, Math.Max(0, consecutiveCrashes - 1))));

    public void MarkRunning() => State = ResourceState.Running;

    public async Task StopAsync()
    {
        State = ResourceState.Stopping;
        var process = _process;
        if (process is null || process.HasExited) return;
        if (!OperatingSystem.IsWindows()) _ = Kill(process.Id, resource.StopSignal);
        using var grace = new CancellationTokenSource(GracefulStop);
        try
        {
            if (OperatingSystem.IsWindows()) throw new OperationCanceledException();
            await process.WaitForExitAsync(grace.Token);
        }
        catch (OperationCanceledException)
        {
            log.Info($"{resource.Name} did not stop within {GracefulStop.TotalSeconds:0}s; killing it");
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync(CancellationToken.None);
        }
    }

    private Process Start()
    {
        State = ResourceState.Starting;
        var info = new ProcessStartInfo(resource.FileName)
        {
            WorkingDirectory = resource.WorkingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in resource.Arguments) info.ArgumentList.Add(argument);
        foreach (var (key, value) in resource.Environment) info.Environment[key] = value;

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        process.OutputDataReceived += (_, e) => log.Write(resource.Name, e.Data);
        process.ErrorDataReceived += (_, e) => log.Write(resource.Name, e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;
        StartedAt = DateTimeOffset.UtcNow;
        log.Info($"{resource.Name} started, pid {process.Id}");
        return process;
    }

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static partial int Kill(int pid, int signal);
}
