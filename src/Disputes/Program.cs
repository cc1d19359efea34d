using ArPlatform.Disputes.Data;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Data;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<DisputesDbContext, SqliteDisputesDbContext, SqlServerDisputesDbContext>("disputesdb");

var app = builder.Build();
await app.MigrateDatabaseAsync<DisputesDbContext>();
// Health, metrics and reflection for now; the service's RPCs are mapped with its issue.
app.MapDefaultEndpoints();
await app.RunAsync();
