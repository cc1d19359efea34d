using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.Contracts.CashApplication.V1;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// CashApplication in memory: the real Program, a real SQLite file, a fixed clock, a real
/// GrpcChannel; calling an in-memory Billing when given one.
/// </summary>
public sealed class CashApplicationHost(BillingHost? billing = null) : WebApplicationFactory<CashApplicationGrpcService>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("cashapp-tests-").FullName;
    private GrpcChannel? _channel;

    public string DatabasePath => Path.Combine(_directory, "cashappdb.db");

    public FixedClock Clock { get; } = new(new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:cashappdb", $"Data Source={DatabasePath}");
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.UseSetting("services:billing:grpc:0", "http://billing");
        builder.ConfigureTestServices(services =>
        {
            services.AddSingleton<TimeProvider>(Clock);
            if (billing is not null)
                services.Configure<HttpClientFactoryOptions>(nameof(Contracts.Billing.V1.BillingService.BillingServiceClient),
                    o => o.HttpMessageHandlerBuilderActions.Add(b => b.PrimaryHandler = billing.Server.CreateHandler()));
        });
    }

    public CashApplicationService.CashApplicationServiceClient ClientAs(string user, params string[] roles)
    {
        _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions
        {
            HttpHandler = Server.CreateHandler(), MaxSendMessageSize = 256 * 1024 * 1024,
        });
        return new CashApplicationService.CashApplicationServiceClient(_channel.WithBearer(TestTokens.For(user, roles)));
    }

    public HttpClient JsonClient(string user, params string[] roles)
    {
        var http = CreateClient();
        http.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For(user, roles));
        return http;
    }

    public async Task<T> QueryAsync<T>(Func<CashApplicationDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<CashApplicationDbContext>());
    }

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
        if (!disposing) return;
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
    }
}
