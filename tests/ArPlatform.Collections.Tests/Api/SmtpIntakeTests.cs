using System.Net;
using System.Net.Sockets;
using ArPlatform.Contracts.Collections.V1;
using MailKit.Net.Smtp;
using MailKit.Security;
using MimeKit;

namespace ArPlatform.Collections.Tests.Api;

/// <summary>Customers' mail by SMTP: a real MailKit client sends to Collections' intake on a loopback port.</summary>
public sealed class SmtpIntakeTests : IAsyncLifetime
{
    private readonly int _port = FreePort();
    private readonly CollectionsWorld _world;
    private string _customerId = "";

    public SmtpIntakeTests() => _world = new CollectionsWorld(settings: new Dictionary<string, string>
    {
        ["Collections:Agent:SmtpPort"] = _port.ToString(System.Globalization.CultureInfo.InvariantCulture),
    });

    public async Task InitializeAsync()
    {
        _customerId = (await _world.CustomerAsync()).Id;
        await _world.InvoiceAsync(_customerId);
        // The first call starts the host, and with it the intake.
        await _world.Collections.Manager.ListReplyDraftsAsync(new ListReplyDraftsRequest());
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task A_mail_sent_to_the_intake_is_read_and_drafted_like_a_submitted_one_and_taken_once()
    {
        var mail = new MimeMessage();
        mail.From.Add(new MailboxAddress("Ana Li", "ap@acme.example"));
        mail.To.Add(new MailboxAddress("AR", "ar@ourco.example"));
        mail.Subject = "Balance?";
        mail.MessageId = "smtp-1@acme.example";
        mail.Body = new TextPart("plain") { Text = "Hi, what do we owe you as of today?\n\nThanks,\nAna" };

        await SendAsync(mail);
        await SendAsync(mail);

        var messages = await _world.Collections.Manager.ListInboundMessagesAsync(new ListInboundMessagesRequest());
        var message = Assert.Single(messages.Messages);
        Assert.Equal(("smtp-1@acme.example", _customerId, MessageIntent.BalanceInquiry, MessageDisposition.Drafted),
            (message.MessageId, message.CustomerId, message.Intent, message.Disposition));
        var draft = await _world.Collections.Manager.GetReplyDraftAsync(new GetReplyDraftRequest { Id = message.DraftId });
        Assert.Contains("324.75 USD", draft.Body);
        Assert.Single(draft.Attachments);
    }

    private async Task SendAsync(MimeMessage mail)
    {
        using var client = new SmtpClient();
        // The intake starts with the host; give its listener a moment on a loaded machine.
        for (var attempt = 0; ; attempt++)
        {
            try
            {
                await client.ConnectAsync("127.0.0.1", _port, SecureSocketOptions.None);
                break;
            }
            catch (SocketException) when (attempt < 50)
            {
                await Task.Delay(100);
            }
        }
        await client.SendAsync(mail);
        await client.DisconnectAsync(quit: true);
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
