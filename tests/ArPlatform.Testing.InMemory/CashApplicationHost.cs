using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.Contracts.CashApplication.V1;
using Microsoft.AspNetCore.Hosting;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// CashApplication in memory: the real Program, a real SQLite file, a fixed clock, a real
/// GrpcChannel; calling an in-memory Billing when given one.
/// </summary>
public sealed class CashApplicationHost(BillingHost? billing = null)
    : InMemoryServiceHost<CashApplicationGrpcService, CashApplicationDbContext>("cashappdb")
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        if (billing is not null) CallBillingIn(builder, billing);
    }

    public CashApplicationService.CashApplicationServiceClient ClientAs(string user, params string[] roles) => new(Invoker(user, roles));
}
