using ArPlatform.ServiceDefaults.Errors;
using Google.Protobuf.Reflection;
using Google.Rpc;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;

namespace ArPlatform.ServiceDefaults.Grpc;

public static class GrpcHosting
{
    /// <summary>
    /// gRPC with the platform's conventions: one error-mapping interceptor, JSON transcoding
    /// (enum values without their type prefix, google.rpc error details readable as JSON),
    /// server reflection and the standard grpc.health.v1 service backed by the health checks.
    /// </summary>
    public static IServiceCollection AddServiceGrpc(this IServiceCollection services)
    {
        services.AddGrpc(o => o.Interceptors.Add<ErrorMappingInterceptor>())
            .AddJsonTranscoding(o =>
            {
                o.JsonSettings.RemoveEnumPrefix = true;
                o.TypeRegistry = TypeRegistry.FromMessages(
                    BadRequest.Descriptor, PreconditionFailure.Descriptor, ErrorInfo.Descriptor,
                    ResourceInfo.Descriptor, RetryInfo.Descriptor);
            });
        services.AddGrpcReflection();
        services.AddGrpcHealthChecks();
        return services;
    }

    public static WebApplication MapServiceGrpcInfrastructure(this WebApplication app)
    {
        app.UseMiddleware<EnumQueryValues>();
        app.UseMiddleware<Telemetry.GrpcStatusMetricsTag>();
        // The contract and the health of a service are no secret; everything else needs a token.
        app.MapGrpcReflectionService().AllowAnonymous();
        app.MapGrpcHealthChecksService().AllowAnonymous();
        return app;
    }
}
