using ArPlatform.Billing.Data;
using ArPlatform.Billing.Grpc;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// Billing in memory: the real Program, a real SQLite file of its own, real Redis (or a port
/// where nothing listens, to play Redis down), a fixed clock, and a real GrpcChannel.
/// </summary>
public sealed class BillingHost(string? redis, DateTimeOffset? now = null, string? databasePath = null)
    : InMemoryServiceHost<BillingGrpcService, BillingDbContext>("billingdb", databasePath, now)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:redis", redis ?? "");
    }

    /// <summary>Billing as an AR clerk calls it (may create and read).</summary>
    public BillingService.BillingServiceClient Client => ClientAs(Roles.ArClerk);

    /// <summary>Billing called with a token for <paramref name="roles"/>, or with none when null.</summary>
    public BillingService.BillingServiceClient ClientAs(params string[]? roles) =>
        roles is null ? new BillingService.BillingServiceClient(Anonymous) : ClientFor("tester", roles);

    /// <summary>Billing called by a named person: segregation of duties is about who, not only what.</summary>
    public BillingService.BillingServiceClient ClientFor(string user, params string[] roles) => new(Invoker(user, roles));

    /// <summary>An HTTP client for the JSON routes, with a token for <paramref name="roles"/> (none when empty).</summary>
    public HttpClient JsonClient(params string[] roles) => JsonClient("tester", roles);

    public Task<int> CountAsync<TEntity>() where TEntity : class =>
        QueryAsync(db => db.Set<TEntity>().CountAsync());
}
