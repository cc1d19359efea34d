using ArPlatform.AppHost;
using ArPlatform.AppHost.Resources;
using ArPlatform.DevServers;

namespace ArPlatform.AppHost.Tests;

public class TopologyTests
{
    private static readonly AppHostOptions Options = new() { DataDirectory = "/srv/ar" };

    private static readonly PortPlan Ports = new(6400, new Dictionary<string, (int, int)>
    {
        ["billing"] = (5101, 5102), ["disputes"] = (5401, 5402), ["cashapp"] = (5201, 5202),
        ["collections"] = (5301, 5302), ["mcp"] = (5501, 5502), ["gateway"] = (8080, 8081),
    });

    private static readonly ServiceProject[] Projects =
    [
        new("billing", "/repo/src/Billing", "/repo/src/Billing/bin/Debug/net10.0/ArPlatform.Billing.dll", "billingdb"),
        new("disputes", "/repo/src/Disputes", "/repo/src/Disputes/bin/ArPlatform.Disputes.dll", "disputesdb"),
        new("cashapp", "/repo/src/CashApplication", "/repo/src/CashApplication/bin/ArPlatform.CashApplication.dll", "cashappdb"),
        new("collections", "/repo/src/Collections", "/repo/src/Collections/bin/ArPlatform.Collections.dll", "collectionsdb"),
        new("mcp", "/repo/src/Mcp", "/repo/src/Mcp/bin/ArPlatform.Mcp.dll", null),
        new("gateway", "/repo/src/Gateway", "/repo/src/Gateway/bin/ArPlatform.Gateway.dll", null),
    ];

    private const string Key = "ZGV2LWtleQ==";

    private static Resource Find(IEnumerable<Resource> resources, string name) => resources.Single(r => r.Name == name);

    [Fact]
    public void Billing_gets_aspire_variables_for_its_endpoints_database_and_redis()
    {
        var billing = Find(Topology.Build(Options, Ports, Projects, "/usr/bin/redis-server", Key), "billing");

        Assert.Equal("http://127.0.0.1:5101", billing.Environment["ASPNETCORE_URLS"]);
        Assert.Equal("http://127.0.0.1:5102", billing.Environment["Kestrel__Endpoints__grpc__Url"]);
        Assert.Equal("billing", billing.Environment["OTEL_SERVICE_NAME"]);
        Assert.Equal("Sqlite", billing.Environment["Database__Provider"]);
        Assert.Equal("Data Source=/srv/ar/billingdb.db", billing.Environment["ConnectionStrings__billingdb"]);
        Assert.Equal("127.0.0.1:6400", billing.Environment["ConnectionStrings__redis"]);
        Assert.Equal(["redis"], billing.WaitFor);
        // It confirms write-off approvals with Collections, which waits for Billing: found, not waited for.
        Assert.Equal("http://127.0.0.1:5302", billing.Environment["services__collections__grpc__0"]);
        Assert.Equal(["/repo/src/Billing/bin/Debug/net10.0/ArPlatform.Billing.dll"], billing.Arguments);
        Assert.Equal("/repo/src/Billing", billing.WorkingDirectory);
        Assert.False(billing.Environment.ContainsKey("OTEL_EXPORTER_OTLP_ENDPOINT"));
    }

    [Fact]
    public void The_gateway_discovers_every_service_by_name_and_waits_for_all_of_them()
    {
        var gateway = Find(Topology.Build(Options, Ports, Projects, "/usr/bin/redis-server", Key), "gateway");

        Assert.Equal("http://127.0.0.1:5102", gateway.Environment["services__billing__grpc__0"]);
        Assert.Equal("http://127.0.0.1:5101", gateway.Environment["services__billing__http__0"]);
        Assert.Equal("http://127.0.0.1:5202", gateway.Environment["services__cashapp__grpc__0"]);
        Assert.Equal("http://127.0.0.1:5302", gateway.Environment["services__collections__grpc__0"]);
        Assert.Equal("http://127.0.0.1:5402", gateway.Environment["services__disputes__grpc__0"]);
        Assert.Equal("http://127.0.0.1:5502", gateway.Environment["services__mcp__grpc__0"]);
        Assert.Equal(["billing", "cashapp", "collections", "disputes", "mcp"], gateway.WaitFor);
        Assert.Equal("/srv/ar/gateway-keys", gateway.Environment["DataProtection__KeysDirectory"]);
        Assert.Equal("http://localhost:8080", gateway.Environment["ASPNETCORE_URLS"]);
        Assert.Equal("http://localhost:8081", gateway.Environment["Kestrel__Endpoints__grpc__Url"]);
        Assert.DoesNotContain(gateway.Environment.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public void Services_reference_only_the_services_they_call()
    {
        var resources = Topology.Build(Options, Ports, Projects, "/usr/bin/redis-server", Key);
        var cashapp = Find(resources, "cashapp");

        Assert.Equal(["billing", "disputes"], cashapp.WaitFor);
        Assert.Contains("services__billing__grpc__0", cashapp.Environment.Keys);
        Assert.DoesNotContain("services__collections__grpc__0", cashapp.Environment.Keys);
        Assert.DoesNotContain("ConnectionStrings__redis", cashapp.Environment.Keys);
    }

    [Fact]
    public void The_mcp_server_finds_the_services_it_calls_as_the_caller_and_holds_no_database()
    {
        var mcp = Find(Topology.Build(Options, Ports, Projects, "/usr/bin/redis-server", Key), "mcp");

        Assert.Equal(["billing", "collections", "disputes"], mcp.WaitFor);
        Assert.Equal("http://127.0.0.1:5402", mcp.Environment["services__disputes__grpc__0"]);
        Assert.DoesNotContain(mcp.Environment.Keys, k => k.StartsWith("ConnectionStrings__", StringComparison.Ordinal));
    }

    [Fact]
    public void Redis_runs_on_loopback_without_persistence()
    {
        var redis = Find(Topology.Build(Options, Ports, Projects, "/usr/bin/redis-server", Key), "redis");

        Assert.Equal("/usr/bin/redis-server", redis.FileName);
        Assert.Equal(["--port", "6400", "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"], redis.Arguments);
        Assert.Equal(ReadinessKind.RedisPing, redis.Readiness);
    }

    [Fact]
    public void Without_redis_server_the_stack_runs_with_the_cache_disabled()
    {
        var resources = Topology.Build(Options, Ports, Projects, redisServerPath: null, Key);
        var billing = Find(resources, "billing");

        Assert.DoesNotContain(resources, r => r.Name == "redis");
        Assert.DoesNotContain("ConnectionStrings__redis", billing.Environment.Keys);
        Assert.Empty(billing.WaitFor);
    }

    [Fact]
    public void Sql_server_gives_each_service_its_own_database()
    {
        var options = Options with { SqlServer = "Server=db.internal;User Id=ar;Password=secret;TrustServerCertificate=True;" };
        var resources = Topology.Build(options, Ports, Projects, null, Key);

        Assert.Equal("SqlServer", Find(resources, "billing").Environment["Database__Provider"]);
        Assert.Equal("Server=db.internal;User Id=ar;Password=secret;TrustServerCertificate=True;Database=ar_billing",
            Find(resources, "billing").Environment["ConnectionStrings__billingdb"]);
        Assert.EndsWith("Database=ar_disputes", Find(resources, "disputes").Environment["ConnectionStrings__disputesdb"]);
    }

    private static readonly ServerCommand PostgresServer = new("/usr/lib/postgresql/15/bin/postgres", ["-D", "/srv/ar/postgres", "-p", "5433"]);

    [Fact]
    public void Postgres_gives_each_service_its_own_database_on_the_local_cluster()
    {
        var options = AppHostOptions.Parse(["--database", "postgres", "--data-dir", "/srv/ar"], "/repo");
        var resources = Topology.Build(options, Ports with { Postgres = 5433 }, Projects, "/usr/bin/redis-server", Key, postgresServer: PostgresServer);

        var billing = Find(resources, "billing").Environment;
        Assert.Equal("Postgres", billing["Database__Provider"]);
        Assert.Equal("Host=127.0.0.1;Port=5433;Username=postgres;Database=billingdb", billing["ConnectionStrings__billingdb"]);
        Assert.Equal("Host=127.0.0.1;Port=5433;Username=postgres;Database=disputesdb",
            Find(resources, "disputes").Environment["ConnectionStrings__disputesdb"]);
        Assert.DoesNotContain(billing.Keys, k => k.StartsWith("services__postgres", StringComparison.Ordinal));
    }

    [Fact]
    public void With_postgres_the_services_with_a_database_wait_for_the_server_that_creates_them()
    {
        var resources = Topology.Build(Options with { Database = DatabaseKind.Postgres }, Ports with { Postgres = 5433 }, Projects,
            "/usr/bin/redis-server", Key, postgresServer: PostgresServer);
        var postgres = Find(resources, "postgres");

        Assert.Equal(["redis", "postgres"], Find(resources, "billing").WaitFor);
        Assert.Equal(["billing", "postgres"], Find(resources, "disputes").WaitFor);
        Assert.DoesNotContain("postgres", Find(resources, "gateway").WaitFor);
        Assert.Equal(["billingdb", "disputesdb", "cashappdb", "collectionsdb"], postgres.Databases);
        Assert.Equal(ReadinessKind.Postgres, postgres.Readiness);
        Assert.Equal(5433, postgres.Endpoints["tcp"]);
        // Its own session, so that Ctrl+C reaches it only through AppHost, after the services; fast shutdown.
        Assert.Equal(["/usr/lib/postgresql/15/bin/postgres", "-D", "/srv/ar/postgres", "-p", "5433"], postgres.Arguments);
        Assert.Equal("setsid", postgres.FileName);
        Assert.Equal(Resource.SigInt, postgres.StopSignal);
    }

    [Fact]
    public void Every_process_gets_the_development_signing_key()
    {
        var resources = Topology.Build(Options, Ports, Projects, null, Key);
        Assert.All(resources, r => Assert.Equal(Key, r.Environment["Auth__SigningKey"]));
    }

    [Fact]
    public void Prometheus_runs_on_loopback_with_this_runs_configuration_and_storage_in_the_data_folder()
    {
        var resources = Topology.Build(Options, Ports with { Prometheus = 9191 }, Projects, null, Key, "/usr/bin/prometheus");
        var prometheus = Find(resources, "prometheus");

        Assert.Equal("/usr/bin/prometheus", prometheus.FileName);
        Assert.Equal(
            ["--config.file=/srv/ar/prometheus.yml", "--storage.tsdb.path=/srv/ar/prometheus", "--storage.tsdb.retention.time=7d",
             "--web.listen-address=127.0.0.1:9191"],
            prometheus.Arguments);
        Assert.Equal("/-/ready", prometheus.HealthPath);
        Assert.False(prometheus.ServesMetrics);
    }

    [Fact]
    public void Without_prometheus_installed_the_stack_runs_without_it()
    {
        Assert.DoesNotContain(Topology.Build(Options, Ports, Projects, null, Key), r => r.Name == "prometheus");
    }

    [Fact]
    public void An_otlp_endpoint_is_passed_to_every_service()
    {
        var resources = Topology.Build(Options with { OtlpEndpoint = "http://localhost:4317" }, Ports, Projects, null, Key);
        Assert.All(resources, r => Assert.Equal("http://localhost:4317", r.Environment["OTEL_EXPORTER_OTLP_ENDPOINT"]));
    }

    [Fact]
    public void Replicas_are_processes_of_their_own_that_callers_and_the_gateway_discover_together()
    {
        var options = Options with { Database = DatabaseKind.Postgres, Replicas = 2 };
        var ports = PortAllocator.Plan(options with { GatewayHttpPort = 0, GatewayGrpcPort = 0, DashboardPort = 0, SmtpIntakePort = 0 }, Projects.Select(p => p.Name));
        var resources = Topology.Build(options, ports with { Postgres = 5433 }, Projects, "/usr/bin/redis-server", Key, postgresServer: PostgresServer);

        Assert.Equal(["billing", "billing-2"], resources.Where(r => r.Name.StartsWith("billing")).Select(r => r.Name));
        Assert.Single(resources, r => r.Name.StartsWith("gateway"));
        var (billing, billing2) = (Find(resources, "billing"), Find(resources, "billing-2"));
        Assert.NotEqual(billing.Endpoints["grpc"], billing2.Endpoints["grpc"]);
        Assert.Equal(billing.Environment["ConnectionStrings__billingdb"], billing2.Environment["ConnectionStrings__billingdb"]);
        Assert.Equal("billing", billing2.Environment["OTEL_SERVICE_NAME"]);
        Assert.Contains("billing", billing2.WaitFor); // the first process migrates the database
        var gateway = Find(resources, "gateway").Environment;
        Assert.Equal(billing.Url("grpc"), gateway["services__billing__grpc__0"]);
        Assert.Equal(billing2.Url("grpc"), gateway["services__billing__grpc__1"]);
        // Customers' mail comes in at one address: the first Collections process takes it.
        Assert.True(Find(resources, "collections").Endpoints.ContainsKey("smtp"));
        Assert.False(Find(resources, "collections-2").Endpoints.ContainsKey("smtp"));
    }

    [Fact]
    public void Replicas_on_sqlite_are_refused_with_the_reason()
    {
        var refused = Assert.Throws<ArgumentException>(() => AppHostOptions.Parse(["--replicas", "2"], "/repo"));

        Assert.Contains("--database postgres", refused.Message);
        Assert.Equal(2, AppHostOptions.Parse(["--replicas", "2", "--database", "postgres"], "/repo").Replicas);
    }
}

public class PrometheusTargetsTests
{
    [Fact]
    public void Every_service_and_the_gateway_are_scrape_targets_labelled_with_their_names()
    {
        Resource Service(string name, Dictionary<string, int> endpoints) => new()
        {
            Name = name, FileName = "dotnet", Arguments = [], WorkingDirectory = "/", Endpoints = endpoints,
            Environment = new Dictionary<string, string>(),
        };

        var json = PrometheusTargets.Json(
        [
            Service("redis", new() { ["tcp"] = 6400 }),
            Service("prometheus", new() { ["http"] = 9090 }),
            Service("billing", new() { ["http"] = 24811, ["grpc"] = 27020 }),
            Service("gateway", new() { ["http"] = 8080, ["grpc"] = 8081 }),
        ]);

        var targets = System.Text.Json.JsonDocument.Parse(json).RootElement.EnumerateArray()
            .Select(t => (t.GetProperty("targets")[0].GetString(), t.GetProperty("labels").GetProperty("service").GetString())).ToList();
        Assert.Equal([("127.0.0.1:24811", "billing"), ("127.0.0.1:8080", "gateway")], targets);
    }
}
