using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ArPlatform.ServiceDefaults.Grpc;

/// <summary>A client interceptor that only adjusts the options of each outgoing call (deadline, headers).</summary>
public abstract class CallOptionsInterceptor : Interceptor
{
    protected abstract CallOptions Adjust(CallOptions options);

    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Adjusted(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, Adjusted(context));

    private ClientInterceptorContext<TRequest, TResponse> Adjusted<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class where TResponse : class =>
        new(context.Method, context.Host, Adjust(context.Options));
}
