using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// One service in memory: its real Program, a real database (<see cref="TestDatabase"/>: a SQLite
/// file in a folder of its own, or a PostgreSQL database, unless a path is given, e.g. to reopen
/// it after a "crash"), the test signing key, a fixed clock, and one real GrpcChannel for its clients.
/// </summary>
public abstract class InMemoryServiceHost<TEntryPoint, TDbContext> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class where TDbContext : DbContext
{
    private static readonly DateTimeOffset Today = new(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
    private readonly string _connectionName;
    private readonly string? _ownedDirectory;
    private readonly TestDatabase _database;
    private GrpcChannel? _channel;

    protected InMemoryServiceHost(string connectionName, string? databasePath = null, DateTimeOffset? now = null)
    {
        _connectionName = connectionName;
        if (databasePath is null) _ownedDirectory = Directory.CreateTempSubdirectory($"{connectionName}-tests-").FullName;
        DatabasePath = databasePath ?? Path.Combine(_ownedDirectory!, $"{connectionName}.db");
        _database = TestDatabase.At(DatabasePath, owned: databasePath is null);
        Clock = new FixedClock(now ?? Today);
    }

    public string DatabasePath { get; }

    public FixedClock Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _database.Settings(_connectionName)) builder.UseSetting(key, value);
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Sends the service's Billing client to an in-memory Billing, through discovery and service identity as in production.</summary>
    protected static void CallBillingIn(IWebHostBuilder builder, BillingHost billing) =>
        CallServiceIn<Contracts.Billing.V1.BillingService.BillingServiceClient>(builder, "billing", () => billing.Server);

    /// <summary>
    /// Sends the service's <typeparamref name="TClient"/> to another service in memory, found when
    /// the first call is made: two services may call each other, and one that is never called is
    /// never started.
    /// </summary>
    protected static void CallServiceIn<TClient>(IWebHostBuilder builder, string serviceName, Func<TestServer> server)
    {
        builder.UseSetting($"services:{serviceName}:grpc:0", $"http://{serviceName}");
        builder.ConfigureTestServices(services =>
            services.Configure<HttpClientFactoryOptions>(typeof(TClient).Name,
                o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = new FirstCallHandler(server))));
    }

    /// <summary>Sends to the test server <paramref name="server"/> names when the first request goes out.</summary>
    private sealed class FirstCallHandler(Func<TestServer> server) : HttpMessageHandler
    {
        private readonly Lazy<HttpMessageInvoker> _inner = new(() => new HttpMessageInvoker(server().CreateHandler()));

        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct) =>
            _inner.Value.SendAsync(request, ct);

        protected override void Dispose(bool disposing)
        {
            if (disposing && _inner.IsValueCreated) _inner.Value.Dispose();
            base.Dispose(disposing);
        }
    }

    /// <summary>Calls carrying a token for <paramref name="user"/> with <paramref name="roles"/>.</summary>
    protected CallInvoker Invoker(string user, params string[] roles) => Channel.WithBearer(TestTokens.For(user, roles));

    /// <summary>Calls carrying no token at all.</summary>
    protected CallInvoker Anonymous => Channel.CreateCallInvoker();

    private GrpcChannel Channel => _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
    {
        HttpHandler = Server.CreateHandler(), MaxReceiveMessageSize = 32 * 1024 * 1024, MaxSendMessageSize = 256 * 1024 * 1024,
    });

    /// <summary>An HTTP client for the JSON routes with a token for <paramref name="user"/> (none without roles).</summary>
    public HttpClient JsonClient(string user, params string[] roles)
    {
        var http = CreateClient();
        if (roles.Length > 0) http.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(user, roles));
        return http;
    }

    /// <summary>A fresh context on the service's own database, for asserting what was written.</summary>
    public async Task<T> QueryAsync<T>(Func<TDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<TDbContext>());
    }

    /// <summary>The configuration that points a process at this host's database (to run the service as a process of its own on it).</summary>
    public IEnumerable<KeyValuePair<string, string>> DatabaseSettings => _database.Settings(_connectionName);

    /// <summary>Everything the service's database holds, as text (see <see cref="TestDatabase.StoredTextAsync"/>).</summary>
    public Task<string> StoredTextAsync() => _database.StoredTextAsync();

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
        if (!disposing) return;
        _database.Dispose();
        if (_ownedDirectory is not null)
            try { Directory.Delete(_ownedDirectory, recursive: true); } catch (IOException) { }
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
