using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;

namespace ArPlatform.ServiceDefaults.Telemetry;

public static class TelemetryRegistration
{
    /// <summary>Every ActivitySource and Meter of ours starts with this prefix.</summary>
    public const string SourcePrefix = "ArPlatform.";

    /// <summary>
    /// Traces, metrics and logs through OpenTelemetry: Prometheus scraping always, OTLP export
    /// when OTEL_EXPORTER_OTLP_ENDPOINT is set (the variable Aspire's dashboard and collectors use).
    /// The service name comes from OTEL_SERVICE_NAME.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        // One line per entry with the trace and span ids in its scope, so a line in the console
        // (or AppHost's dashboard) leads to its trace, and a trace id to every line it wrote.
        builder.Logging.Configure(o => o.ActivityTrackingOptions = ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId);
        builder.Logging.AddSimpleConsole(o =>
        {
            o.SingleLine = true;
            o.IncludeScopes = true;
            o.TimestampFormat = "HH:mm:ss.fff ";
        });
        builder.Logging.AddOpenTelemetry(logging =>
        {
            logging.IncludeFormattedMessage = true;
            logging.IncludeScopes = true;
        });

        var telemetry = builder.Services.AddOpenTelemetry()
            .WithMetrics(metrics => metrics
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation()
                .AddMeter(SourcePrefix + "*")
                .AddPrometheusExporter())
            .WithTracing(tracing => tracing
                .AddSource(SourcePrefix + "*")
                .AddAspNetCoreInstrumentation(o => o.Filter = IsNotProbe)
                .AddGrpcClientInstrumentation()
                .AddHttpClientInstrumentation());

        if (!string.IsNullOrWhiteSpace(builder.Configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]))
            telemetry.UseOtlpExporter();
        return builder;
    }

    // Probes and scrapes every few seconds would drown the traces that matter.
    private static bool IsNotProbe(HttpContext context) =>
        !(context.Request.Path.StartsWithSegments("/health")
          || context.Request.Path.StartsWithSegments("/alive")
          || context.Request.Path.StartsWithSegments("/metrics"));
}
