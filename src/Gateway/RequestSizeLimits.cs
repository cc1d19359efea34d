using System.Buffers;
using System.Buffers.Binary;
using ArPlatform.ServiceDefaults.Hosting;
using Microsoft.AspNetCore.Http.Features;
using Yarp.ReverseProxy.Forwarder;

namespace ArPlatform.Gateway;

/// <summary>
/// The gateway's side of <see cref="RequestBodyLimits"/>, each route's limit on what it forwards.
/// JSON: a body whose length is over the limit is refused before anything is forwarded, and one
/// sent without a length is refused with the same answer when Kestrel stops it midway (YARP alone
/// would answer a bare 400). gRPC: YARP lifts Kestrel's limit for gRPC calls (they may stream), so
/// the limit is on the message, whose length its 5-byte prefix gives before any of it is read.
/// </summary>
internal sealed class RequestSizeLimits(RequestDelegate next, RequestBodyLimits limits)
{
    private const int GrpcPrefixBytes = 5;

    public async Task InvokeAsync(HttpContext context)
    {
        var limit = limits.For(context.Request.Path);
        var grpc = RequestBodyLimits.IsGrpc(context.Request);
        // Set before the body is touched: once read, the limit is fixed.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } feature)
            feature.MaxRequestBodySize = grpc ? null : limit;
        var tooLarge = grpc
            ? await FirstMessageLengthAsync(context.Request.BodyReader, context.RequestAborted) > limit
            : context.Request.ContentLength > limit;
        if (tooLarge)
        {
            await RequestBodyLimits.RefuseDeclaredAsync(context, limit);
            return;
        }

        await next(context);

        if (!context.Response.HasStarted && StoppedForSize(context.GetForwarderErrorFeature()?.Exception))
            await RequestBodyLimits.RefuseAsync(context, limit);
    }

    /// <summary>The length a gRPC body's first message declares, leaving the body unread for YARP; null when it has none.</summary>
    private static async Task<long?> FirstMessageLengthAsync(System.IO.Pipelines.PipeReader body, CancellationToken ct)
    {
        var read = await body.ReadAtLeastAsync(GrpcPrefixBytes, ct);
        var buffer = read.Buffer;
        try
        {
            if (buffer.Length < GrpcPrefixBytes) return null;
            var prefix = new byte[GrpcPrefixBytes];
            buffer.Slice(0, GrpcPrefixBytes).CopyTo(prefix);
            // Byte 0 says whether it is compressed; bytes 1–4 are the length, big-endian.
            return BinaryPrimitives.ReadUInt32BigEndian(prefix.AsSpan(1));
        }
        finally
        {
            body.AdvanceTo(buffer.Start);
        }
    }

    private static bool StoppedForSize(Exception? error)
    {
        for (; error is not null; error = error.InnerException)
            if (error is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge }) return true;
        return false;
    }
}
