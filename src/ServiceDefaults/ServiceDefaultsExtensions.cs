using ArPlatform.ServiceDefaults.Grpc;
using ArPlatform.ServiceDefaults.Health;
using ArPlatform.ServiceDefaults.Hosting;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;

namespace ArPlatform.ServiceDefaults;

public static class ServiceDefaultsExtensions
{
    /// <summary>
    /// What every ArPlatform service starts with. Endpoints come from configuration
    /// (<c>Kestrel:Endpoints:http</c> HTTP/1.1 for JSON, health and metrics;
    /// <c>Kestrel:Endpoints:grpc</c> HTTP/2 cleartext for gRPC), as a real Aspire AppHost sets them.
    /// </summary>
    public static WebApplicationBuilder AddServiceDefaults(this WebApplicationBuilder builder)
    {
        builder.AddTelemetry();
        builder.AddPlatformAuthentication();
        builder.AddRequestBodyLimits();
        builder.Services.AddHealthChecks()
            .AddCheck("self", () => HealthCheckResult.Healthy(), tags: [HealthTags.Live]);
        builder.Services.AddServiceDiscovery();
        builder.Services.ConfigureHttpClientDefaults(http => http.AddServiceDiscovery());
        builder.Services.AddServiceGrpc();
        builder.Services.AddHttpContextAccessor();
        builder.Services.AddSingleton<Audit.CallerContext>();
        builder.Services.AddExceptionHandler<Errors.PlainHttpErrors>();
        builder.Services.AddProblemDetails();
        return builder;
    }

    /// <summary>/health, /alive, /metrics, gRPC health and reflection: the anonymous endpoints; the rest need a token.</summary>
    public static WebApplication MapDefaultEndpoints(this WebApplication app)
    {
        // PlainHttpErrors answers and logs; the middleware itself need not log each refusal again.
        app.UseExceptionHandler(new ExceptionHandlerOptions { SuppressDiagnosticsCallback = _ => true });
        app.UseMiddleware<RequestBodyLimitMiddleware>();
        app.UseAuthentication();
        app.UseAuthorization();
        app.MapHealthEndpoints();
        app.MapPrometheusScrapingEndpoint().AllowAnonymous();
        app.MapServiceGrpcInfrastructure();
        return app;
    }
}
