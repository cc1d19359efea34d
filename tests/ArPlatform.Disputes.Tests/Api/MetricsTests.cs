using System.Net;

namespace ArPlatform.Disputes.Tests.Api;

/// <summary>
/// A scrape must see this host's instruments only. OpenTelemetry listens to meters process-wide,
/// so another test's Disputes host, alive at the same time, publishes the same gauge names
/// (seen: this scrape showing another host's zeros): these tests run alone.
/// </summary>
[CollectionDefinition(nameof(ScrapedAlone), DisableParallelization = true)]
public sealed class ScrapedAlone;

/// <summary>What an SRE scrapes: undecided and overdue cases and the outbox backlog, as Prometheus gauges.</summary>
[Collection(nameof(ScrapedAlone))]
public sealed class MetricsTests : IDisposable
{
    private readonly DisputesWorld _world = new(new Dictionary<string, string>
    {
        ["Disputes:Outbox:DeliverAfterCommit"] = "false", ["Disputes:Outbox:PollSeconds"] = "0", ["Disputes:MetricsRefreshSeconds"] = "0",
    });

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task The_gauges_show_undecided_and_overdue_cases_and_undelivered_billing_changes()
    {
        var invoice = await _world.InvoiceAsync();
        await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));
        _world.Disputes.Clock.Now = _world.Disputes.Clock.Now.AddDays(30);
        var refresher = (DisputesGaugeRefresher)_world.Disputes.Services.GetService(typeof(DisputesGaugeRefresher))!;

        await refresher.RefreshAsync(CancellationToken.None);
        using var http = _world.Disputes.CreateClient();
        var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"(?m)^ar_disputes_unresolved(\{[^}]*\})? 1$", text);
        Assert.Matches(@"(?m)^ar_disputes_overdue(\{[^}]*\})? 1$", text);
        Assert.Matches(@"(?m)^ar_disputes_outbox_pending(\{[^}]*\})? 1$", text);
        Assert.Matches(@"(?m)^ar_disputes_outbox_failed(\{[^}]*\})? 0$", text);
    }
}
