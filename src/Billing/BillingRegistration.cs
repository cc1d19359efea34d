using ArPlatform.Billing.Balances;
using ArPlatform.Billing.Credits;
using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Fx;
using ArPlatform.Billing.Gl;
using ArPlatform.Billing.LateCharges;
using ArPlatform.Billing.Subscriptions;
using ArPlatform.Billing.WriteOffs;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Payments;
using ArPlatform.Billing.Reports;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Grpc;
using Collections = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Billing;

public static class BillingRegistration
{
    public static IHostApplicationBuilder AddBilling(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<BillingDbContext, SqliteBillingDbContext, SqlServerBillingDbContext, PostgresBillingDbContext>("billingdb");
        builder.Services.AddSingleton<BillingMetrics>();
        builder.AddBalanceCache();
        builder.Services.AddSingleton(TimeProvider.System);
        builder.Services.AddScoped<CommandExecutor<BillingDbContext>>();
        builder.Services.AddScoped<AuditLogReader<BillingDbContext>>();
        builder.Services.AddScoped<PeriodLock>();
        builder.Services.AddScoped<LedgerPoster>();
        builder.Services.AddScoped<Portfolio>();
        builder.Services.AddScoped<CustomerService>();
        builder.Services.AddScoped<InvoiceService>();
        builder.Services.AddScoped<OpenInvoiceReader>();
        builder.Services.AddScoped<InvoiceDisputeService>();
        builder.Services.AddScoped<PaymentService>();
        builder.Services.AddScoped<CreditMemoService>();
        builder.Services.AddScoped<AgingQuery>();
        builder.Services.AddSingleton<OpenInvoiceScan>();
        builder.Services.AddScoped<PaymentBehaviourQuery>();
        builder.Services.AddScoped<ReportService>();
        builder.Services.AddScoped<StatementService>();
        builder.Services.AddScoped<WriteOffService>();
        // Billing calls out only to confirm a write-off's approval with Collections, which owns it.
        builder.Services.AddServiceGrpcClient<Collections.CollectionsService.CollectionsServiceClient>("collections");
        builder.Services.AddScoped<WriteOffApprovals>();
        builder.Services.AddScoped<LateChargeService>();
        builder.Services.AddScoped<GlService>();
        builder.Services.AddScoped<SubscriptionService>();
        builder.Services.AddScoped<FxRateService>();
        builder.Services.AddOptions<GlAccounts>().Bind(builder.Configuration.GetSection(GlAccounts.Section));
        builder.Services.AddScoped<BalanceReader>();
        return builder;
    }
}
