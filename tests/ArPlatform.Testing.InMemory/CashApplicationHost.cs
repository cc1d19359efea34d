using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.Contracts.Disputes.V1;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// CashApplication in memory: the real Program, a real SQLite file (reopened by a second host
/// after a "crash" when given its path), a fixed clock, a real GrpcChannel; calling an in-memory
/// Billing and Disputes when given them. Its dispatch worker and the reuse of
/// Billing's open invoices between batches are off unless settings turn them on.
/// </summary>
/// <param name="services">Changes to its services, e.g. a fault on the wire to Billing.</param>
public sealed class CashApplicationHost(
    BillingHost? billing = null, DisputesHost? disputes = null, string? databasePath = null, IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null)
    : InMemoryServiceHost<CashApplicationGrpcService, CashApplicationDbContext>("cashappdb", databasePath, billing?.Clock.Now)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (billing is not null) CallBillingIn(builder, billing);
        if (disputes is not null) CallServiceIn<DisputesService.DisputesServiceClient>(builder, "disputes", () => disputes.Server);
        builder.UseSetting("CashApplication:Dispatch:PollSeconds", "0");
        // Each test reads Billing afresh unless it sets a cache time itself.
        builder.UseSetting("CashApplication:Matching:ContextCacheSeconds", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
        if (services is not null) builder.ConfigureTestServices(services);
    }

    public CashApplicationService.CashApplicationServiceClient ClientAs(string user, params string[] roles) => new(Invoker(user, roles));
}
