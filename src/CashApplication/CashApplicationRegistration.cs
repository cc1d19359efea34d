using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.CashApplication.Imports;
using ArPlatform.CashApplication.Matching;
using ArPlatform.CashApplication.Payments;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Grpc;
using ArPlatform.ServiceDefaults.Hosting;
using ArPlatform.ServiceDefaults.Security;
using Billing = ArPlatform.Contracts.Billing.V1;
using Disputes = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.CashApplication;

public static class CashApplicationRegistration
{
    public static IHostApplicationBuilder AddCashApplication(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CashApplicationDbContext, SqliteCashApplicationDbContext, SqlServerCashApplicationDbContext, PostgresCashApplicationDbContext>("cashappdb");
        // The import request is the largest message: as large as the gateway lets it be (RequestLimits:BankFileBytes).
        var limits = new RequestBodyLimits(builder.Configuration);
        var bankFileBytes = limits.BankFileBytes;
        builder.Services.AddGrpc().AddServiceOptions<CashApplicationGrpcService>(o => o.MaxReceiveMessageSize = (int)Math.Min(int.MaxValue, bankFileBytes));
        builder.Services.AddServiceGrpcClient<Billing.BillingService.BillingServiceClient>("billing");
        builder.Services.AddScoped<PortfolioGuard>();
        builder.Services.AddServiceGrpcClient<Disputes.DisputesService.DisputesServiceClient>("disputes");
        builder.Services.Configure<MatchPolicy>(builder.Configuration.GetSection("CashApplication:Matching"));
        builder.Services.Configure<OutcomePolicy>(builder.Configuration.GetSection("CashApplication:Outcomes"));
        builder.Services.Configure<DispatchOptions>(builder.Configuration.GetSection("CashApplication:Dispatch"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddSingleton<CashApplicationMetrics>();
        builder.Services.AddSingleton<ApplicationDispatcher>();
        builder.Services.AddSingleton<SharedMatchIndex>();
        builder.Services.AddSingleton<DispatchWorker>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<DispatchWorker>());
        builder.Services.AddSingleton<CashApplicationGaugeRefresher>();
        builder.Services.AddHostedService(sp => sp.GetRequiredService<CashApplicationGaugeRefresher>());
        builder.Services.AddScoped<CommandExecutor<CashApplicationDbContext>>();
        builder.Services.AddScoped<AuditLogReader<CashApplicationDbContext>>();
        builder.Services.AddScoped<BankFileImporter>();
        builder.Services.AddSingleton(new BankFileSpool(limits));
        builder.Services.AddSingleton<LargeImports>();
        builder.Services.AddScoped<PaymentRecorder>();
        builder.Services.AddScoped<PaymentQueries>();
        builder.Services.AddScoped<PaymentViews>();
        builder.Services.AddScoped<MatchSuggestionService>();
        builder.Services.AddScoped<MatchContextLoader>();
        builder.Services.AddScoped<AutoMatcher>();
        builder.Services.AddScoped<PayerLearning>();
        builder.Services.AddScoped<PayerLessons>();
        builder.Services.AddScoped<ApplicationLedger>();
        builder.Services.AddScoped<ManualApplication>();
        builder.Services.AddScoped<CashApplicationMetricsService>();
        return builder;
    }
}
