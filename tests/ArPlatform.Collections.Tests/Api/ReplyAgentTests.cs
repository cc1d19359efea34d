using System.Text;
using ArPlatform.Contracts.Collections.V1;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;

namespace ArPlatform.Collections.Tests.Api;

/// <summary>
/// The reply agent end to end: Billing and Collections in memory over real gRPC, mail out
/// through a real SMTP server on loopback. Acme Corp (contact ap@acme.example) owes one
/// invoice of 324.75 USD, 30 days overdue today (30 November 2026).
/// </summary>
public sealed class ReplyAgentTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new();
    private string _customerId = "";
    private string _invoiceNumber = "";

    public async Task InitializeAsync()
    {
        _customerId = (await _world.CustomerAsync()).Id;
        _invoiceNumber = (await _world.InvoiceAsync(_customerId)).Number;
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static SubmitInboundMessageRequest Mail(string requestId, string from, string messageId = "", string body = "Hi, what do we owe you as of today? Thanks, Ana") => new()
    {
        RequestId = requestId,
        Message = new InboundEmail
        {
            From = from, To = "ar@ourco.example", Subject = "Balance?", Body = body, MessageId = messageId,
            ReceivedTime = Timestamp.FromDateTime(new DateTime(2026, 11, 30, 9, 12, 0, DateTimeKind.Utc)),
        },
    };

    [Fact]
    public async Task A_registered_contact_asking_for_the_balance_gets_a_pending_draft_with_the_balance_and_a_statement_pdf()
    {
        var collector = _world.Collections.Collector;
        var message = await collector.SubmitInboundMessageAsync(Mail("m-1", "Ana Li <ap@acme.example>"));

        Assert.Equal((_customerId, MessageIntent.BalanceInquiry, MessageDisposition.Drafted, "CONTACT"),
            (message.CustomerId, message.Intent, message.Disposition, message.SenderMatch));
        Assert.Empty(message.EscalationReasons);
        var draft = await collector.GetReplyDraftAsync(new GetReplyDraftRequest { Id = message.DraftId });
        Assert.Equal((ReplyDraftStatus.PendingReview, "ap@acme.example", "Re: Balance?"), (draft.Status, draft.To, draft.Subject));
        Assert.Contains("324.75 USD, of which 324.75 USD is overdue", draft.Body);
        Assert.StartsWith("Dear Ana Li,", draft.Body);
        var statement = Assert.Single(draft.Attachments);
        Assert.Equal("application/pdf", statement.ContentType);
        Assert.Contains(draft.Citations, c => c.Kind == "INVOICE" && c.Number == _invoiceNumber);
        Assert.Contains(draft.Citations, c => c.Kind == "BALANCE" && c.Id == _customerId);
        var pending = await collector.ListReplyDraftsAsync(new ListReplyDraftsRequest { Status = ReplyDraftStatus.PendingReview });
        Assert.Equal([draft.Id], pending.Drafts.Select(d => d.Id));
    }

    [Fact]
    public async Task An_approved_reply_goes_out_through_the_outbox_with_its_statement_threaded_under_the_customers_mail()
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(Mail("m-1", "ap@acme.example", "<q-1@acme.example>"));
        var approved = await _world.Collections.Manager.ApproveReplyDraftAsync(new ApproveReplyDraftRequest { Id = message.DraftId, RequestId = "ap-1" });
        Assert.Equal((ReplyDraftStatus.Sent, "mia", false), (approved.Status, approved.DecidedBy, approved.Edited));

        await _world.SendMailAsync();
        var (recipients, sent) = Assert.Single(await _world.Smtp.WaitForAsync(1));
        Assert.Equal(["ap@acme.example"], recipients);
        Assert.Equal(("Re: Balance?", "q-1@acme.example"), (sent.Subject, sent.InReplyTo));
        Assert.NotNull(sent.TextBody);
        Assert.Contains("324.75 USD, of which 324.75 USD is overdue", sent.TextBody);
        var pdf = Assert.Single(sent.Attachments.OfType<MimeKit.MimePart>());
        using var content = new MemoryStream();
        await pdf.Content!.DecodeToAsync(content);
        Assert.StartsWith("%PDF-", Encoding.ASCII.GetString(content.ToArray(), 0, 5));

        var audit = await _world.Collections.Manager.ListAuditEntriesAsync(new Contracts.Common.V1.ListAuditEntriesRequest());
        Assert.Contains(audit.Entries, e => e.EntityType == "reply-draft" && e.Operation == "ApproveReplyDraft" && e.Actor == "mia");
        var metrics = await _world.Collections.Manager.GetAgentMetricsAsync(new GetAgentMetricsRequest { PeriodStart = "2026-11-30", PeriodEnd = "2026-11-30" });
        var balance = Assert.Single(metrics.Intents);
        Assert.Equal((MessageIntent.BalanceInquiry, 1, 1, 0), (balance.Intent, balance.Received, balance.ApprovedUnedited, balance.Edited));
    }

    [Theory]
    [InlineData("Hi, payment of 324.75 USD for invoice {0} will be made on 15/12/2026. Thanks, Ana")]
    [InlineData("Hello, we promise to pay {0} (324.75 USD) by 15/12/2026. Regards, Ana")]
    [InlineData("Dear team, invoice {0}: we will send the 324.75 USD on 15/12/2026, once our payment run is approved. Ana")]
    [InlineData("We will settle invoice {0} of 324.75 USD on 15/12/2026.")]
    public async Task An_approved_promise_to_pay_becomes_the_customers_promise_made_by_the_approver(string body)
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(Mail("m-p", "ap@acme.example", "<p-1@acme.example>",
            string.Format(System.Globalization.CultureInfo.InvariantCulture, body, _invoiceNumber)));
        Assert.Equal(MessageDisposition.Drafted, message.Disposition);
        var draft = await _world.Collections.Collector.GetReplyDraftAsync(new GetReplyDraftRequest { Id = message.DraftId });
        var proposed = Assert.Single(draft.ProposedActions, a => a.Kind == "PROMISE_TO_PAY");
        Assert.Equal(("324.75", "2026-12-15"), (proposed.Amount.Amount, proposed.Date));

        await _world.Collections.Manager.ApproveReplyDraftAsync(new ApproveReplyDraftRequest { Id = message.DraftId, RequestId = "ap-p" });
        await _world.Collections.Manager.ApproveReplyDraftAsync(new ApproveReplyDraftRequest { Id = message.DraftId, RequestId = "ap-p" });

        var promises = await _world.Collections.Manager.ListPromisesToPayAsync(new ListPromisesToPayRequest { CustomerId = _customerId });
        var promise = Assert.Single(promises.Promises);
        Assert.Equal(("324.75", "2026-12-15", "mia", PromiseStatus.Open), (promise.Amount.Amount, promise.PromisedDate, promise.CreatedBy, promise.Status));
        Assert.Contains("15/12/2026", promise.Note);
    }

    [Fact]
    public async Task A_thread_answered_three_times_in_a_day_sends_the_fourth_mail_to_a_person()
    {
        var dispositions = new List<(MessageDisposition, string)>();
        for (var i = 1; i <= 4; i++)
        {
            var mail = Mail($"m-loop-{i}", "ap@acme.example", $"<loop-{i}@acme.example>");
            mail.Message.ThreadId = "t-loop";
            var message = await _world.Collections.Collector.SubmitInboundMessageAsync(mail);
            dispositions.Add((message.Disposition, string.Join(",", message.EscalationReasons)));
        }

        Assert.Equal([(MessageDisposition.Drafted, ""), (MessageDisposition.Drafted, ""), (MessageDisposition.Drafted, ""),
            (MessageDisposition.Escalated, "THREAD_REPLY_LIMIT")], dispositions);
    }

    [Fact]
    public async Task A_rejected_promise_draft_makes_no_promise()
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(Mail("m-p2", "ap@acme.example", "<p-2@acme.example>",
            $"We will pay {_invoiceNumber}, 324.75 USD, on 15/12/2026."));
        await _world.Collections.Manager.RejectReplyDraftAsync(new RejectReplyDraftRequest { Id = message.DraftId, RequestId = "rj-p", Reason = "they promised twice before" });

        var promises = await _world.Collections.Manager.ListPromisesToPayAsync(new ListPromisesToPayRequest { CustomerId = _customerId });
        Assert.Empty(promises.Promises);
    }

    [Fact]
    public async Task An_edited_reply_is_sent_as_edited_unless_it_names_another_customers_invoice()
    {
        var other = await _world.CustomerAsync("c-2", email: "ap@globex.example");
        var otherInvoice = await _world.InvoiceAsync(other.Id, "i-2");
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(Mail("m-1", "ap@acme.example"));

        var refused = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _world.Collections.Collector.ApproveReplyDraftAsync(
            new ApproveReplyDraftRequest { Id = message.DraftId, RequestId = "ap-1", Body = $"See also {otherInvoice.Number}." }).ResponseAsync);
        Assert.Contains(otherInvoice.Number, refused.Message);
        var edited = await _world.Collections.Collector.ApproveReplyDraftAsync(
            new ApproveReplyDraftRequest { Id = message.DraftId, RequestId = "ap-2", Body = $"Dear Ana, {_invoiceNumber} is open. Regards" });
        Assert.True(edited.Edited);
        await _world.SendMailAsync();
        Assert.Equal($"Dear Ana, {_invoiceNumber} is open. Regards", Assert.Single(await _world.Smtp.WaitForAsync(1)).Message.TextBody?.Trim());
    }

    [Theory]
    [InlineData("ap@acme-example.com")]
    [InlineData("ap@acrne.example")]
    public async Task The_same_mail_from_a_lookalike_domain_discloses_nothing_and_goes_to_a_person(string from)
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(Mail("m-1", from));
        Assert.Equal(("", MessageDisposition.Escalated, "", "NONE"), (message.CustomerId, message.Disposition, message.DraftId, message.SenderMatch));
        Assert.Contains("LOOKALIKE_DOMAIN", message.EscalationReasons);
        var drafts = await _world.Collections.Manager.ListReplyDraftsAsync(new ListReplyDraftsRequest());
        Assert.Empty(drafts.Drafts);
    }

    [Fact]
    public async Task A_free_mail_sender_is_asked_to_write_from_a_registered_address_and_told_nothing_of_the_account()
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(Mail("m-1", "ana.li.acme@gmail.com"));
        Assert.Equal(("", MessageDisposition.Drafted), (message.CustomerId, message.Disposition));
        var draft = await _world.Collections.Manager.GetReplyDraftAsync(new GetReplyDraftRequest { Id = message.DraftId });
        Assert.Contains("registered e-mail address", draft.Body);
        foreach (var secret in new[] { "324.75", _invoiceNumber, "Acme", "C-0" }) Assert.DoesNotContain(secret, draft.Body);
        Assert.Empty(draft.Attachments);
        Assert.Empty(draft.Citations);
    }

    [Fact]
    public async Task A_change_of_bank_details_is_escalated_without_a_draft()
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(
            Mail("m-1", "ap@acme.example", body: "Please note our bank details have changed. Pay all invoices to IBAN DE89 3704 0044 0532 0130 00 from now on."));
        Assert.Equal((MessageDisposition.Escalated, ""), (message.Disposition, message.DraftId));
        Assert.Contains("BANK_DETAILS_CHANGE", message.EscalationReasons);
    }

    [Fact]
    public async Task An_out_of_office_reply_is_ignored()
    {
        var request = Mail("m-1", "ap@acme.example", body: "I am currently out of the office and will reply on my return.");
        request.Message.Subject = "Automatic reply: Payment reminder";
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(request);
        Assert.Equal((MessageIntent.AutoReply, MessageDisposition.Ignored, ""), (message.Intent, message.Disposition, message.DraftId));
    }

    [Fact]
    public async Task The_same_mail_is_taken_once_by_message_id_and_a_retried_request_replays()
    {
        var collector = _world.Collections.Collector;
        var first = await collector.SubmitInboundMessageAsync(Mail("m-1", "ap@acme.example", "<same@acme.example>"));
        var retry = await collector.SubmitInboundMessageAsync(Mail("m-1", "ap@acme.example", "<same@acme.example>"));
        var again = await _world.Collections.Manager.SubmitInboundMessageAsync(Mail("m-2", "ap@acme.example", "same@acme.example"));
        Assert.Equal([first.Id, first.Id], new[] { retry.Id, again.Id });
        var all = await _world.Collections.Manager.ListInboundMessagesAsync(new ListInboundMessagesRequest());
        Assert.Single(all.Messages);
        Assert.Single((await _world.Collections.Manager.ListReplyDraftsAsync(new ListReplyDraftsRequest())).Drafts);
    }

    [Fact]
    public async Task A_reply_in_the_thread_joins_it_by_in_reply_to()
    {
        var collector = _world.Collections.Collector;
        var first = await collector.SubmitInboundMessageAsync(Mail("m-1", "ap@acme.example", "<t-1@acme.example>"));
        var follow = Mail("m-2", "ap@acme.example", "<t-2@acme.example>", "Please also send a statement of account.");
        follow.Message.InReplyTo = "<t-1@acme.example>";
        follow.Message.Subject = "Something else";
        Assert.Equal(first.ThreadId, (await collector.SubmitInboundMessageAsync(follow)).ThreadId);
    }

    [Fact]
    public async Task A_rejected_draft_keeps_its_reason_and_can_no_longer_be_approved()
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(Mail("m-1", "ap@acme.example"));
        var rejected = await _world.Collections.Collector.RejectReplyDraftAsync(new RejectReplyDraftRequest { Id = message.DraftId, RequestId = "r-1", Reason = "Called her instead" });
        Assert.Equal((ReplyDraftStatus.Rejected, "Called her instead"), (rejected.Status, rejected.RejectReason));
        await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _world.Collections.Collector.ApproveReplyDraftAsync(
            new ApproveReplyDraftRequest { Id = message.DraftId, RequestId = "ap-1" }).ResponseAsync);
        await _world.SendMailAsync();
        Assert.Empty(_world.Smtp.Received);
    }

    [Fact]
    public async Task A_draft_left_past_its_expiry_lists_as_expired_and_cannot_be_sent()
    {
        var message = await _world.Collections.Collector.SubmitInboundMessageAsync(Mail("m-1", "ap@acme.example"));
        _world.Collections.Clock.Now = _world.Collections.Clock.Now.AddHours(73);
        var expired = await _world.Collections.Manager.ListReplyDraftsAsync(new ListReplyDraftsRequest { Status = ReplyDraftStatus.Expired });
        Assert.Equal([message.DraftId], expired.Drafts.Select(d => d.Id));
        Assert.Empty((await _world.Collections.Manager.ListReplyDraftsAsync(new ListReplyDraftsRequest { Status = ReplyDraftStatus.PendingReview })).Drafts);
        await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _world.Collections.Manager.ApproveReplyDraftAsync(
            new ApproveReplyDraftRequest { Id = message.DraftId, RequestId = "ap-1" }).ResponseAsync);
    }

    [Fact]
    public async Task An_invalid_mail_is_refused_with_every_field_violation()
    {
        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Collections.Collector.SubmitInboundMessageAsync(
            new SubmitInboundMessageRequest { Message = new InboundEmail { Subject = "x" } }).ResponseAsync);
        Assert.Equal(["request_id", "message.from", "message.body"], status.FieldViolations());
        var reject = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Collections.Collector.RejectReplyDraftAsync(
            new RejectReplyDraftRequest { Id = "x", RequestId = "r-1" }).ResponseAsync);
        Assert.Equal(["reason"], reject.FieldViolations());
    }
}
