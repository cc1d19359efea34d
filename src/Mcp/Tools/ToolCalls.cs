using System.Security.Claims;
using Google.Protobuf;
using Grpc.Core;
using Microsoft.AspNetCore.Http;
using ModelContextProtocol;

namespace ArPlatform.Mcp.Tools;

/// <summary>
/// How every tool runs a call to a service: as the caller, logged (who, which tool, on what, with
/// what outcome) under the category <c>ArPlatform.Mcp.Audit</c>, a refusal by the service
/// answered as the tool's error in the service's own words, the answer as the JSON API writes it.
/// </summary>
public sealed class ToolCalls(IHttpContextAccessor http, ILoggerFactory loggers)
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithFormatDefaultValues(false));
    private readonly ILogger _audit = loggers.CreateLogger("ArPlatform.Mcp.Audit");

    public async Task<string> RunAsync<T>(string tool, string subject, Func<Task<T>> call) where T : IMessage
    {
        var caller = http.HttpContext?.User.FindFirstValue(ClaimTypes.NameIdentifier) ?? http.HttpContext?.User.FindFirstValue("sub") ?? "unknown";
        try
        {
            var answer = await call();
            _audit.LogInformation("MCP {Tool} by {Caller} on {Subject}: answered", tool, caller, subject);
            return Json.Format(answer);
        }
        catch (RpcException e) when (e.StatusCode is not (StatusCode.Unavailable or StatusCode.DeadlineExceeded or StatusCode.Internal))
        {
            _audit.LogWarning("MCP {Tool} by {Caller} on {Subject}: refused {Status} {Detail}", tool, caller, subject, e.StatusCode, e.Status.Detail);
            throw new McpException($"{e.StatusCode}: {e.Status.Detail}");
        }
    }
}
