using ArPlatform.Gateway;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Health;
using ArPlatform.ServiceDefaults.Hosting;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.ServiceDefaults.Telemetry;
using Grpc.Reflection;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy.ServiceDiscovery;

var builder = ServiceHost.CreateBuilder(args);
builder.AddTelemetry();
builder.AddPlatformAuthentication();
builder.AddRequestBodyLimits();
builder.Services.AddClientRateLimiting(builder.Configuration);
builder.Services.AddServiceDiscoveryCore().AddConfigurationServiceEndpointProvider();
builder.Services.AddReverseProxy().LoadFromConfig(builder.Configuration.GetSection("ReverseProxy"));
// Each JSON route carries its own "Timeout" (30 s; bank files 5 min): a caller gets 504 rather than
// waiting on a stuck backend. gRPC routes carry none: gRPC callers send their own deadline
// (grpc-timeout), which the services honour, and a stream may rightly run long.
builder.Services.AddRequestTimeouts();
builder.Services.AddSingleton<IDestinationResolver, ServiceDiscoveryDestinationResolver>();
builder.Services.AddHealthChecks()
    .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [HealthTags.Live])
    .AddCheck<BackendsHealthCheck>("backends", tags: [HealthTags.Ready]);
// YARP's default would write keys under the user's profile; keep them with the gateway's data.
builder.Services.AddDataProtection().PersistKeysToFileSystem(new DirectoryInfo(
    builder.Configuration["DataProtection:KeysDirectory"] ?? Path.Combine(AppContext.BaseDirectory, "keys")));
// grpcurl and other tools list every service's contract through the gateway.
builder.Services.AddGrpc();
builder.Services.AddGrpcHealthChecks();
builder.Services.AddSingleton(new ReflectionServiceImpl(ContractCatalog.Services));

var app = builder.Build();
app.UseMiddleware<CorrelationIdMiddleware>();
app.UseMiddleware<RequestSizeLimits>();
// The token is checked here and again by every service; the rate limit partitions by its subject.
app.UseAuthentication();
app.UseRateLimiter();
app.UseAuthorization();
app.UseRequestTimeouts();
app.MapHealthEndpoints();
app.MapPrometheusScrapingEndpoint().AllowAnonymous();
app.MapGrpcService<ReflectionServiceImpl>().AllowAnonymous();
app.MapGrpcHealthChecksService().AllowAnonymous();
app.MapReverseProxy(proxy =>
{
    proxy.Use(ReplicaFailover.SendElsewhereIfRefusedAsync);
    proxy.UseSessionAffinity();
    proxy.UseLoadBalancing();
    proxy.UsePassiveHealthChecks();
});
await app.RunAsync();
