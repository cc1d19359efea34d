using ArPlatform.Disputes;
using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Grpc;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Data;

var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddDisputes();

var app = builder.Build();
await app.MigrateDatabaseAsync<DisputesDbContext>();
app.MapGrpcService<DisputesGrpcService>();
app.MapDefaultEndpoints();
await app.RunAsync();

/// <summary>Entry point, visible to the in-memory test host.</summary>
public partial class Program;
