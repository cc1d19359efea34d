using ArPlatform.Contracts.Collections.V1;
using Google.Protobuf.WellKnownTypes;

namespace ArPlatform.Collections.Tests.Api;

/// <summary>
/// Auto-send switched on for balance questions (configuration a manager sets): Billing and
/// Collections in memory over real gRPC, mail out through a real SMTP server on loopback.
/// </summary>
public sealed class AutoSendTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new(settings: new Dictionary<string, string>
    {
        ["Collections:Agent:AutoSendIntents:0"] = "BALANCE_INQUIRY",
    });
    private string _customerId = "";

    public async Task InitializeAsync()
    {
        _customerId = (await _world.CustomerAsync()).Id;
        await _world.InvoiceAsync(_customerId);
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static SubmitInboundMessageRequest Mail(string requestId, string from, string body, string messageId) => new()
    {
        RequestId = requestId,
        Message = new InboundEmail
        {
            From = from, To = "ar@ourco.example", Subject = "Balance?", Body = body, MessageId = messageId,
            ReceivedTime = Timestamp.FromDateTime(new DateTime(2026, 11, 30, 9, 12, 0, DateTimeKind.Utc)),
        },
    };

    [Fact]
    public async Task A_contacts_balance_question_is_answered_without_a_person_and_the_reply_reaches_them()
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(
            Mail("m-1", "ap@acme.example", "Hi, what is our current balance with you? Thanks, Ana", "<b-1@acme.example>"));

        Assert.Equal((MessageDisposition.AutoSent, MessageIntent.BalanceInquiry), (message.Disposition, message.Intent));
        var draft = await _world.Collections.Collector.GetReplyDraftAsync(new GetReplyDraftRequest { Id = message.DraftId });
        Assert.Equal((ReplyDraftStatus.Sent, "reply-agent", false), (draft.Status, draft.DecidedBy, draft.Edited));
        var (recipients, sent) = Assert.Single(await _world.Smtp.WaitForAsync(1));
        Assert.Equal(["ap@acme.example"], recipients);
        Assert.Equal(("Re: Balance?", "b-1@acme.example"), (sent.Subject, sent.InReplyTo));
        Assert.Contains("324.75 USD, of which 324.75 USD is overdue", sent.TextBody);

        var metrics = await _world.Collections.Manager.GetAgentMetricsAsync(new GetAgentMetricsRequest { PeriodStart = "2026-11-30", PeriodEnd = "2026-11-30" });
        Assert.Equal(1, Assert.Single(metrics.Intents).AutoSent);
        var pending = await _world.Collections.Collector.ListReplyDraftsAsync(new ListReplyDraftsRequest { Status = ReplyDraftStatus.PendingReview });
        Assert.Empty(pending.Drafts);
    }

    [Fact]
    public async Task A_balance_question_that_also_promises_a_payment_waits_for_a_person()
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(Mail("m-2", "ap@acme.example",
            "Hi, what is our balance? We will pay 324.75 USD on 15/12/2026. Ana", "<b-2@acme.example>"));

        Assert.Equal(MessageDisposition.Drafted, message.Disposition);
        var draft = await _world.Collections.Collector.GetReplyDraftAsync(new GetReplyDraftRequest { Id = message.DraftId });
        Assert.Equal(ReplyDraftStatus.PendingReview, draft.Status);
    }

    [Theory]
    [InlineData("ap@acme-example.com")]
    [InlineData("someone@gmail.com")]
    public async Task The_same_question_from_a_stranger_sends_nothing(string from)
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(
            Mail("m-3", from, "Hi, what is our current balance with you? Thanks, Ana", "<b-3@elsewhere.example>"));

        Assert.NotEqual(MessageDisposition.AutoSent, message.Disposition);
        await _world.SendMailAsync();
        Assert.DoesNotContain(_world.Smtp.Received, m => m.Message.TextBody?.Contains("324.75") == true);
    }
}

/// <summary>A W-9 configured for the agent: a contact's request gets it attached, and the approved reply carries the file as it is.</summary>
public sealed class TaxFormReplyTests : IAsyncLifetime
{
    private readonly string _form = Path.Combine(Path.GetTempPath(), $"w9-{Guid.NewGuid():N}.pdf");
    private readonly byte[] _content = "%PDF-1.4\n% our W-9, as the tax office printed it\n"u8.ToArray();
    private CollectionsWorld _world = null!;

    public async Task InitializeAsync()
    {
        await File.WriteAllBytesAsync(_form, _content);
        _world = new CollectionsWorld(settings: new Dictionary<string, string> { ["Collections:Agent:TaxFormFile"] = _form });
        await _world.CustomerAsync();
    }

    public async Task DisposeAsync()
    {
        await _world.DisposeAsync();
        File.Delete(_form);
    }

    [Fact]
    public async Task A_contacts_request_for_our_w9_gets_the_configured_file_attached_and_sent_once_approved()
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(new SubmitInboundMessageRequest
        {
            RequestId = "w9-1",
            Message = new InboundEmail
            {
                From = "ap@acme.example", To = "ar@ourco.example", Subject = "W-9 request", MessageId = "<w9-1@acme.example>",
                Body = "Hello, our vendor master team needs your current W-9 form before the next payment run. Could you send it over? Thanks, Ana",
                ReceivedTime = Timestamp.FromDateTime(new DateTime(2026, 11, 30, 9, 12, 0, DateTimeKind.Utc)),
            },
        });
        Assert.Equal((MessageIntent.TaxFormRequest, MessageDisposition.Drafted), (message.Intent, message.Disposition));

        await _world.Collections.Manager.ApproveReplyDraftAsync(new ApproveReplyDraftRequest { Id = message.DraftId, RequestId = "ap-w9" });
        await _world.SendMailAsync();
        var (_, sent) = Assert.Single(await _world.Smtp.WaitForAsync(1));
        var pdf = Assert.Single(sent.Attachments.OfType<MimeKit.MimePart>());
        Assert.Equal(Path.GetFileName(_form), pdf.FileName);
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content);
        Assert.Equal(_content, content.ToArray());
    }
}
