namespace ArPlatform.AppHost;

/// <summary>Where the services keep their data when no SQL Server is given.</summary>
public enum DatabaseKind
{
    /// <summary>A SQLite file per service in the data folder.</summary>
    Sqlite,
    /// <summary>A local PostgreSQL cluster that AppHost runs in the data folder, a database per service.</summary>
    Postgres,
}

/// <summary>What a developer can choose on the command line; everything else has a default.</summary>
public sealed record AppHostOptions
{
    public int GatewayHttpPort { get; init; } = 8080;
    public int GatewayGrpcPort { get; init; } = 8081;
    /// <summary>AppHost's own dashboard, as Aspire's: every resource's state, logs and live numbers.</summary>
    public int DashboardPort { get; init; } = 18888;
    public int PrometheusPort { get; init; } = 9090;
    /// <summary>Collections' SMTP intake: customers' mail to the reply agent.</summary>
    public int SmtpIntakePort { get; init; } = 2525;
    public bool DisablePrometheus { get; init; }
    /// <summary>SQLite files, Redis' working folder and the gateway's keys.</summary>
    public required string DataDirectory { get; init; }
    public DatabaseKind Database { get; init; } = DatabaseKind.Sqlite;
    /// <summary>When set, every service uses SQL Server: this connection string with its own database.</summary>
    public string? SqlServer { get; init; }
    public string? OtlpEndpoint { get; init; }
    public bool DisableRedis { get; init; }
    /// <summary>Processes per service behind the gateway, sharing its database (a server database only).</summary>
    public int Replicas { get; init; } = 1;

    public const string Usage = """
        Usage: dotnet run --project AppHost [-- options]
          --gateway-http-port N   JSON/HTTP 1.1 port of the gateway (default 8080; 0 picks a free one)
          --gateway-grpc-port N   gRPC (h2c) port of the gateway (default 8081; 0 picks a free one)
          --dashboard-port N      the dashboard (default 18888; 0 picks a free one)
          --prometheus-port N     Prometheus, started when it is installed (default 9090; 0 picks a free one)
          --smtp-intake-port N    SMTP port where the reply agent takes customers' mail (default 2525; 0 picks a free one)
          --no-prometheus         do not start Prometheus even when it is installed
          --data-dir PATH         SQLite databases and runtime files (default .data/ in the repository)
          --database KIND         sqlite (default), or postgres: a PostgreSQL cluster that AppHost runs in
                                  <data-dir>/postgres, a database per service (Debian: apt-get install postgresql)
          --sqlserver CONNSTR     use SQL Server; each service gets its own database (ar_billing, …)
          --otlp-endpoint URL     export traces, metrics and logs over OTLP (OTEL_EXPORTER_OTLP_ENDPOINT)
          --no-redis              run without the balance cache
          --replicas N            N processes of each service behind the gateway (1 to 8; more than 1
                                  needs --database postgres: a SQLite file belongs to one process)
        """;

    public static AppHostOptions Parse(string[] args, string repositoryRoot)
    {
        var options = new AppHostOptions { DataDirectory = Path.Combine(repositoryRoot, ".data") };
        for (var i = 0; i < args.Length; i++)
        {
            string Value() => i + 1 < args.Length ? args[++i] : throw new ArgumentException($"{args[i]} needs a value.");
            options = args[i] switch
            {
                "--gateway-http-port" => options with { GatewayHttpPort = Port(Value()) },
                "--gateway-grpc-port" => options with { GatewayGrpcPort = Port(Value()) },
                "--dashboard-port" => options with { DashboardPort = Port(Value()) },
                "--prometheus-port" => options with { PrometheusPort = Port(Value()) },
                "--smtp-intake-port" => options with { SmtpIntakePort = Port(Value()) },
                "--no-prometheus" => options with { DisablePrometheus = true },
                "--data-dir" => options with { DataDirectory = Path.GetFullPath(Value()) },
                "--database" => options with { Database = DatabaseOf(Value()) },
                "--sqlserver" => options with { SqlServer = Value() },
                "--otlp-endpoint" => options with { OtlpEndpoint = Value() },
                "--no-redis" => options with { DisableRedis = true },
                "--replicas" => options with { Replicas = ReplicaCount(Value()) },
                _ => throw new ArgumentException($"Unknown option '{args[i]}'."),
            };
        }
        if (options is { Database: DatabaseKind.Postgres, SqlServer: not null })
            throw new ArgumentException("--database postgres and --sqlserver each choose the database: pass one of them.");
        if (options is { Replicas: > 1, Database: DatabaseKind.Sqlite, SqlServer: null })
            throw new ArgumentException("--replicas needs a server database (--database postgres): a SQLite file belongs to one process.");
        return options;
    }

    private static int ReplicaCount(string text) => int.TryParse(text, out var n) && n is >= 1 and <= 8
        ? n
        : throw new ArgumentException($"'{text}' is not a number of replicas from 1 to 8.");

    private static DatabaseKind DatabaseOf(string text) => text switch
    {
        "sqlite" => DatabaseKind.Sqlite,
        "postgres" => DatabaseKind.Postgres,
        _ => throw new ArgumentException($"'{text}' is not a database AppHost runs: sqlite or postgres."),
    };

    private static int Port(string text) => int.TryParse(text, out var port) && port is >= 0 and <= 65535
        ? port
        : throw new ArgumentException($"'{text}' is not a port number.");
}
