using System.Net;
using System.Net.Sockets;
using ArPlatform.Contracts.Collections.V1;
using ArPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ArPlatform.Collections.Tests.Api;

/// <summary>
/// A scrape must see this host's instruments only: OpenTelemetry listens to meters process-wide,
/// so another Collections host alive at the same time would publish the same gauge names.
/// These tests run alone.
/// </summary>
[CollectionDefinition(nameof(ScrapedAlone), DisableParallelization = true)]
public sealed class ScrapedAlone;

/// <summary>What an SRE scrapes: Collections' outboxes (letters for the SMTP server) and their retries.</summary>
[Collection(nameof(ScrapedAlone))]
public sealed class MetricsTests : IDisposable
{
    private readonly BillingHost _billing = new(redis: null);
    private readonly CollectionsHost _collections;

    public MetricsTests() =>
        // An SMTP port nobody listens on: the letter stays in the outbox.
        _collections = new CollectionsHost(_billing, ClosedPort(), settings: new Dictionary<string, string> { ["Collections:MetricsRefreshSeconds"] = "0" });

    public void Dispose()
    {
        _collections.Dispose();
        _billing.Dispose();
    }

    [Fact]
    public async Task A_letter_the_smtp_server_cannot_take_shows_as_waiting_and_its_retry_is_counted()
    {
        var request = Requests.Customer("c-1");
        request.Customer.Contacts[0].Email = "ap@acme.example";
        var customer = await _billing.Client.CreateCustomerAsync(request);
        await _billing.Client.CreateInvoiceAsync(Requests.Invoice(customer.Id, "i-1", invoiceDate: "2026-10-01"));
        var now = new DateTimeOffset(2026, 11, 30, 12, 0, 0, TimeSpan.Zero);
        (_billing.Clock.Now, _collections.Clock.Now) = (now, now);

        var run = await _collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" });
        await _collections.Services.GetRequiredService<Mail.MailDispatcher>().SendDueAsync(CancellationToken.None);
        await _collections.Services.GetRequiredService<CollectionsGaugeRefresher>().RefreshAsync(CancellationToken.None);
        using var http = _collections.CreateClient();
        var text = await (await http.GetAsync("/metrics")).Content.ReadAsStringAsync();

        Assert.Equal(1, run.MessagesQueued);
        Assert.Matches(@"(?m)^ar_collections_mail_pending(\{[^}]*\})? 1$", text);
        Assert.Matches(@"(?m)^ar_collections_mail_failed(\{[^}]*\})? 0$", text);
        Assert.Matches(@"(?m)^ar_collections_writeoffs_awaiting_posting(\{[^}]*\})? 0$", text);
        Assert.Matches(@"(?m)^ar_collections_outbox_retries_total\{[^}]*outbox=""mail""[^}]*\} [1-9]", text);
    }

    private static int ClosedPort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
