using ArPlatform.CashApplication;
using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Data;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCashApplication();

var app = builder.Build();
await app.MigrateDatabaseAsync<CashApplicationDbContext>();
app.MapGrpcService<CashApplicationGrpcService>();
app.MapDefaultEndpoints();
await app.RunAsync();

/// <summary>Entry point, visible to the in-memory test host.</summary>
public partial class Program;
