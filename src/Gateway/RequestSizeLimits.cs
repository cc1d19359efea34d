using Microsoft.AspNetCore.Http.Features;

namespace ArPlatform.Gateway;

/// <summary>
/// Requests are small (1 MiB by default, Kestrel:Limits:MaxRequestBodySize); bank files and
/// dispute evidence are not, so their routes get their own, larger limits
/// (<c>RequestLimits:BankFileBytes</c>, 128 MiB; <c>RequestLimits:EvidenceBytes</c>, 24 MiB:
/// a 10 MiB document base64-encoded in JSON, with room to spare).
/// </summary>
internal sealed class RequestSizeLimits(RequestDelegate next, IConfiguration configuration)
{
    private readonly long _bankFileBytes = configuration.GetValue("RequestLimits:BankFileBytes", 128L * 1024 * 1024);
    private readonly long _evidenceBytes = configuration.GetValue("RequestLimits:EvidenceBytes", 24L * 1024 * 1024);

    public Task InvokeAsync(HttpContext context)
    {
        if (LargerLimit(context.Request.Path) is { } bytes
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = bytes;
        return next(context);
    }

    private long? LargerLimit(PathString path)
    {
        if (path.StartsWithSegments("/v1/bank-files") || path.StartsWithSegments("/ar.cashapp.v1.CashApplicationService/ImportBankFile"))
            return _bankFileBytes;
        if ((path.StartsWithSegments("/v1/disputes") && path.Value!.EndsWith("/evidence", StringComparison.Ordinal))
            || path.StartsWithSegments("/ar.disputes.v1.DisputesService/AttachEvidence"))
            return _evidenceBytes;
        return null;
    }
}
