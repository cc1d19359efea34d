using ArPlatform.AppHost.Dashboard;

namespace ArPlatform.AppHost.Tests.Dashboard;

public class ResourceViewTests
{
    private static ResourceView View(string state, string health, int restarts) =>
        new("billing", "project", state, health, 42, DateTimeOffset.UnixEpoch, restarts, null, [], null, []);

    [Theory]
    [InlineData("Running", "Healthy", 0, "up")]
    [InlineData("Running", "Healthy", 3, "up")]
    [InlineData("Running", "Unhealthy", 0, "down")]
    [InlineData("Restarting", "Unknown", 1, "down")]
    [InlineData("Starting", "Unhealthy", 1, "down")]
    [InlineData("Stopped", "Unknown", 0, "down")]
    [InlineData("Starting", "Unhealthy", 0, "starting")]
    [InlineData("Waiting", "Unknown", 0, "starting")]
    [InlineData("Running", "Unknown", 0, "starting")]
    public void The_status_colour_follows_the_process_state_its_health_check_and_whether_it_crashed(
        string state, string health, int restarts, string status)
    {
        Assert.Equal(status, View(state, health, restarts).Status);
    }
}

public class LogBufferTests
{
    [Fact]
    public void A_reader_gets_the_lines_after_the_last_one_it_saw_and_only_the_latest_are_kept()
    {
        var logs = new LogBuffer(TimeProvider.System);
        for (var i = 1; i <= LogBuffer.Capacity + 5; i++) logs.Append("billing", $"line {i}");
        logs.Append("gateway", "other");

        var all = logs.Since("billing", 0);
        var after = logs.Since("billing", all[^2].Sequence);

        Assert.Equal(LogBuffer.Capacity, all.Count);
        Assert.Equal("line 6", all[0].Text);
        Assert.Equal(["line 2005"], after.Select(l => l.Text));
        Assert.Empty(logs.Since("cashapp", 0));
    }
}

public class PrometheusConfigTests
{
    [Fact]
    public void Apphost_starts_prometheus_with_the_ops_configuration_and_this_runs_absolute_paths()
    {
        var ops = Path.Combine(Resources.ServiceCatalog.RepositoryRoot, "ops", "prometheus");
        var config = Resources.PrometheusConfig.ForRun(File.ReadAllText(Path.Combine(ops, "prometheus.yml")), ops, "/tmp/run 1/prometheus-targets.json");

        Assert.Contains("- \"/tmp/run 1/prometheus-targets.json\"", config);
        Assert.Contains($"- \"{Path.Combine(ops, "alerts.yml")}\"", config);
        Assert.DoesNotContain("../../.data", config);
        Assert.Contains("job_name: arplatform", config);
    }

    [Fact]
    public void A_configuration_without_the_expected_entries_is_refused_rather_than_half_rewritten()
    {
        Assert.Throws<InvalidOperationException>(() => Resources.PrometheusConfig.ForRun("global: {}", "/ops", "/data/t.json"));
    }
}
