using ArPlatform.DevServers;

namespace ArPlatform.AppHost.Resources;

/// <summary>Where a service's project and build output live.</summary>
public sealed record ServiceProject(string Name, string ProjectDirectory, string AssemblyPath, string? Database);

/// <summary>Ports chosen for every endpoint before anything starts, so every variable can be written up front.</summary>
public sealed record PortPlan(
    int Redis, IReadOnlyDictionary<string, (int Http, int Grpc)> Services, int Prometheus = 9090, int Dashboard = 18888, int SmtpIntake = 0,
    int Postgres = 0);

/// <summary>
/// The stack as a declarative graph, in Aspire's terms: which resources exist, what each
/// references and waits for, and the exact environment each one gets. Pure: it starts nothing,
/// so the variables it generates are unit-tested.
/// </summary>
public static class Topology
{
    public const string Gateway = "gateway";
    public const string Redis = "redis";
    public const string Prometheus = "prometheus";
    public const string Postgres = "postgres";
    /// <summary>The service that takes customers' mail by SMTP (the reply agent).</summary>
    public const string MailIntake = "collections";

    /// <summary>Who calls whom (ARCHITECTURE.md, Data ownership), plus who needs Redis.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> References = new Dictionary<string, string[]>
    {
        ["billing"] = [Redis],
        ["disputes"] = ["billing"],
        ["cashapp"] = ["billing", "disputes"],
        ["collections"] = ["billing", "disputes"],
        ["mcp"] = ["billing", "collections", "disputes"],
        [Gateway] = ["billing", "cashapp", "collections", "disputes", "mcp"],
    };

    /// <summary>
    /// Calls against the start order, wired for discovery but not waited for (that would be a
    /// cycle): Billing confirms a write-off's approval with Collections, and only Collections,
    /// which is up by then, posts write-offs.
    /// </summary>
    public static readonly IReadOnlyDictionary<string, string[]> CallsBack = new Dictionary<string, string[]>
    {
        ["billing"] = ["collections"],
    };

    /// <param name="postgresServer">How the PostgreSQL server of <c>--database postgres</c> runs (its cluster initialized), or null.</param>
    public static IReadOnlyList<Resource> Build(
        AppHostOptions options, PortPlan ports, IReadOnlyList<ServiceProject> projects, string? redisServerPath,
        string signingKey, string? prometheusPath = null, ServerCommand? postgresServer = null)
    {
        var resources = new List<Resource>();
        if (prometheusPath is not null)
        {
            resources.Add(new Resource
            {
                Name = Prometheus,
                FileName = prometheusPath,
                // Its configuration is ops/prometheus/prometheus.yml with this run's paths (see PrometheusConfig).
                Arguments =
                [
                    "--config.file=" + Path.Combine(options.DataDirectory, PrometheusConfig.FileName),
                    "--storage.tsdb.path=" + Path.Combine(options.DataDirectory, "prometheus"),
                    "--storage.tsdb.retention.time=7d",
                    $"--web.listen-address=127.0.0.1:{ports.Prometheus}",
                ],
                WorkingDirectory = options.DataDirectory,
                Endpoints = new Dictionary<string, int> { ["http"] = ports.Prometheus },
                Environment = new Dictionary<string, string>(),
                HealthPath = "/-/ready",
            });
        }
        if (redisServerPath is not null)
        {
            resources.Add(new Resource
            {
                Name = Redis,
                FileName = redisServerPath,
                // A cache: nothing to persist. Loopback only; protected mode stays on.
                Arguments = ["--port", ports.Redis.ToString(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
                WorkingDirectory = options.DataDirectory,
                Endpoints = new Dictionary<string, int> { ["tcp"] = ports.Redis },
                Environment = new Dictionary<string, string>(),
                Readiness = ReadinessKind.RedisPing,
            });
        }

        if (postgresServer is not null)
        {
            resources.Add(new Resource
            {
                Name = Postgres,
                // A session of its own: Ctrl+C in a terminal signals its whole process group at once,
                // and the services drain and flush into PostgreSQL before AppHost stops it, last.
                FileName = "setsid",
                Arguments = [postgresServer.FileName, .. postgresServer.Arguments],
                WorkingDirectory = options.DataDirectory,
                Endpoints = new Dictionary<string, int> { ["tcp"] = ports.Postgres },
                Environment = new Dictionary<string, string>(),
                Readiness = ReadinessKind.Postgres,
                Databases = projects.Select(p => p.Database).OfType<string>().ToList(),
                // Fast shutdown: PostgreSQL's SIGTERM would wait for every session, a developer's psql included.
                StopSignal = Resource.SigInt,
            });
        }

        foreach (var project in projects)
        foreach (var process in ProcessesOf(project.Name, options.Replicas))
        {
            var (http, grpc) = ports.Services[process];
            var references = References[project.Name]
                .Where(r => r != Redis || redisServerPath is not null)
                .Concat(postgresServer is not null && project.Database is not null ? [Postgres] : [])
                .ToList();
            var takesMail = process == MailIntake && ports.SmtpIntake > 0;
            resources.Add(new Resource
            {
                Name = process,
                FileName = "dotnet",
                Arguments = [project.AssemblyPath],
                WorkingDirectory = project.ProjectDirectory,
                Endpoints = takesMail
                    ? new Dictionary<string, int> { ["http"] = http, ["grpc"] = grpc, ["smtp"] = ports.SmtpIntake }
                    : new Dictionary<string, int> { ["http"] = http, ["grpc"] = grpc },
                Environment = EnvironmentFor(project, process, http, grpc, [.. references, .. CallsBack.GetValueOrDefault(project.Name, [])], options, ports, signingKey),
                // A replica starts once the first process is ready, which has migrated the database.
                WaitFor = process == project.Name ? references : [.. references, project.Name],
            });
        }
        return resources;
    }

    /// <summary>
    /// The processes of a service: its own name, then name-2, name-3, … for its replicas. The
    /// gateway is the one front door.
    /// </summary>
    public static IEnumerable<string> ProcessesOf(string service, int replicas) =>
        service == Gateway ? [service] : Enumerable.Range(1, replicas).Select(i => i == 1 ? service : $"{service}-{i}");

    internal static Dictionary<string, string> EnvironmentFor(
        ServiceProject project, string process, int http, int grpc, IReadOnlyList<string> references, AppHostOptions options, PortPlan ports,
        string signingKey)
    {
        // The gateway is what people and apps call: it answers on every loopback address, so
        // "localhost" works whether a client tries ::1 or 127.0.0.1 first. Services stay on 127.0.0.1.
        var host = project.Name == Gateway ? "localhost" : "127.0.0.1";
        var env = new Dictionary<string, string>
        {
            ["ASPNETCORE_ENVIRONMENT"] = "Development",
            ["DOTNET_ENVIRONMENT"] = "Development",
            // The primary (HTTP/1.1) endpoint for JSON, health and metrics, as Aspire passes it,
            // and the named h2c endpoint for gRPC, as Aspire overrides a Kestrel endpoint.
            ["ASPNETCORE_URLS"] = $"http://{host}:{http}",
            ["Kestrel__Endpoints__grpc__Url"] = $"http://{host}:{grpc}",
            ["OTEL_SERVICE_NAME"] = project.Name,
            ["OTEL_RESOURCE_ATTRIBUTES"] = $"service.instance.id={project.Name}-{http}",
            // Every process validates the same development tokens (see DevelopmentKey).
            ["Auth__SigningKey"] = signingKey,
        };
        if (options.OtlpEndpoint is not null) env["OTEL_EXPORTER_OTLP_ENDPOINT"] = options.OtlpEndpoint;

        if (project.Database is { } database)
        {
            if (references.Contains(Postgres))
            {
                env["Database__Provider"] = "Postgres";
                env[$"ConnectionStrings__{database}"] = PostgresAdmin.ConnectionString(ports.Postgres, database);
            }
            else if (options.SqlServer is { } sqlServer)
            {
                env["Database__Provider"] = "SqlServer";
                env[$"ConnectionStrings__{database}"] = $"{sqlServer.TrimEnd(';')};Database=ar_{project.Name}";
            }
            else
            {
                env["Database__Provider"] = "Sqlite";
                env[$"ConnectionStrings__{database}"] = $"Data Source={Path.Combine(options.DataDirectory, database + ".db")}";
            }
        }

        foreach (var reference in references.Where(r => r != Postgres))
        {
            if (reference == Redis)
            {
                env["ConnectionStrings__redis"] = $"127.0.0.1:{ports.Redis}";
                continue;
            }
            // Every replica, as discovery lists a service's endpoints: the gateway balances over them.
            var replica = 0;
            foreach (var referenced in ProcessesOf(reference, options.Replicas))
            {
                var (refHttp, refGrpc) = ports.Services[referenced];
                env[$"services__{reference}__http__{replica}"] = $"http://127.0.0.1:{refHttp}";
                env[$"services__{reference}__grpc__{replica++}"] = $"http://127.0.0.1:{refGrpc}";
            }
        }

        if (process == MailIntake && ports.SmtpIntake > 0) env["Collections__Agent__SmtpPort"] = ports.SmtpIntake.ToString();
        if (project.Name == Gateway)
            env["DataProtection__KeysDirectory"] = Path.Combine(options.DataDirectory, "gateway-keys");
        return env;
    }
}
