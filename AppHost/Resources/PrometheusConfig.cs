using System.Text.Json;

namespace ArPlatform.AppHost.Resources;

/// <summary>
/// The configuration AppHost starts Prometheus with: <c>ops/prometheus/prometheus.yml</c> itself,
/// with its two relative paths (the targets file in the default data folder, the alert rules
/// beside it) made absolute for this run. One configuration, whether Prometheus is started by
/// hand or by AppHost.
/// </summary>
public static class PrometheusConfig
{
    public const string FileName = "prometheus.yml";
    private const string TargetsEntry = "- ../../.data/" + PrometheusTargets.FileName;
    private const string RulesEntry = "- alerts.yml";

    public static string ForRun(string opsConfig, string opsDirectory, string targetsFile)
    {
        if (!opsConfig.Contains(TargetsEntry, StringComparison.Ordinal) || !opsConfig.Contains(RulesEntry, StringComparison.Ordinal))
            throw new InvalidOperationException(
                $"ops/prometheus/{FileName} no longer lists '{TargetsEntry}' and '{RulesEntry}'; update PrometheusConfig with it.");
        return opsConfig
            .Replace(TargetsEntry, "- " + Quoted(targetsFile), StringComparison.Ordinal)
            .Replace(RulesEntry, "- " + Quoted(Path.Combine(opsDirectory, "alerts.yml")), StringComparison.Ordinal);
    }

    // A JSON string is a valid YAML double-quoted scalar, whatever the path holds.
    private static string Quoted(string path) => JsonSerializer.Serialize(path);
}
