using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Data;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<CashApplicationDbContext, SqliteCashApplicationDbContext, SqlServerCashApplicationDbContext>("cashappdb");

var app = builder.Build();
await app.MigrateDatabaseAsync<CashApplicationDbContext>();
app.MapGrpcService<CashApplicationServiceGrpcService>();
app.MapDefaultEndpoints();
await app.RunAsync();
