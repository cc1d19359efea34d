using ArPlatform.CashApplication.Data;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Data;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<CashApplicationDbContext, SqliteCashApplicationDbContext, SqlServerCashApplicationDbContext>("cashappdb");

var app = builder.Build();
await app.MigrateDatabaseAsync<CashApplicationDbContext>();
// Health, metrics and reflection for now; the service's RPCs are mapped with its issue.
app.MapDefaultEndpoints();
await app.RunAsync();
