using Google.Protobuf;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArPlatform.ServiceDefaults.Errors;

/// <summary>
/// Errors of the few plain HTTP endpoints (documents such as a printable statement or a CSV
/// export) in the same shape and status codes as the JSON API's: a google.rpc.Status body with
/// its details; anything unexpected is a bare 500 with the detail only in the log.
/// </summary>
public sealed class PlainHttpErrors(ILogger<PlainHttpErrors> logger) : IExceptionHandler
{
    private static readonly JsonFormatter Json = new(JsonFormatter.Settings.Default.WithTypeRegistry(TypeRegistry.FromMessages(
        BadRequest.Descriptor, PreconditionFailure.Descriptor, ErrorInfo.Descriptor, ResourceInfo.Descriptor)));

    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken ct)
    {
        if (http.Response.HasStarted) return false;
        Status status;
        if (exception is DomainException domain) status = ErrorMappingInterceptor.ToStatus(domain);
        else
        {
            logger.LogError(exception, "Unhandled error in {Path}", http.Request.Path);
            status = new Status { Code = (int)Code.Internal, Message = "An internal error occurred." };
        }
        http.Response.StatusCode = (Code)status.Code switch
        {
            Code.InvalidArgument or Code.FailedPrecondition or Code.OutOfRange => StatusCodes.Status400BadRequest,
            Code.NotFound => StatusCodes.Status404NotFound,
            Code.AlreadyExists or Code.Aborted => StatusCodes.Status409Conflict,
            Code.PermissionDenied => StatusCodes.Status403Forbidden,
            Code.Unauthenticated => StatusCodes.Status401Unauthorized,
            _ => StatusCodes.Status500InternalServerError,
        };
        http.Response.ContentType = "application/json";
        await http.Response.WriteAsync(Json.Format(status), ct);
        return true;
    }
}
