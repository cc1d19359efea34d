using Google.Protobuf;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Code = Google.Rpc.Code;
using Status = Google.Rpc.Status;

namespace ArPlatform.ServiceDefaults.Hosting;

/// <summary>
/// How large a request body may be, the same in the gateway and in the services behind it: 1 MiB
/// (<c>Kestrel:Limits:MaxRequestBodySize</c>), except bank-file imports
/// (<c>RequestLimits:BankFileBytes</c>, 128 MiB: the JSON body, so a file of up to 96 MiB in
/// base64, or the gRPC message) and dispute evidence (<c>RequestLimits:EvidenceBytes</c>, 24 MiB:
/// a 10 MiB document base64-encoded in JSON, with room to spare). A refusal is an answer a caller
/// can read, never a reset: 413 with a google.rpc.Status body (RESOURCE_EXHAUSTED) for JSON, the
/// gRPC status RESOURCE_EXHAUSTED for gRPC.
/// </summary>
public sealed class RequestBodyLimits(IConfiguration configuration)
{
    public const long MiB = 1024 * 1024;

    public long DefaultBytes { get; } = configuration.GetValue("Kestrel:Limits:MaxRequestBodySize", MiB);
    public long BankFileBytes { get; } = configuration.GetValue("RequestLimits:BankFileBytes", 128 * MiB);
    public long EvidenceBytes { get; } = configuration.GetValue("RequestLimits:EvidenceBytes", 24 * MiB);
    /// <summary>The largest file <c>UploadBankFile</c> takes in chunks (spooled to disk, never held whole).</summary>
    public long BankFileStreamBytes { get; } = configuration.GetValue("RequestLimits:BankFileStreamBytes", 1024 * MiB);

    /// <summary>One chunk of a streamed bank file: 1 MiB of the file, with room for the request id and file name the first carries.</summary>
    public const long BankFileChunkBytes = MiB + 4096;

    /// <summary>The largest body the route at <paramref name="path"/> accepts (a gRPC route: its message).</summary>
    public long For(PathString path)
    {
        if (path.StartsWithSegments("/v1/bank-files") || path.StartsWithSegments("/ar.cashapp.v1.CashApplicationService/ImportBankFile"))
            return BankFileBytes;
        if (path.StartsWithSegments("/ar.cashapp.v1.CashApplicationService/UploadBankFile"))
            return BankFileChunkBytes;
        if ((path.StartsWithSegments("/v1/disputes") && path.Value!.EndsWith("/evidence", StringComparison.Ordinal))
            || path.StartsWithSegments("/ar.disputes.v1.DisputesService/AttachEvidence"))
            return EvidenceBytes;
        return DefaultBytes;
    }

    public static bool IsGrpc(HttpRequest request) =>
        request.ContentType?.StartsWith("application/grpc", StringComparison.OrdinalIgnoreCase) == true;

    /// <summary>
    /// Refuses a body whose declared length is over <paramref name="limit"/> before any of it was
    /// read. A client that sends the whole body before it reads the answer (HttpClient does) would
    /// otherwise find the connection closed under it and never see the answer; so a body up to
    /// <see cref="DrainBytes"/> is read and dropped first. A larger one is not: its sender should
    /// ask first (<c>Expect: 100-continue</c>, as curl does), and then none of it is sent.
    /// </summary>
    public static async Task RefuseDeclaredAsync(HttpContext context, long limit)
    {
        var request = context.Request;
        if (!IsGrpc(request) && request.ContentLength <= DrainBytes && !request.Headers.ContainsKey("Expect")
            && context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
        {
            feature.MaxRequestBodySize = null;
            await request.Body.CopyToAsync(Stream.Null, context.RequestAborted);
        }
        await RefuseAsync(context, limit);
    }

    /// <summary>The most of a refused body read to its end so its sender sees the answer.</summary>
    public const long DrainBytes = 16 * MiB;

    /// <summary>Answers a request whose body is over <paramref name="limit"/>, in its own protocol.</summary>
    public static Task RefuseAsync(HttpContext context, long limit)
    {
        var message = $"The request body is larger than this route accepts: at most {Describe(limit)}.";
        context.Response.Clear();
        if (IsGrpc(context.Request))
        {
            // A trailers-only response: the status in the headers, no message.
            context.Response.StatusCode = StatusCodes.Status200OK;
            context.Response.ContentType = "application/grpc";
            context.Response.Headers["grpc-status"] = ((int)Code.ResourceExhausted).ToString();
            context.Response.Headers["grpc-message"] = message;
            return Task.CompletedTask;
        }
        context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
        context.Response.ContentType = "application/json";
        return context.Response.WriteAsync(JsonFormatter.Default.Format(new Status { Code = (int)Code.ResourceExhausted, Message = message }));
    }

    private static string Describe(long bytes) => bytes % MiB == 0 ? $"{bytes / MiB} MiB" : $"{bytes:N0} bytes";
}

/// <summary>
/// A service's side of <see cref="RequestBodyLimits"/>: JSON bodies are held to their route's
/// limit (refused at once when their length says so); gRPC bodies are left to gRPC's own
/// <c>MaxReceiveMessageSize</c>, which reads a message's length before its bytes and answers
/// RESOURCE_EXHAUSTED, where Kestrel cutting the body off mid-read would reset the stream.
/// </summary>
public sealed class RequestBodyLimitMiddleware(RequestDelegate next, RequestBodyLimits limits)
{
    public Task InvokeAsync(HttpContext context)
    {
        var feature = context.Features.Get<IHttpMaxRequestBodySizeFeature>();
        if (RequestBodyLimits.IsGrpc(context.Request))
        {
            if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = null;
            return next(context);
        }
        var limit = limits.For(context.Request.Path);
        if (context.Request.ContentLength > limit) return RequestBodyLimits.RefuseDeclaredAsync(context, limit);
        if (feature is { IsReadOnly: false }) feature.MaxRequestBodySize = limit;
        return next(context);
    }
}

public static class RequestBodyLimitsRegistration
{
    /// <summary>
    /// Kestrel's own limit from <c>Kestrel:Limits:MaxRequestBodySize</c> (1 MiB): Kestrel does not
    /// read its Limits from configuration by itself, so without this every body up to its built-in
    /// 30,000,000 bytes got through.
    /// </summary>
    public static WebApplicationBuilder AddRequestBodyLimits(this WebApplicationBuilder builder)
    {
        var limits = new RequestBodyLimits(builder.Configuration);
        builder.Services.AddSingleton(limits);
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Limits.MaxRequestBodySize = limits.DefaultBytes);
        return builder;
    }
}
