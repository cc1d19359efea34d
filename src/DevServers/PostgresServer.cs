using System.Diagnostics;

namespace ArPlatform.DevServers;

/// <summary>
/// Finds PostgreSQL's binaries, creates a cluster's data folder once (initdb) and says how its server
/// runs: what <see cref="PostgresCluster"/> starts, and what AppHost supervises as its "postgres" resource.
/// </summary>
public static class PostgresServer
{
    public const string NotInstalledMessage =
        "PostgreSQL is not installed: no initdb and postgres on PATH or in /usr/lib/postgresql/*/bin (Debian: apt-get install postgresql).";

    /// <summary>The connection pools of every service and replica, with room to spare (PostgreSQL's default is 100).</summary>
    public const int MaxConnections = 300;

    // sun_path holds 107 characters: the socket is "<folder>/.s.PGSQL.<port>".
    private const int MaxSocketFolderLength = 107 - 15;

    /// <summary>The folder of initdb and postgres, or null when PostgreSQL is not installed.</summary>
    public static string? BinDirectory { get; } = FindBinDirectory();

    public static bool IsInstalled => BinDirectory is not null;

    // initdb and postgres refuse to run as root; Debian's package creates the postgres user they run as instead.
    private static bool AsPostgresUser => Environment.IsPrivilegedProcess;

    /// <summary>Runs initdb unless <paramref name="dataDirectory"/> already holds a cluster.</summary>
    /// <param name="durable">False for a throwaway cluster: initdb does not wait for the disk.</param>
    public static async Task InitializeAsync(string dataDirectory, bool durable, CancellationToken ct)
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(NotInstalledMessage);
        if (File.Exists(Path.Combine(dataDirectory, "PG_VERSION"))) return;
        Directory.CreateDirectory(dataDirectory);
        if (AsPostgresUser) await RunAsync("chown", new ServerCommand("chown", ["postgres:postgres", dataDirectory]), dataDirectory, ct);
        // Trust, no password: the server listens on 127.0.0.1 only, and initdb's pg_hba.conf names only its socket and loopback.
        string[] arguments =
        [
            "-D", dataDirectory, "-U", "postgres", "-E", "UTF8", "--locale=C", "--auth=trust", "--no-instructions",
            .. durable ? Array.Empty<string>() : ["--no-sync"],
        ];
        await RunAsync(AsPostgresUser ? "initdb (as the postgres user, who must be able to enter every folder above the data folder)" : "initdb",
            AsUser(Path.Combine(bin, "initdb"), arguments), dataDirectory, ct);
    }

    /// <summary>The postgres server of <paramref name="dataDirectory"/> on 127.0.0.1:<paramref name="port"/>.</summary>
    /// <param name="durable">False for tests: no fsync, no waiting for commits to reach the disk, no full-page writes.
    /// A crash of the machine can then corrupt the cluster, which a test cluster does not outlive anyway.</param>
    public static ServerCommand Command(string dataDirectory, int port, bool durable)
    {
        var bin = BinDirectory ?? throw new InvalidOperationException(NotInstalledMessage);
        // The socket lets psql -h <folder> in without a port; a folder too deep for one gets TCP only.
        var socketFolder = dataDirectory.Length <= MaxSocketFolderLength ? dataDirectory : "";
        string[] arguments =
        [
            "-D", dataDirectory, "-p", port.ToString(),
            "-c", "listen_addresses=127.0.0.1",
            "-c", "unix_socket_directories=" + socketFolder,
            "-c", $"max_connections={MaxConnections}",
            .. durable ? Array.Empty<string>() : ["-c", "fsync=off", "-c", "synchronous_commit=off", "-c", "full_page_writes=off"],
        ];
        return AsUser(Path.Combine(bin, "postgres"), arguments);
    }

    // setpriv executes the program in its own place, so the process AppHost or PostgresCluster
    // signals is postgres itself (runuser would stand between them as a parent).
    private static ServerCommand AsUser(string program, string[] arguments) => AsPostgresUser
        ? new ServerCommand("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", "--", program, .. arguments])
        : new ServerCommand(program, arguments);

    private static async Task RunAsync(string name, ServerCommand command, string workingDirectory, CancellationToken ct)
    {
        var info = new ProcessStartInfo(command.FileName)
        {
            // The postgres user may not enter the caller's folder (root's home): it works from its own.
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments) info.ArgumentList.Add(argument);
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync(ct);
        var errors = process.StandardError.ReadToEndAsync(ct);
        try
        {
            await process.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }
        if (process.ExitCode != 0)
            throw new InvalidOperationException($"{name} failed with exit code {process.ExitCode}:\n{await errors}{await output}");
    }

    private static string? FindBinDirectory()
    {
        // PATH may hold a symbolic link to initdb (as /usr/local/bin/initdb): the server sits beside its target.
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(dir => new FileInfo(Path.Combine(dir, "initdb")))
            .Where(initdb => initdb.Exists)
            .Select(initdb => Path.GetDirectoryName(initdb.ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? initdb.FullName)!);
        // Debian installs each major version in /usr/lib/postgresql/<major>/bin, off PATH.
        var debian = Directory.Exists("/usr/lib/postgresql")
            ? Directory.GetDirectories("/usr/lib/postgresql")
                .OrderByDescending(dir => int.TryParse(Path.GetFileName(dir).Split('.')[0], out var major) ? major : 0)
                .Select(dir => Path.Combine(dir, "bin"))
            : [];
        return onPath.Concat(debian).FirstOrDefault(dir =>
            File.Exists(Path.Combine(dir, "initdb")) && File.Exists(Path.Combine(dir, "postgres")));
    }
}
