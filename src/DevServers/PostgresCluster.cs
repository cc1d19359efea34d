using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace ArPlatform.DevServers;

/// <summary>
/// A real PostgreSQL server on 127.0.0.1, run from a data folder of its own (created on first use),
/// for test fixtures as a real redis-server is: start it, create databases, dispose it.
/// </summary>
public sealed partial class PostgresCluster : IAsyncDisposable
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);
    private static readonly TimeSpan StopTimeout = TimeSpan.FromSeconds(10);
    private const int LogTailLines = 40;
    // PostgreSQL's fast shutdown: it ends the sessions instead of waiting for them (SIGTERM would wait).
    private const int SigInt = 2;

    private readonly bool _deleteOnDispose;
    private readonly Queue<string> _log = new();
    private Process? _process;
    private bool _disposed;

    public string DataDirectory { get; }
    public int Port { get; }

    private PostgresCluster(string dataDirectory, int port, bool deleteOnDispose)
    {
        DataDirectory = dataDirectory;
        Port = port;
        _deleteOnDispose = deleteOnDispose;
    }

    /// <summary>
    /// Initializes <paramref name="dataDirectory"/> if it holds no cluster yet, starts the server on
    /// 127.0.0.1:<paramref name="port"/> (0 picks a free port) and returns once it accepts connections.
    /// </summary>
    /// <param name="durable">False for tests: fast and unsafe across a crash of the machine (see <see cref="PostgresServer.Command"/>).</param>
    /// <param name="deleteOnDispose">A throwaway cluster: disposing it deletes <paramref name="dataDirectory"/>.</param>
    public static async Task<PostgresCluster> StartAsync(
        string dataDirectory, int port, CancellationToken ct, bool durable = true, bool deleteOnDispose = false)
    {
        var cluster = new PostgresCluster(Path.GetFullPath(dataDirectory), port == 0 ? FreePort() : port, deleteOnDispose);
        try
        {
            await PostgresServer.InitializeAsync(cluster.DataDirectory, durable, ct);
            cluster.Start(PostgresServer.Command(cluster.DataDirectory, cluster.Port, durable));
            await cluster.WaitUntilReadyAsync(ct);
            return cluster;
        }
        catch
        {
            await cluster.DisposeAsync();
            throw;
        }
    }

    public string ConnectionString(string database) => PostgresAdmin.ConnectionString(Port, database);

    /// <summary>Creates the database unless it exists.</summary>
    public Task CreateDatabaseAsync(string name, CancellationToken ct) => PostgresAdmin.CreateDatabaseAsync(Port, name, ct);

    /// <summary>Drops the database if it exists, ending the sessions still connected to it.</summary>
    public Task DropDatabaseAsync(string name, CancellationToken ct) => PostgresAdmin.DropDatabaseAsync(Port, name, ct);

    private void Start(ServerCommand command)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            WorkingDirectory = DataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments) info.ArgumentList.Add(argument);
        _process = new Process { StartInfo = info };
        _process.OutputDataReceived += (_, e) => Remember(e.Data);
        _process.ErrorDataReceived += (_, e) => Remember(e.Data);
        _process.Start();
        _process.BeginOutputReadLine();
        _process.BeginErrorReadLine();
    }

    private async Task WaitUntilReadyAsync(CancellationToken ct)
    {
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(StartTimeout);
        try
        {
            while (!await PostgresAdmin.IsReadyAsync(Port, timeout.Token))
            {
                if (_process!.HasExited)
                {
                    // Waiting again lets the last lines of its log arrive.
                    await _process.WaitForExitAsync(CancellationToken.None);
                    throw new InvalidOperationException(
                        $"PostgreSQL exited with code {_process.ExitCode} while starting (data {DataDirectory}, port {Port}):\n{LogTail()}");
                }
                await Task.Delay(TimeSpan.FromMilliseconds(100), timeout.Token);
            }
        }
        catch (OperationCanceledException) when (!ct.IsCancellationRequested)
        {
            throw new TimeoutException(
                $"PostgreSQL did not accept connections on 127.0.0.1:{Port} within {StartTimeout.TotalSeconds:0} s (data {DataDirectory}):\n{LogTail()}");
        }
    }

    /// <summary>Stops the server (fast shutdown, then a kill if it has not stopped in time), and deletes a throwaway cluster's folder.</summary>
    public async ValueTask DisposeAsync()
    {
        if (_disposed) return;
        _disposed = true;
        if (_process is { HasExited: false })
        {
            _ = Kill(_process.Id, SigInt);
            using var grace = new CancellationTokenSource(StopTimeout);
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                _process.Kill(entireProcessTree: true);
                await _process.WaitForExitAsync(CancellationToken.None);
            }
        }
        _process?.Dispose();
        if (_deleteOnDispose && Directory.Exists(DataDirectory)) Directory.Delete(DataDirectory, recursive: true);
    }

    private void Remember(string? line)
    {
        if (line is null) return;
        lock (_log)
        {
            _log.Enqueue(line);
            if (_log.Count > LogTailLines) _log.Dequeue();
        }
    }

    private string LogTail()
    {
        lock (_log) return string.Join('\n', _log);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    [LibraryImport("libc", EntryPoint = "kill")]
    private static partial int Kill(int pid, int signal);
}
