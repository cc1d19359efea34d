using ArPlatform.Contracts.Disputes.V1;
using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Grpc;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// Disputes in memory, calling a Billing that is in memory too (through the real gRPC client,
/// service discovery and service identity, over the test server's handler), with a real SQLite
/// file that a second host may open again (a restart after a crash).
/// </summary>
public sealed class DisputesHost : WebApplicationFactory<DisputesGrpcService>
{
    private readonly BillingHost _billing;
    private readonly IReadOnlyDictionary<string, string> _settings;
    private readonly string? _ownedDirectory;
    private GrpcChannel? _channel;

    /// <param name="databasePath">The SQLite file; a new one in a temporary folder when null.</param>
    /// <param name="settings">Extra configuration (Disputes:Outbox:PollSeconds …).</param>
    public DisputesHost(BillingHost billing, string? databasePath = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        _billing = billing;
        _settings = settings ?? new Dictionary<string, string>();
        if (databasePath is null) _ownedDirectory = Directory.CreateTempSubdirectory("disputes-tests-").FullName;
        DatabasePath = databasePath ?? Path.Combine(_ownedDirectory!, "disputesdb.db");
        Clock = new FixedClock(billing.Clock.Now);
    }

    public string DatabasePath { get; }

    public FixedClock Clock { get; }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:disputesdb", $"Data Source={DatabasePath}");
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("services:billing:grpc:0", "http://billing");
        builder.UseSetting("Disputes:EscalationIntervalMinutes", "0");
        foreach (var (key, value) in _settings) builder.UseSetting(key, value);
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            services.Configure<HttpClientFactoryOptions>(nameof(Contracts.Billing.V1.BillingService.BillingServiceClient),
                o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = _billing.Server.CreateHandler()));
        });
    }

    /// <summary>Disputes called as <paramref name="user"/> with <paramref name="roles"/>.</summary>
    public DisputesService.DisputesServiceClient ClientAs(string user, params string[] roles)
    {
        _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = Server.CreateHandler(), MaxReceiveMessageSize = 32 * 1024 * 1024, MaxSendMessageSize = 32 * 1024 * 1024,
        });
        return new DisputesService.DisputesServiceClient(_channel.WithBearer(TestTokens.For(user, roles)));
    }

    /// <summary>An AR clerk, who may open, work and resolve cases.</summary>
    public DisputesService.DisputesServiceClient Client => ClientAs("clara", Roles.ArClerk);

    public HttpClient JsonClient(string user, params string[] roles)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(user, roles));
        return http;
    }

    public async Task<T> QueryAsync<T>(Func<DisputesDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<DisputesDbContext>());
    }

    public Task<int> ExecuteSqlAsync(string sql) => QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        if (_ownedDirectory is not null)
            try { Directory.Delete(_ownedDirectory, recursive: true); } catch (IOException) { }
    }
}
