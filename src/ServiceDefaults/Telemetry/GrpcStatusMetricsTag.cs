using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;

namespace ArPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Adds the call's gRPC status to ASP.NET Core's request metrics (<c>grpc_status</c> on
/// <c>http_server_request_duration_seconds</c>): a failed gRPC call is still HTTP 200, so without
/// it the error ratio an SRE alerts on would always read zero. JSON calls carry their HTTP status.
/// </summary>
internal sealed class GrpcStatusMetricsTag(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        await next(context);
        if (context.Request.ContentType?.StartsWith("application/grpc", StringComparison.Ordinal) != true) return;
        if (context.Features.Get<IHttpMetricsTagsFeature>() is not { } metrics) return;
        // In the trailers after a message; in the headers of a "trailers-only" error response.
        var status = context.Features.Get<IHttpResponseTrailersFeature>()?.Trailers["grpc-status"].ToString();
        if (string.IsNullOrEmpty(status)) status = context.Response.Headers["grpc-status"].ToString();
        metrics.Tags.Add(new("grpc.status", string.IsNullOrEmpty(status) ? "unknown" : status));
    }
}
