using Grpc.Core;
using Grpc.Net.Client.Configuration;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace ArPlatform.ServiceDefaults.Grpc;

public static class GrpcClientRegistration
{
    public static readonly TimeSpan DefaultDeadline = TimeSpan.FromSeconds(10);

    /// <summary>
    /// A typed gRPC client for another service, found by service discovery under its name
    /// (the h2c endpoint "grpc", i.e. <c>services__{name}__grpc__0</c>). Calls inherit the
    /// incoming call's deadline and cancellation, get a default deadline otherwise, and are
    /// retried with back-off when the peer is UNAVAILABLE (nothing was executed then), and carry
    /// the calling service's own identity.
    /// </summary>
    public static IHttpClientBuilder AddServiceGrpcClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : ClientBase
    {
        services.TryAddSingleton<ServiceIdentity>();
        return services
            .AddGrpcClient<TClient>(o => o.Address = new Uri($"http://_grpc.{serviceName}"))
            .ConfigureChannel(o => o.ServiceConfig = RetryOnUnavailable)
            .EnableCallContextPropagation(o => o.SuppressContextNotFoundErrors = true)
            .AddInterceptor(() => new DefaultDeadlineInterceptor(DefaultDeadline))
            .AddInterceptor(sp => new ServiceIdentityInterceptor(sp.GetRequiredService<ServiceIdentity>()))
            .AddServiceDiscovery();
    }

    /// <summary>
    /// A typed gRPC client for another service that calls it as the person making the incoming
    /// request (their bearer token passed on), so that service's roles, portfolio scoping and audit
    /// apply to them; otherwise as <see cref="AddServiceGrpcClient{TClient}"/>.
    /// </summary>
    public static IHttpClientBuilder AddCallerGrpcClient<TClient>(this IServiceCollection services, string serviceName)
        where TClient : ClientBase =>
        services
            .AddGrpcClient<TClient>(o => o.Address = new Uri($"http://_grpc.{serviceName}"))
            .ConfigureChannel(o => o.ServiceConfig = RetryOnUnavailable)
            .AddInterceptor(() => new DefaultDeadlineInterceptor(DefaultDeadline))
            .AddInterceptor(sp => new CallerTokenInterceptor(sp.GetRequiredService<Microsoft.AspNetCore.Http.IHttpContextAccessor>()))
            .AddServiceDiscovery();

    internal static readonly ServiceConfig RetryOnUnavailable = new()
    {
        MethodConfigs =
        {
            new MethodConfig
            {
                Names = { MethodName.Default },
                RetryPolicy = new RetryPolicy
                {
                    MaxAttempts = 4,
                    InitialBackoff = TimeSpan.FromMilliseconds(100),
                    MaxBackoff = TimeSpan.FromSeconds(2),
                    BackoffMultiplier = 2,
                    RetryableStatusCodes = { StatusCode.Unavailable },
                },
            },
        },
    };
}
