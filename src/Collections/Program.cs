using ArPlatform.Collections.Data;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Data;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<CollectionsDbContext, SqliteCollectionsDbContext, SqlServerCollectionsDbContext>("collectionsdb");

var app = builder.Build();
await app.MigrateDatabaseAsync<CollectionsDbContext>();
// Health, metrics and reflection for now; the service's RPCs are mapped with its issue.
app.MapDefaultEndpoints();
await app.RunAsync();
