using ArPlatform.Billing.Data;
using ArPlatform.Billing.Grpc;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// Billing in memory: the real Program, a real SQLite file of its own, real Redis (or a port
/// where nothing listens, to play Redis down), a fixed clock, and a real GrpcChannel. It confirms
/// write-off approvals with the Collections in memory that posts them, or, alone, with
/// <see cref="Approvals"/>.
/// </summary>
/// <param name="cacheTimeout">
/// How long a Redis command may take before the balance is read from the database: a second
/// unless told, since on a loaded test machine a fresh server's first script call can take longer
/// than production's 50 ms and a test expecting the cache would read the database instead. Tests
/// of a stalled cache pass production's own.
/// </param>
public sealed class BillingHost(string? redis, DateTimeOffset? now = null, string? databasePath = null, TimeSpan? cacheTimeout = null)
    : InMemoryServiceHost<BillingGrpcService, BillingDbContext>("billingdb", databasePath, now)
{
    private Func<TestServer>? _collections;

    /// <summary>The write-offs Collections approved, as far as a test of Billing alone says.</summary>
    public ApprovedWriteOffs Approvals { get; } = new();

    /// <summary>Billing confirms write-off approvals with this Collections instead of <see cref="Approvals"/>.</summary>
    internal void ConfirmWriteOffsWith(Func<TestServer> collections) => _collections = collections;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("ConnectionStrings:redis", redis ?? "");
        builder.UseSetting("BalanceCache:CommandTimeout", (cacheTimeout ?? TimeSpan.FromSeconds(1)).ToString("c"));
        CallServiceIn<Contracts.Collections.V1.CollectionsService.CollectionsServiceClient>(builder, "collections",
            () => _collections?.Invoke() ?? Approvals.Server);
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

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing) Approvals.Dispose();
    }
}
