using ArPlatform.Collections;
using ArPlatform.Collections.Data;
using ArPlatform.Collections.Grpc;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Data;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddCollections();

var app = builder.Build();
await app.MigrateDatabaseAsync<CollectionsDbContext>();
app.MapGrpcService<CollectionsGrpcService>();
app.MapDefaultEndpoints();
await app.RunAsync();

/// <summary>Entry point, visible to the in-memory test host.</summary>
public partial class Program;
