using Microsoft.AspNetCore.Http.Features;

namespace ArPlatform.Gateway;

/// <summary>
/// Requests are small (1 MiB by default, Kestrel:Limits:MaxRequestBodySize); bank files are not,
/// so their import routes get their own, larger limit (<c>RequestLimits:BankFileBytes</c>).
/// </summary>
internal sealed class RequestSizeLimits(RequestDelegate next, IConfiguration configuration)
{
    private readonly long _bankFileBytes = configuration.GetValue("RequestLimits:BankFileBytes", 128L * 1024 * 1024);

    public Task InvokeAsync(HttpContext context)
    {
        var path = context.Request.Path;
        if (path.StartsWithSegments("/v1/bank-files") || path.StartsWithSegments("/ar.cashapp.v1.CashApplicationService/ImportBankFile"))
        {
            var limit = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
            if (limit is { IsReadOnly: false }) limit.MaxRequestBodySize = _bankFileBytes;
        }
        return next(context);
    }
}
