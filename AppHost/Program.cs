using System.Runtime.InteropServices;
using ArPlatform.AppHost;
using ArPlatform.AppHost.Orchestration;
using ArPlatform.AppHost.Resources;
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

var log = new ConsoleLog();
Directory.CreateDirectory(options.DataDirectory);
var projects = ServiceCatalog.Locate();
var redisServer = options.DisableRedis ? null : Executables.Find("redis-server");
if (redisServer is null && !options.DisableRedis)
    log.Info("redis-server was not found on PATH (Debian: apt-get install redis-server). " +
             "Running with the balance cache disabled: balances are summed from the database.");

PortPlan ports;
try
{
    ports = PortAllocator.Plan(options, projects.Select(p => p.Name));
}
catch (InvalidOperationException ex)
{
    Console.Error.WriteLine(ex.Message);
    return 2;
}

var signingKey = DevelopmentKey.LoadOrCreate(options.DataDirectory);
var resources = Topology.Build(options, ports, projects, redisServer, signingKey);
// Where Prometheus finds this run's random ports (ops/prometheus/prometheus.yml reads the file).
File.WriteAllText(Path.Combine(options.DataDirectory, PrometheusTargets.FileName), PrometheusTargets.Json(resources));
using var stopping = new CancellationTokenSource();
void Stop(PosixSignalContext context)
{
    context.Cancel = true;
    stopping.Cancel();
}
using var sigint = PosixSignalRegistration.Create(PosixSignal.SIGINT, Stop);
using var sigterm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, Stop);

log.Info($"Data: {options.DataDirectory}  Database: {(options.SqlServer is null ? "SQLite" : "SQL Server")}");
using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(2) };
return await new Orchestrator(resources, new Readiness(http), log, new TokenIssuer(TokenSettings.ForDevelopmentKey(signingKey)))
    .RunAsync(stopping.Token);
