using Grpc.Core;
using Grpc.Core.Interceptors;
using Microsoft.Extensions.Configuration;

namespace ArPlatform.ServiceDefaults.Security;

/// <summary>
/// The token a service presents when it calls another service on its own behalf: subject = its
/// name (OTEL_SERVICE_NAME), role = service. Minted with the development key and renewed well
/// before it expires; in production the same role would come from the OIDC provider.
/// </summary>
public sealed class ServiceIdentity(TokenIssuer issuer, IConfiguration configuration)
{
    private static readonly TimeSpan Lifetime = TimeSpan.FromHours(1);
    private readonly Lock _gate = new();
    private (string Token, DateTime RenewAt)? _current;

    public string Name => configuration["OTEL_SERVICE_NAME"] ?? "unknown-service";

    public string BearerToken()
    {
        lock (_gate)
        {
            if (_current is not { } current || DateTime.UtcNow >= current.RenewAt)
                _current = current = (issuer.Issue(Name, [Roles.Service], Lifetime), DateTime.UtcNow + Lifetime / 2);
            return current.Token;
        }
    }
}

/// <summary>Adds the service's own bearer token to outgoing calls that carry none.</summary>
public sealed class ServiceIdentityInterceptor(ServiceIdentity identity) : Interceptor
{
    public override AsyncUnaryCall<TResponse> AsyncUnaryCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncUnaryCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    public override AsyncServerStreamingCall<TResponse> AsyncServerStreamingCall<TRequest, TResponse>(
        TRequest request, ClientInterceptorContext<TRequest, TResponse> context,
        AsyncServerStreamingCallContinuation<TRequest, TResponse> continuation) =>
        continuation(request, WithToken(context));

    private ClientInterceptorContext<TRequest, TResponse> WithToken<TRequest, TResponse>(
        ClientInterceptorContext<TRequest, TResponse> context)
        where TRequest : class where TResponse : class
    {
        var headers = context.Options.Headers ?? [];
        if (headers.Get("authorization") is not null) return context;
        headers.Add("authorization", "Bearer " + identity.BearerToken());
        return new ClientInterceptorContext<TRequest, TResponse>(context.Method, context.Host, context.Options.WithHeaders(headers));
    }
}
