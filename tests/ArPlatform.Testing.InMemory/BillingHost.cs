using ArPlatform.Billing.Data;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Grpc.Net.Client;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// Billing in memory: the real Program, a real SQLite file of its own, real Redis (or a port
/// where nothing listens, to play Redis down), a fixed clock, and a real GrpcChannel.
/// </summary>
public sealed class BillingHost : WebApplicationFactory<ArPlatform.Billing.Grpc.BillingGrpcService>
{
    private readonly string _directory = Directory.CreateTempSubdirectory("billing-tests-").FullName;
    private readonly string? _redis;
    private GrpcChannel? _channel;

    public BillingHost(string? redis, DateTimeOffset? now = null)
    {
        _redis = redis;
        Clock = new FixedClock(now ?? new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero));
    }

    public FixedClock Clock { get; }

    public string DatabasePath => Path.Combine(_directory, "billingdb.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("ConnectionStrings:billingdb", $"Data Source={DatabasePath}");
        builder.UseSetting("ConnectionStrings:redis", _redis ?? "");
        builder.UseSetting("Auth:SigningKey", TestTokens.SigningKey);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }

    /// <summary>Billing as an AR clerk calls it (may create and read).</summary>
    public BillingService.BillingServiceClient Client => ClientAs(Roles.ArClerk);

    /// <summary>Billing called with a token for <paramref name="roles"/>, or with none when null.</summary>
    public BillingService.BillingServiceClient ClientAs(params string[]? roles) =>
        roles is null ? new BillingService.BillingServiceClient(Channel.CreateCallInvoker()) : ClientFor("tester", roles);

    /// <summary>Billing called by a named person: segregation of duties is about who, not only what.</summary>
    public BillingService.BillingServiceClient ClientFor(string user, params string[] roles) =>
        new(Channel.WithBearer(TestTokens.For(user, roles)));

    private GrpcChannel Channel =>
        _channel ??= GrpcChannel.ForAddress(Server.BaseAddress, new GrpcChannelOptions { HttpHandler = Server.CreateHandler() });

    /// <summary>An HTTP client for the JSON routes, with a token for <paramref name="roles"/> (none when empty).</summary>
    public HttpClient JsonClient(params string[] roles)
    {
        var http = CreateClient();
        if (roles.Length > 0)
            http.DefaultRequestHeaders.Authorization = new("Bearer", TestTokens.For("tester", roles));
        return http;
    }

    /// <summary>A fresh context on the service's own database, for asserting what was written.</summary>
    public async Task<T> QueryAsync<T>(Func<BillingDbContext, Task<T>> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await query(scope.ServiceProvider.GetRequiredService<BillingDbContext>());
    }

    public Task<int> CountAsync<TEntity>() where TEntity : class =>
        QueryAsync(db => db.Set<TEntity>().CountAsync());

    protected override void Dispose(bool disposing)
    {
        _channel?.Dispose();
        base.Dispose(disposing);
        if (disposing)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try { Directory.Delete(_directory, recursive: true); } catch (IOException) { }
        }
    }
}

public sealed class FixedClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;
    public override DateTimeOffset GetUtcNow() => Now;
}
