using System.Text.Json;

namespace ArPlatform.AppHost.Resources;

/// <summary>
/// The scrape targets of a running stack in Prometheus's file-based discovery format: the
/// services' and the gateway's <c>/metrics</c>, each labelled with its
/// name. AppHost writes it to the data folder at start; <c>ops/prometheus/prometheus.yml</c> reads it.
/// </summary>
public static class PrometheusTargets
{
    public const string FileName = "prometheus-targets.json";

    public static string Json(IEnumerable<Resource> resources) => JsonSerializer.Serialize(
        resources.Where(r => r.ServesMetrics).Select(r => new
        {
            targets = new[] { $"127.0.0.1:{r.Endpoints["http"]}" },
            labels = new Dictionary<string, string> { ["service"] = r.Name },
        }),
        new JsonSerializerOptions { WriteIndented = true });
}
