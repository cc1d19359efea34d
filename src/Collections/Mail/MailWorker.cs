using ArPlatform.ServiceDefaults.Hosting;
using Microsoft.Extensions.Options;

namespace ArPlatform.Collections.Mail;

/// <summary>Sends pending mail every <c>Collections:Mail:PollSeconds</c>: whatever a run queued, an SMTP outage delayed or a crash left.</summary>
public sealed class MailWorker(MailDispatcher dispatcher, IOptions<MailOptions> options, ILogger<MailWorker> logger) : PeriodicWorker(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task RunOnceAsync(CancellationToken ct) => dispatcher.SendDueAsync(ct);
}
