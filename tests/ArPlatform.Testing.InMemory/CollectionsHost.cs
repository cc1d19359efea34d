using ArPlatform.Collections.Data;
using ArPlatform.Collections.Grpc;
using ArPlatform.Contracts.Collections.V1;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Hosting;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// Collections in memory, calling an in-memory Billing through the real gRPC client, with a
/// real SQLite file and its mail going to a real SMTP server on loopback (the tests' sink).
/// The background workers are off unless settings turn them on; tests drive them directly.
/// </summary>
public sealed class CollectionsHost(BillingHost billing, int smtpPort, string? databasePath = null, IReadOnlyDictionary<string, string>? settings = null)
    : InMemoryServiceHost<CollectionsGrpcService, CollectionsDbContext>("collectionsdb", databasePath, billing.Clock.Now)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        CallBillingIn(builder, billing);
        // Its own identity, which Billing admits to post write-offs, and Billing confirms them here.
        builder.UseSetting("OTEL_SERVICE_NAME", "collections");
        billing.ConfirmWriteOffsWith(() => Server);
        builder.UseSetting("Collections:Mail:SmtpHost", "127.0.0.1");
        builder.UseSetting("Collections:Mail:SmtpPort", smtpPort.ToString(System.Globalization.CultureInfo.InvariantCulture));
        builder.UseSetting("Collections:Mail:PollSeconds", "0");
        builder.UseSetting("Collections:WriteOffPosting:PollSeconds", "0");
        builder.UseSetting("Collections:Dunning:DailyRunHourUtc", "-1");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>()) builder.UseSetting(key, value);
    }

    /// <summary>Collections called as <paramref name="user"/> with <paramref name="roles"/>.</summary>
    public CollectionsService.CollectionsServiceClient ClientAs(string user, params string[] roles) => new(Invoker(user, roles));

    /// <summary>A collector, who works accounts.</summary>
    public CollectionsService.CollectionsServiceClient Collector => ClientAs("cole", Roles.Collector);

    /// <summary>An AR manager, who runs dunning and decides holds and write-offs of the lower tier.</summary>
    public CollectionsService.CollectionsServiceClient Manager => ClientAs("mia", Roles.ArManager);
}
