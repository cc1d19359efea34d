using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Reflection;

namespace ArPlatform.Testing;

/// <summary>
/// One service as its own process on loopback, started as AppHost starts it (its project's build
/// output, Aspire's variables, SQLite): for benchmarks that measure what a caller in another
/// process sees over real HTTP/2, not an in-memory server sharing the caller's locks.
/// </summary>
public sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;

    private ServiceProcess(Process process, Uri http, Uri grpc) => (_process, Http, Grpc) = (process, http, grpc);

    public Uri Http { get; }
    public Uri Grpc { get; }

    /// <param name="project">The folder under src/ ("Billing").</param>
    /// <param name="database">The settings that point it at its database (a test host's: a SQLite file or a PostgreSQL database).</param>
    public static async Task<ServiceProcess> StartAsync(string project, IEnumerable<KeyValuePair<string, string>> database, string signingKey)
    {
        var folder = Path.Combine(Metadata("RepositoryRoot"), "src", project);
        var assembly = Path.Combine(folder, "bin", Metadata("Configuration"), Metadata("TargetFramework"), $"ArPlatform.{project}.dll");
        if (!File.Exists(assembly)) throw new FileNotFoundException($"{project} is not built at {assembly}.");
        var (http, grpc) = (new Uri($"http://127.0.0.1:{FreePort()}"), new Uri($"http://127.0.0.1:{FreePort()}"));
        var info = new ProcessStartInfo("dotnet", [assembly])
        {
            WorkingDirectory = folder, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
            Environment =
            {
                ["ASPNETCORE_URLS"] = http.ToString().TrimEnd('/'),
                ["Kestrel__Endpoints__http__Url"] = http.ToString().TrimEnd('/'),
                ["Kestrel__Endpoints__grpc__Url"] = grpc.ToString().TrimEnd('/'),
                ["Database__Provider"] = "Sqlite",
                ["Auth__SigningKey"] = signingKey,
                ["Logging__LogLevel__Default"] = "Warning",
            },
        };
        foreach (var (key, value) in database) info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        var process = Process.Start(info)!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) Console.Error.WriteLine($"{project}: {e.Data}"); };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var started = new ServiceProcess(process, http, grpc);
        using var probe = new HttpClient { BaseAddress = http, Timeout = TimeSpan.FromSeconds(2) };
        for (var deadline = DateTime.UtcNow.AddMinutes(2); DateTime.UtcNow < deadline && !process.HasExited; await Task.Delay(250))
        {
            try
            {
                if ((await probe.GetAsync("/health")).IsSuccessStatusCode) return started;
            }
            catch (Exception e) when (e is HttpRequestException or TaskCanceledException)
            {
            }
        }
        await started.DisposeAsync();
        throw new InvalidOperationException($"{project} did not become healthy on {http}.");
    }

    public async ValueTask DisposeAsync()
    {
        if (!_process.HasExited) _process.Kill(entireProcessTree: true);
        await _process.WaitForExitAsync();
        _process.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static string Metadata(string key) =>
        typeof(ServiceProcess).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == key).Value!;
}
