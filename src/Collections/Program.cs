using ArPlatform.Collections.Data;
using ArPlatform.Collections.Grpc;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Data;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddServiceDatabase<CollectionsDbContext, SqliteCollectionsDbContext, SqlServerCollectionsDbContext>("collectionsdb");

var app = builder.Build();
await app.MigrateDatabaseAsync<CollectionsDbContext>();
app.MapGrpcService<CollectionsServiceGrpcService>();
app.MapDefaultEndpoints();
await app.RunAsync();
