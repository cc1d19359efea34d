using Microsoft.Extensions.Options;
using ArPlatform.Collections.Activities;
using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Allowance;
using ArPlatform.Collections.BillingReads;
using ArPlatform.Collections.Credit;
using ArPlatform.Collections.Data;
using ArPlatform.Collections.Dunning;
using ArPlatform.Collections.Forecasts;
using ArPlatform.Collections.Inbox;
using ArPlatform.Collections.Performance;
using ArPlatform.Collections.Mail;
using ArPlatform.Collections.Promises;
using ArPlatform.Collections.Worklists;
using ArPlatform.Collections.WriteOffs;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Grpc;
using ArPlatform.ServiceDefaults.Security;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Collections;

public static class CollectionsRegistration
{
    public static IHostApplicationBuilder AddCollections(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CollectionsDbContext, SqliteCollectionsDbContext, SqlServerCollectionsDbContext, PostgresCollectionsDbContext>("collectionsdb");
        builder.Services.AddServiceGrpcClient<Billing.BillingService.BillingServiceClient>("billing");
        var config = builder.Configuration.GetSection("Collections");
        builder.Services.Configure<DunningOptions>(config.GetSection("Dunning"));
        builder.Services.Configure<CreditOptions>(config.GetSection("Credit"));
        builder.Services.Configure<MailOptions>(config.GetSection("Mail"));
        builder.Services.Configure<ApprovalMatrixOptions>(config.GetSection("WriteOffApproval"));
        builder.Services.Configure<WriteOffPostingOptions>(config.GetSection("WriteOffPosting"));
        builder.Services.Configure<AllowanceOptions>(config.GetSection("Allowance"));
        builder.Services.Configure<KpiOptions>(config.GetSection("Kpis"));
        builder.Services.Configure<AgentOptions>(config.GetSection("Agent"));
        builder.Services.AddSingleton<IValidateOptions<AgentOptions>, AgentOptionsValidator>();
        builder.Services.AddOptions<AgentOptions>().ValidateOnStart();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CollectionsMetrics>();
        builder.Services.AddSingleton<MailDispatcher>();
        builder.Services.AddSingleton<WriteOffPoster>();
        builder.Services.AddHostedService<MailWorker>();
        builder.Services.AddSingleton<CollectionsGaugeRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CollectionsGaugeRefresher>());
        builder.Services.AddHostedService<WriteOffPostingWorker>();
        builder.Services.AddHostedService<DunningScheduleWorker>();
        builder.Services.AddSingleton<CustomerDirectory>();
        builder.Services.AddHostedService<SmtpIntake>();
        builder.Services.AddScoped<CommandExecutor<CollectionsDbContext>>();
        builder.Services.AddScoped<AuditLogReader<CollectionsDbContext>>();
        builder.Services.AddScoped<BillingReader>();
        builder.Services.AddScoped<PortfolioGuard>();
        builder.Services.AddScoped<CreditService>();
        builder.Services.AddScoped<WorklistService>();
        builder.Services.AddScoped<DunningRunner>();
        builder.Services.AddScoped<DunningWriter>();
        builder.Services.AddScoped<DunningHistory>();
        builder.Services.AddScoped<DunningActionQueries>();
        builder.Services.AddScoped<ActivityService>();
        builder.Services.AddScoped<PromiseService>();
        builder.Services.AddScoped<WriteOffService>();
        builder.Services.AddScoped<AllowanceService>();
        builder.Services.AddScoped<KpiService>();
        builder.Services.AddScoped<ForecastService>();
        builder.Services.AddScoped<AccountFactsReader>();
        builder.Services.AddScoped<ReplyPreparer>();
        builder.Services.AddScoped<InboxService>();
        builder.Services.AddScoped<ReplyDraftService>();
        builder.Services.AddScoped<AgentMetricsService>();
        return builder;
    }
}
