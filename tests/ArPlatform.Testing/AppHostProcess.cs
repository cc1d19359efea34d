using System.Collections.Concurrent;
using System.Diagnostics;
using System.Reflection;
using System.Runtime.InteropServices;
using System.Text.RegularExpressions;
using ArPlatform.ServiceDefaults.Security;

namespace ArPlatform.Testing;

/// <summary>
/// The real stack, started the way a developer starts it: the AppHost program, on free ports
/// and a data folder of its own. Its console is kept so a failure shows what the stack said.
/// Used by the end-to-end tests and the benchmarks.
/// </summary>
/// <param name="environment">Variables for AppHost and so for every process it starts.</param>
/// <param name="arguments">AppHost options beyond the free ports and the data folder (<c>--database postgres</c>, <c>--replicas 2</c>).</param>
public sealed partial class AppHostProcess(IReadOnlyDictionary<string, string>? environment = null, IReadOnlyList<string>? arguments = null)
    : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(3);
    private readonly ConcurrentQueue<string> _output = new();
    private readonly TaskCompletionSource _ready = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private readonly string _dataDirectory = OpenToPostgres(Directory.CreateTempSubdirectory("ar-e2e-"));
    private Process _process = null!;

    public int GatewayHttpPort { get; private set; }
    public int GatewayGrpcPort { get; private set; }
    public Uri GatewayJson => new($"http://localhost:{GatewayHttpPort}");
    public Uri GatewayGrpc => new($"http://localhost:{GatewayGrpcPort}");
    /// <summary>Collections' SMTP intake, as the banner prints it.</summary>
    public int MailIntakePort { get; private set; }
    public Uri Dashboard { get; private set; } = null!;

    /// <summary>A resource's endpoint as AppHost printed it ("billing", "grpc" → http://127.0.0.1:N).</summary>
    public Uri Endpoint(string resource, string endpoint)
    {
        var pattern = new Regex($@"\|\s+{resource}\s+pid=\d+.*\b{endpoint}=(127\.0\.0\.1:\d+)");
        var match = _output.Select(l => pattern.Match(l)).LastOrDefault(m => m.Success)
                    ?? throw new InvalidOperationException($"AppHost printed no {endpoint} endpoint for {resource}.");
        return new Uri($"http://{match.Groups[1].Value}");
    }

    /// <summary>Every pid AppHost reported starting, by resource.</summary>
    public IReadOnlyList<(string Resource, int Pid)> StartedProcesses =>
        _output.Select(line => StartedLine().Match(line)).Where(m => m.Success)
            .Select(m => (m.Groups[1].Value, int.Parse(m.Groups[2].Value))).ToList();

    public string Output => string.Join('\n', _output);

    /// <summary>An HTTP client for the gateway's JSON routes, carrying a token for <paramref name="roles"/>.</summary>
    public HttpClient JsonClient(params string[] roles)
    {
        var http = new HttpClient { BaseAddress = GatewayJson };
        http.DefaultRequestHeaders.Authorization = new("Bearer", Token(roles));
        return http;
    }

    /// <summary>A development token for <paramref name="roles"/>, signed with this stack's key.</summary>
    public string Token(params string[] roles)
    {
        var key = File.ReadAllText(Path.Combine(_dataDirectory, "dev-signing-key")).Trim();
        return new TokenIssuer(TokenSettings.ForDevelopmentKey(key)).Issue("e2e-" + string.Join('-', roles), roles, TimeSpan.FromMinutes(30));
    }

    public async Task StartAsync()
    {
        var appHost = typeof(AppHostProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .Single(a => a.Key == "AppHostAssembly").Value!;
        if (!File.Exists(appHost))
            throw new FileNotFoundException($"AppHost is not built at {appHost}.");
        var info = new ProcessStartInfo("dotnet")
        {
            ArgumentList =
            {
                appHost, "--gateway-http-port", "0", "--gateway-grpc-port", "0", "--dashboard-port", "0", "--prometheus-port", "0",
                "--smtp-intake-port", "0",
                "--data-dir", _dataDirectory,
            },
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in arguments ?? []) info.ArgumentList.Add(argument);
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Observe(e.Data);
        _process.ErrorDataReceived += (_, e) => Observe(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();

        var exited = _process.WaitForExitAsync();
        var first = await Task.WhenAny(_ready.Task, exited, Task.Delay(StartTimeout));
        if (first != _ready.Task)
            throw new InvalidOperationException($"AppHost did not come up:\n{Output}");
    }

    /// <summary>
    /// A temporary folder is its owner's alone; PostgreSQL's server, which runs as its own user
    /// when the tests run as root, must be able to reach its cluster inside it.
    /// </summary>
    private static string OpenToPostgres(DirectoryInfo folder)
    {
        if (!OperatingSystem.IsWindows()) folder.UnixFileMode |= UnixFileMode.GroupExecute | UnixFileMode.OtherExecute;
        return folder.FullName;
    }

    private void Observe(string? line)
    {
        if (line is null) return;
        _output.Enqueue(line);
        if (DashboardLine().Match(line) is { Success: true } dashboard) Dashboard = new Uri(dashboard.Groups[1].Value);
        if (GatewayLine().Match(line) is { Success: true } gateway)
        {
            var port = int.Parse(gateway.Groups[2].Value);
            if (gateway.Groups[1].Value == "JSON") GatewayHttpPort = port;
            else GatewayGrpcPort = port;
        }
        if (MailIntakeLine().Match(line) is { Success: true } intake) MailIntakePort = int.Parse(intake.Groups[1].Value);
        // The banner ends with this line, after the gateway addresses.
        if (line.Contains("Press Ctrl+C to stop.", StringComparison.Ordinal)) _ready.TrySetResult();
    }

    /// <summary>
    /// Ctrl+C (SIGINT), as a developer stops it; returns AppHost's exit code. A process started
    /// from a non-interactive shell's background job inherits SIGINT as ignored, and so would
    /// AppHost: there the stop is SIGTERM, which AppHost handles the same way.
    /// </summary>
    public async Task<int> InterruptAsync(TimeSpan timeout)
    {
        _ = Kill(_process.Id, SigIntIgnoredHere() ? SigTerm : SigInt);
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    public static bool IsAlive(int pid) => Directory.Exists($"/proc/{pid}") && !IsZombie(pid);

    private static bool IsZombie(int pid)
    {
        try
        {
            return File.ReadAllText($"/proc/{pid}/stat").Split(") ")[1].StartsWith('Z');
        }
        catch (IOException)
        {
            return false;
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited)
        {
            try
            {
                await InterruptAsync(TimeSpan.FromSeconds(30));
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
            }
        }
        _process.Dispose();
        try { Directory.Delete(_dataDirectory, recursive: true); } catch (IOException) { }
    }

    public static void KillHard(int pid) => Kill(pid, SigKill);

    /// <summary>SIGTERM, as an orchestrator stops a process it is replacing: the process may finish what it is doing.</summary>
    public static void Terminate(int pid) => Kill(pid, SigTerm);

    /// <summary>SIGINT: a database server's fast shutdown — every client disconnected, the server gone until AppHost restarts it.</summary>
    public static void Interrupt(int pid) => Kill(pid, SigInt);

    /// <summary>SIGSTOP then SIGCONT: a process frozen (a paused VM, a stuck disk) and thawed, its sockets left open.</summary>
    public static void Pause(int pid) => Kill(pid, SigStop);

    public static void Resume(int pid) => Kill(pid, SigCont);

    private static bool SigIntIgnoredHere()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("SigIgn:", StringComparison.Ordinal));
        return line is not null && (Convert.ToUInt64(line["SigIgn:".Length..].Trim(), 16) & (1UL << (SigInt - 1))) != 0;
    }

    private const int SigInt = 2;
    private const int SigTerm = 15;
    private const int SigKill = 9;
    private const int SigStop = 19;
    private const int SigCont = 18;

    [DllImport("libc", EntryPoint = "kill", SetLastError = true)]
    private static extern int Kill(int pid, int signal);

    [GeneratedRegex(@"\| Dashboard: (http://localhost:\d+)")]
    private static partial Regex DashboardLine();

    [GeneratedRegex(@"gateway (JSON|gRPC)\s+http://localhost:(\d+)")]
    private static partial Regex GatewayLine();

    [GeneratedRegex(@"mail intake\s+smtp://127\.0\.0\.1:(\d+)")]
    private static partial Regex MailIntakeLine();

    [GeneratedRegex(@"\| ([\w-]+) started, pid (\d+)")]
    private static partial Regex StartedLine();
}
