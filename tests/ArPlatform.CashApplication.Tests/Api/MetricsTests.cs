using System.Net;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Security;

namespace ArPlatform.CashApplication.Tests.Api;

/// <summary>
/// A scrape must see this host's instruments only: OpenTelemetry listens to meters process-wide,
/// so another CashApplication host alive at the same time would publish the same gauge names.
/// These tests run alone.
/// </summary>
[CollectionDefinition(nameof(ScrapedAlone), DisableParallelization = true)]
public sealed class ScrapedAlone;

/// <summary>What an SRE scrapes: cash waiting to be placed, its age, and the outbox to Billing.</summary>
[Collection(nameof(ScrapedAlone))]
public sealed class MetricsTests : IDisposable
{
    private readonly CashApplicationHost _host = new(settings: new Dictionary<string, string> { ["CashApplication:MetricsRefreshSeconds"] = "0" });

    public void Dispose() => _host.Dispose();

    private Task<Payment> RecordAsync(string requestId, string amount, string bookingDate) =>
        _host.ClientAs("carl", Roles.CashApplier).RecordPaymentAsync(new RecordPaymentRequest
        {
            RequestId = requestId,
            Payment = new Payment
            {
                Amount = new Money { Currency = "USD", Amount = amount }, PayerName = "Globex", BookingDate = bookingDate,
                BankReference = "FW-" + requestId,
            },
        }).ResponseAsync;

    [Fact]
    public async Task The_gauges_show_unapplied_cash_the_part_older_than_a_week_and_the_oldest_age()
    {
        _host.Clock.Now = new DateTimeOffset(2026, 11, 20, 9, 0, 0, TimeSpan.Zero);
        await RecordAsync("p-old", "12500.00", "2026-11-02");
        await RecordAsync("p-new", "300.50", "2026-11-19");
        var refresher = (CashApplicationGaugeRefresher)_host.Services.GetService(typeof(CashApplicationGaugeRefresher))!;

        await refresher.RefreshAsync(CancellationToken.None);
        using var http = _host.CreateClient();
        var response = await http.GetAsync("/metrics");
        var text = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Matches(@"(?m)^ar_cashapp_unapplied_payments\{[^}]*age=""all""[^}]*\} 2$", text);
        Assert.Matches(@"(?m)^ar_cashapp_unapplied_payments\{[^}]*age=""over_7d""[^}]*\} 1$", text);
        Assert.Matches(@"(?m)^ar_cashapp_unapplied_amount\{[^}]*age=""all"",currency=""USD""[^}]*\} 12800.5$", text);
        Assert.Matches(@"(?m)^ar_cashapp_unapplied_amount\{[^}]*age=""over_7d"",currency=""USD""[^}]*\} 12500$", text);
        // Every query the host made is timed, by system and operation.
        Assert.Matches(@"(?m)^db_client_operation_duration_seconds_count\{[^}]*db_operation_name=""INSERT"",db_system_name=""(sqlite|postgresql)""[^}]*\} [1-9]", text);
        Assert.Matches(@"(?m)^ar_cashapp_unapplied_oldest_age_days(\{[^}]*\})? 18$", text);
        Assert.Matches(@"(?m)^ar_cashapp_applications_pending(\{[^}]*\})? 0$", text);
    }
}
