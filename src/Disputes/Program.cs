using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Grpc;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Data;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<DisputesDbContext, SqliteDisputesDbContext, SqlServerDisputesDbContext>("disputesdb");

var app = builder.Build();
await app.MigrateDatabaseAsync<DisputesDbContext>();
app.MapGrpcService<DisputesServiceGrpcService>();
app.MapDefaultEndpoints();
await app.RunAsync();
