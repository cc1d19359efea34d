using System.Diagnostics;

namespace ArPlatform.Gateway;

/// <summary>
/// Every request leaves the gateway with an <c>x-correlation-id</c>: the caller's own if it sent
/// one, otherwise the trace id. The backend sees it in the request, the caller in the response,
/// so one id follows a call through logs, traces and support tickets. The response also carries
/// <c>x-trace-id</c>, the W3C trace id every service's spans and log lines for the call share
/// (the caller's own when it sent a <c>traceparent</c>).
/// </summary>
internal sealed class CorrelationIdMiddleware(RequestDelegate next)
{
    public const string Header = "x-correlation-id";
    public const string TraceHeader = "x-trace-id";
    private const int MaxLength = 128;

    public Task InvokeAsync(HttpContext context)
    {
        var headers = context.Request.Headers;
        string id = headers[Header].ToString();
        if (id.Length is 0 or > MaxLength)
        {
            id = Activity.Current?.TraceId.ToHexString() ?? ActivityTraceId.CreateRandom().ToHexString();
            headers[Header] = id;
        }
        context.Response.Headers[Header] = id;
        if (Activity.Current is { } activity) context.Response.Headers[TraceHeader] = activity.TraceId.ToHexString();
        return next(context);
    }
}
