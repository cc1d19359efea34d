using System.Diagnostics;
using Microsoft.AspNetCore.Http;

namespace ArPlatform.ServiceDefaults.Audit;

/// <summary>Who is calling, and under which correlation id, for the audit trail.</summary>
public sealed class CallerContext(IHttpContextAccessor http)
{
    public const string CorrelationHeader = "x-correlation-id";

    public string Actor => http.HttpContext?.User.FindFirst("sub")?.Value ?? "system";

    public string CorrelationId =>
        http.HttpContext?.Request.Headers[CorrelationHeader].ToString() is { Length: > 0 } id
            ? id
            : Activity.Current?.TraceId.ToHexString() ?? "";
}
