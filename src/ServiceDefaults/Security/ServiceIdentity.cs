using ArPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
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
public sealed class ServiceIdentityInterceptor(ServiceIdentity identity) : CallOptionsInterceptor
{
    protected override CallOptions Adjust(CallOptions options)
    {
        var headers = options.Headers ?? [];
        if (headers.Get("authorization") is not null) return options;
        headers.Add("authorization", "Bearer " + identity.BearerToken());
        return options.WithHeaders(headers);
    }
}
