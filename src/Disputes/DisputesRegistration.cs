using ArPlatform.Disputes.Analytics;
using ArPlatform.Disputes.BillingSync;
using ArPlatform.Disputes.Cases;
using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Evidence;
using ArPlatform.Disputes.Grpc;
using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Grpc;
using ArPlatform.ServiceDefaults.Security;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Disputes;

public static class DisputesRegistration
{
    public static IHostApplicationBuilder AddDisputes(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<DisputesDbContext, SqliteDisputesDbContext, SqlServerDisputesDbContext, PostgresDisputesDbContext>("disputesdb");
        builder.Services.AddServiceGrpcClient<Billing.BillingService.BillingServiceClient>("billing");
        builder.Services.AddScoped<PortfolioGuard>();
        builder.Services.Configure<SlaPolicy>(builder.Configuration.GetSection("Disputes:Sla"));
        builder.Services.Configure<EvidenceOptions>(builder.Configuration.GetSection("Disputes:Evidence"));
        // Evidence arrives inside the message: room for the largest document (base64 in JSON) and the rest.
        var evidenceBytes = builder.Configuration.GetSection("Disputes:Evidence").Get<EvidenceOptions>()?.MaxBytes ?? new EvidenceOptions().MaxBytes;
        builder.Services.AddGrpc().AddServiceOptions<DisputesGrpcService>(o => o.MaxReceiveMessageSize = (int)Math.Min(int.MaxValue, evidenceBytes * 2 + 1024 * 1024));
        builder.Services.Configure<OutboxOptions>(builder.Configuration.GetSection("Disputes:Outbox"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<DisputesMetrics>();
        builder.Services.AddSingleton<DisputesGaugeRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DisputesGaugeRefresher>());
        builder.Services.AddSingleton<BillingOutboxDispatcher>();
        builder.Services.AddHostedService<OutboxWorker>();
        builder.Services.AddHostedService<EscalationWorker>();
        builder.Services.AddScoped<CommandExecutor<DisputesDbContext>>();
        builder.Services.AddScoped<AuditLogReader<DisputesDbContext>>();
        builder.Services.AddScoped<BillingOutbox>();
        builder.Services.AddScoped<DisputeOpening>();
        builder.Services.AddScoped<DisputeWork>();
        builder.Services.AddScoped<DisputeQueries>();
        builder.Services.AddScoped<DisputeEscalation>();
        builder.Services.AddScoped<EvidenceService>();
        builder.Services.AddScoped<DisputeAnalyticsService>();
        return builder;
    }
}
