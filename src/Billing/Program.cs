using ArPlatform.Billing;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Grpc;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Data;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBilling();

var app = builder.Build();
await app.MigrateDatabaseAsync<BillingDbContext>();
app.MapGrpcService<BillingGrpcService>();
app.MapBillingDocuments();
app.MapDefaultEndpoints();
await app.RunAsync();

/// <summary>Entry point, visible to the in-memory test host.</summary>
public partial class Program;
