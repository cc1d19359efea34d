using ArPlatform.Mcp.Tools;
using ArPlatform.ServiceDefaults;
using ArPlatform.ServiceDefaults.Grpc;
using Billing = ArPlatform.Contracts.Billing.V1;
using Collections = ArPlatform.Contracts.Collections.V1;
using Disputes = ArPlatform.Contracts.Disputes.V1;

// The MCP server: AR tools for AI agents (Claude, an IDE, an internal bot) under the caller's own
// token. It calls the services like any internal app, as the caller, so their roles, portfolio
// scoping and audit trail apply unchanged; it holds no data of its own.
var builder = ServiceHost.CreateBuilder(args);
builder.AddServiceDefaults();
builder.Services.AddCallerGrpcClient<Billing.BillingService.BillingServiceClient>("billing");
builder.Services.AddCallerGrpcClient<Collections.CollectionsService.CollectionsServiceClient>("collections");
builder.Services.AddCallerGrpcClient<Disputes.DisputesService.DisputesServiceClient>("disputes");
builder.Services.AddSingleton<ToolCalls>();
builder.Services.AddMcpServer(o => o.ServerInfo = new() { Name = "arplatform", Version = "1.0.0" })
    // Stateless: every tool call is one authenticated HTTP request, whose token the calls to the services carry.
    .WithHttpTransport(o => o.Stateless = true)
    .WithTools<ReceivablesTools>()
    .WithTools<ProposalTools>();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapMcp("/mcp").RequireAuthorization();
await app.RunAsync();

/// <summary>Entry point, visible to the test host.</summary>
public partial class Program;
