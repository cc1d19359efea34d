using System.Runtime.InteropServices;
using ArPlatform.AppHost;
using ArPlatform.AppHost.Dashboard;
using ArPlatform.AppHost.Orchestration;
using ArPlatform.AppHost.Resources;
using ArPlatform.DevServers;
using ArPlatform.ServiceDefaults.Security;

if (args.Contains("--help") || args.Contains("-h"))
{
    Console.WriteLine(AppHostOptions.Usage);
    Console.WriteLine(TokenCommand.Usage);
    return 0;
}

if (args.FirstOrDefault() == "token")
{
    try
    {
        return TokenCommand.Run(args[1..], Path.Combine(ServiceCatalog.RepositoryRoot, ".data"));
    }
    catch (ArgumentException ex)
    {
        Console.Error.WriteLine(ex.Message);
        Console.Error.WriteLine(TokenCommand.Usage);
        return 2;
    }
}

AppHostOptions options;
try
{
    options = AppHostOptions.Parse(args, ServiceCatalog.RepositoryRoot);
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine(ex.Message);
    Console.Error.WriteLine(AppHostOptions.Usage);
    return 2;
}

var logs = new LogBuffer(TimeProvider.System);
var log = new ConsoleLog(logs);
Directory.CreateDirectory(options.DataDirectory);
var projects = ServiceCatalog.Locate();
var redisServer = options.DisableRedis ? null : Executables.Find("redis-server");
if (redisServer is null && !options.DisableRedis)
    log.Info("redis-server was not found on PATH (Debian: apt-get install redis-server). " +
             "Running with the balance cache disabled: balances are summed from the database.");
var prometheus = options.DisablePrometheus ? null : Executables.Find("prometheus");
if (prometheus is null && !options.DisablePrometheus)
    log.Info("prometheus was not found on PATH (Debian: apt-get install prometheus); running without it. " +
             "The dashboard still shows every service's numbers.");

PortPlan ports;
try
{
    ports = PortAllocator.Plan(options, projects.Select(p => p.Name), withPrometheus: prometheus is not null);
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

ServerCommand? postgres = null;
if (options.Database == DatabaseKind.Postgres)
{
    var cluster = Path.Combine(options.DataDirectory, "postgres");
    try
    {
        await PostgresServer.InitializeAsync(cluster, durable: true, CancellationToken.None);
    }
    catch (InvalidOperationException ex)
    {
        Console.Error.WriteLine(ex.Message);
        return 2;
    }
    postgres = PostgresServer.Command(cluster, ports.Postgres, durable: true);
}

var signingKey = DevelopmentKey.LoadOrCreate(options.DataDirectory);
var resources = Topology.Build(options, ports, projects, redisServer, signingKey, prometheus, postgres);
// Where Prometheus finds this run's random ports (ops/prometheus/prometheus.yml reads the file),
// and the configuration AppHost starts it with.
var targetsFile = Path.Combine(options.DataDirectory, PrometheusTargets.FileName);
File.WriteAllText(targetsFile, PrometheusTargets.Json(resources));
var opsPrometheus = Path.Combine(ServiceCatalog.RepositoryRoot, "ops", "prometheus");
if (prometheus is not null)
    File.WriteAllText(Path.Combine(options.DataDirectory, PrometheusConfig.FileName),
        PrometheusConfig.ForRun(File.ReadAllText(Path.Combine(opsPrometheus, PrometheusConfig.FileName)), opsPrometheus, targetsFile));
using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

var database = options.SqlServer is not null ? "SQL Server"
    : postgres is not null ? $"PostgreSQL on 127.0.0.1:{ports.Postgres} (cluster in {Path.Combine(options.DataDirectory, "postgres")})"
    : "SQLite";
log.Info($"Data: {options.DataDirectory}  Database: {database}");
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
var readiness = new Readiness(http);
var dashboardUrl = $"http://localhost:{ports.Dashboard}";
var tokensFile = DevelopmentTokens.Write(options.DataDirectory, new TokenIssuer(TokenSettings.ForDevelopmentKey(signingKey)));
var orchestrator = new Orchestrator(resources, readiness, log, tokensFile, dashboardUrl);
var monitor = new ResourceMonitor(orchestrator.Processes, readiness, http, TimeProvider.System);
await using var dashboard = await DashboardServer.StartAsync(ports.Dashboard, monitor, logs, TimeProvider.System, stopping.Token);
log.Info($"Dashboard: {dashboardUrl}");
using var monitorStopping = CancellationTokenSource.CreateLinkedTokenSource(stopping.Token);
var monitoring = monitor.RunAsync(monitorStopping.Token);
var exitCode = await orchestrator.RunAsync(stopping.Token);
await monitorStopping.CancelAsync();
await monitoring;
return exitCode;
