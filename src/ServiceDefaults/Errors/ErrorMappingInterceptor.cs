using Google.Protobuf.WellKnownTypes;
using Google.Rpc;
using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Logging;
using Status = Google.Rpc.Status;

namespace ArPlatform.ServiceDefaults.Errors;

/// <summary>
/// The one place where domain refusals become gRPC statuses with google.rpc details (and, through
/// JSON transcoding, HTTP statuses with the same body). A database that cannot be reached is
/// UNAVAILABLE (retry the same request); anything else unexpected becomes INTERNAL with a generic
/// message: stack traces and SQL never reach a caller.
/// </summary>
public sealed class ErrorMappingInterceptor(ILogger<ErrorMappingInterceptor> logger) : Interceptor
{
    public const string Domain = "ar.platform";

    public override async Task<TResponse> UnaryServerHandler<TRequest, TResponse>(
        TRequest request, ServerCallContext context, UnaryServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(request, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task ServerStreamingServerHandler<TRequest, TResponse>(
        TRequest request, IServerStreamWriter<TResponse> responseStream, ServerCallContext context,
        ServerStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            await continuation(request, responseStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    public override async Task<TResponse> ClientStreamingServerHandler<TRequest, TResponse>(
        IAsyncStreamReader<TRequest> requestStream, ServerCallContext context, ClientStreamingServerMethod<TRequest, TResponse> continuation)
    {
        try
        {
            return await continuation(requestStream, context);
        }
        catch (Exception ex) when (ex is not RpcException)
        {
            throw Map(ex, context);
        }
    }

    private RpcException Map(Exception ex, ServerCallContext context)
    {
        if (ex is OperationCanceledException && context.CancellationToken.IsCancellationRequested)
            return new RpcException(new global::Grpc.Core.Status(StatusCode.Cancelled, "The call was cancelled."));

        var status = ex is DomainException domain ? ToStatus(domain) : null;
        if (status is null && DatabaseUnavailable.Is(ex))
        {
            logger.LogWarning("The database is unavailable in {Method}: {Reason}", context.Method, ex.GetBaseException().Message);
            status = new Status { Code = (int)Code.Unavailable, Message = "The database is unavailable for the moment; nothing was written. Retry the same request." };
        }
        if (status is null)
        {
            logger.LogError(ex, "Unhandled error in {Method}", context.Method);
            status = new Status { Code = (int)Code.Internal, Message = "An internal error occurred." };
        }
        return status.ToRpcException();
    }

    public static Status ToStatus(DomainException ex) => ex switch
    {
        RequestValidationException v => new Status
        {
            Code = (int)Code.InvalidArgument,
            Message = v.Message,
            Details =
            {
                Any.Pack(new BadRequest
                {
                    FieldViolations =
                    {
                        v.Violations.Select(f => new BadRequest.Types.FieldViolation
                        {
                            Field = f.Field, Description = f.Description,
                        }),
                    },
                }),
            },
        },
        NotFoundException n => new Status
        {
            Code = (int)Code.NotFound,
            Message = n.Message,
            Details = { Any.Pack(new ResourceInfo { ResourceType = n.ResourceType, ResourceName = n.Id }) },
        },
        PreconditionFailedException p => new Status
        {
            Code = (int)Code.FailedPrecondition,
            Message = p.Message,
            Details =
            {
                Any.Pack(new PreconditionFailure
                {
                    Violations =
                    {
                        new PreconditionFailure.Types.Violation
                        {
                            Type = p.Type, Subject = p.Subject, Description = p.Message,
                        },
                    },
                }),
            },
        },
        AlreadyExistsException a => new Status
        {
            Code = (int)Code.AlreadyExists,
            Message = a.Message,
            Details = { Any.Pack(new ErrorInfo { Reason = a.Reason, Domain = Domain }) },
        },
        PermissionDeniedException d => new Status
        {
            Code = (int)Code.PermissionDenied,
            Message = d.Message,
            Details = { Any.Pack(new ErrorInfo { Reason = d.Reason, Domain = Domain }) },
        },
        ConcurrencyConflictException c => new Status
        {
            Code = (int)Code.Aborted,
            Message = c.Message,
            Details = { Any.Pack(new ErrorInfo { Reason = "CONCURRENT_UPDATE", Domain = Domain }) },
        },
        TooLargeException t => new Status
        {
            Code = (int)Code.ResourceExhausted,
            Message = t.Message,
            Details = { Any.Pack(new ErrorInfo { Reason = "REQUEST_TOO_LARGE", Domain = Domain }) },
        },
        _ => new Status { Code = (int)Code.Unknown, Message = ex.Message },
    };
}
