using System.Buffers;
using System.Net;
using ArPlatform.Collections.Agent;
using Microsoft.Extensions.Options;
using SmtpServer;
using SmtpServer.Protocol;
using SmtpServer.Storage;

namespace ArPlatform.Collections.Inbox;

/// <summary>
/// Customers' mail by SMTP (the <c>SmtpServer</c> package) on <c>Collections:Agent:SmtpAddress</c>
/// and <c>SmtpPort</c> (loopback; 0 leaves it off): each message goes the same way as
/// SubmitInboundMessage, keyed by its Message-ID, and is accepted once stored. A mail that
/// cannot be stored now (Billing unreachable) is refused with a 4xx, so the sending server
/// retries it later rather than it being lost.
/// </summary>
public sealed class SmtpIntake(IServiceScopeFactory scopes, IOptions<AgentOptions> options, ILogger<SmtpIntake> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var o = options.Value;
        if (o.SmtpPort <= 0) return;
        var server = new SmtpServer.SmtpServer(
            new SmtpServerOptionsBuilder().ServerName("arplatform-collections")
                .Endpoint(e => e.Endpoint(new IPEndPoint(IPAddress.Parse(o.SmtpAddress), o.SmtpPort)))
                .MaxMessageSize(o.MaxMessageBytes, MaxMessageSizeHandling.Strict).Build(),
            new SmtpServer.ComponentModel.ServiceProvider().With(new Store(scopes, logger)));
        logger.LogInformation("SMTP intake listening on {Address}:{Port}", o.SmtpAddress, o.SmtpPort);
        await server.StartAsync(stoppingToken);
    }

    private sealed class Store(IServiceScopeFactory scopes, ILogger logger) : MessageStore
    {
        private static readonly SmtpResponse TryLater = new((SmtpReplyCode)451, "4.3.0 Cannot take the message now, try again later");

        public override async Task<SmtpResponse> SaveAsync(ISessionContext context, IMessageTransaction transaction, ReadOnlySequence<byte> buffer, CancellationToken cancellationToken)
        {
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var stored = await scope.ServiceProvider.GetRequiredService<InboxService>().ReceiveAsync(buffer.ToArray(), cancellationToken);
                logger.LogInformation("Mail {MessageId} from {From}: {Intent}, {Disposition}", stored.MessageId, stored.From, IntentNames.Name(stored.Intent), stored.Disposition);
                return SmtpResponse.Ok;
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogWarning(e, "Mail not taken; the sender will retry");
                return TryLater;
            }
        }
    }
}

internal static class SmtpServiceProviderExtensions
{
    public static SmtpServer.ComponentModel.ServiceProvider With(this SmtpServer.ComponentModel.ServiceProvider provider, IMessageStore store)
    {
        provider.Add(store);
        return provider;
    }
}
