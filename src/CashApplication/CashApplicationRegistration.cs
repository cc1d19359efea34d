using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.CashApplication.Imports;
using ArPlatform.CashApplication.Matching;
using ArPlatform.CashApplication.Payments;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Grpc;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.CashApplication;

public static class CashApplicationRegistration
{
    /// <summary>The largest bank file, as gRPC receives it (the gateway's own limit is RequestLimits:BankFileBytes).</summary>
    public const int MaxBankFileBytes = 128 * 1024 * 1024;

    public static IHostApplicationBuilder AddCashApplication(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<CashApplicationDbContext, SqliteCashApplicationDbContext, SqlServerCashApplicationDbContext>("cashappdb");
        builder.Services.AddGrpc().AddServiceOptions<CashApplicationGrpcService>(o => o.MaxReceiveMessageSize = MaxBankFileBytes + 1024 * 1024);
        builder.Services.AddServiceGrpcClient<Billing.BillingService.BillingServiceClient>("billing");
        builder.Services.Configure<MatchPolicy>(builder.Configuration.GetSection("CashApplication:Matching"));
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CommandExecutor<CashApplicationDbContext>>();
        builder.Services.AddScoped<AuditLogReader<CashApplicationDbContext>>();
        builder.Services.AddScoped<BankFileImporter>();
        builder.Services.AddScoped<PaymentRecorder>();
        builder.Services.AddScoped<PaymentQueries>();
        builder.Services.AddScoped<MatchSuggestionService>();
        return builder;
    }
}
