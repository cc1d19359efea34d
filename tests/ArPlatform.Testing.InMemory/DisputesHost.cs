using ArPlatform.Contracts.Disputes.V1;
using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Grpc;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// Disputes in memory, calling a Billing that is in memory too (through the real gRPC client,
/// service discovery and service identity, over the test server's handler), with a real SQLite
/// file that a second host may open again (a restart after a crash).
/// </summary>
/// <param name="databasePath">The SQLite file; a new one in a temporary folder when null.</param>
/// <param name="settings">Extra configuration (Disputes:Outbox:PollSeconds …).</param>
public sealed class DisputesHost(BillingHost billing, string? databasePath = null, IReadOnlyDictionary<string, string>? settings = null)
    : InMemoryServiceHost<DisputesGrpcService, DisputesDbContext>("disputesdb", databasePath, billing.Clock.Now)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CallBillingIn(builder, billing);
        // Its own identity, which Billing admits to credit a case against the case's hold.
        builder.UseSetting("OTEL_SERVICE_NAME", "disputes");
        builder.UseSetting("Disputes:EscalationIntervalMinutes", "0");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    /// <summary>Disputes called as <paramref name="user"/> with <paramref name="roles"/>.</summary>
    public DisputesService.DisputesServiceClient ClientAs(string user, params string[] roles) => new(Invoker(user, roles));

    /// <summary>An AR clerk, who may open, work and resolve cases.</summary>
    public DisputesService.DisputesServiceClient Client => ClientAs("clara", Roles.ArClerk);

    public Task<int> ExecuteSqlAsync(string sql) => QueryAsync(db => db.Database.ExecuteSqlRawAsync(sql));
}
