using ArPlatform.Collections.BillingReads;
using ArPlatform.Collections.Data;
using ArPlatform.Collections.Inbox;
using ArPlatform.Collections.Mail;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// The approval queue: a person reads a draft, approves it as drafted or edited (then it goes
/// out through the mail outbox, with its documents, threaded under the customer's mail) or
/// rejects it with a reason. Each decision is audited; a draft past its expiry cannot be sent.
/// Approving a draft also approves what it proposes that the platform can do by itself: a promise
/// to pay with its amount and date becomes a promise (which holds dunning for its invoices until
/// it is kept or broken), made by the approver.
/// </summary>
public sealed class ReplyDraftService(
    CollectionsDbContext db, CommandExecutor<CollectionsDbContext> commands, BillingReader billing, CustomerDirectory directory,
    MailDispatcher mail, CallerContext caller, TimeProvider clock, CollectionsMetrics metrics, Promises.PromiseService promises)
{
    private const int MaxBody = 20_000;

    public async Task<Proto.ReplyDraft> GetAsync(string id, CancellationToken ct)
    {
        var draft = await FindAsync(Validator.RequiredId("id", id, 26), ct);
        return draft.ToProto(Now);
    }

    public async Task<Proto.ListReplyDraftsResponse> ListAsync(Proto.ListReplyDraftsRequest request, CancellationToken ct)
    {
        var v = new Validator().MaxLength("customer_id", request.CustomerId, 26);
        if (!Enum.IsDefined(request.Status)) v.Add("status", "is not a reply draft status");
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        v.ThrowIfInvalid();
        var now = Now;
        var query = await PortfolioFilter.ApplyAsync(db.ReplyDrafts.AsNoTracking(), request.CustomerId, d => d.CustomerId, billing, caller, ct);
        query = request.Status switch
        {
            // Expiry is read, not written: pending past its time lists as expired.
            Proto.ReplyDraftStatus.PendingReview => query.Where(d => d.Status == Proto.ReplyDraftStatus.PendingReview && d.ExpiresAt > now),
            Proto.ReplyDraftStatus.Expired => query.Where(d => d.Status == Proto.ReplyDraftStatus.PendingReview && d.ExpiresAt <= now),
            Proto.ReplyDraftStatus.Unspecified => query,
            var status => query.Where(d => d.Status == status),
        };
        var (items, next) = await query.ToPageAsync(page, d => d.Id, ct);
        return new Proto.ListReplyDraftsResponse { Drafts = { items.Select(d => d.ToProto(now)) }, NextPageToken = next };
    }

    public async Task<Proto.ReplyDraft> ApproveAsync(Proto.ApproveReplyDraftRequest request, CancellationToken ct)
    {
        new Validator().RequestId(request.RequestId).Require("id", request.Id).MaxLength("id", request.Id, 26)
            .MaxLength("body", request.Body, MaxBody).ThrowIfInvalid();
        if (await commands.FindReplayAsync<Proto.ReplyDraft>("ApproveReplyDraft", request.RequestId, request, ct) is { } replay)
        {
            // A retry after a crash between the approval and its promise makes the promise (once: it has its own request id).
            await CarryOutAsync(replay, ct);
            return replay;
        }
        var draft = await FindAsync(request.Id, ct);
        EnsurePending(draft);
        var body = request.Body.Trim().Length > 0 ? request.Body : draft.Body;
        await EnsureNoLeakAsync(draft, body, ct);
        var answered = await db.InboundMessages.AsNoTracking().Where(m => m.Id == draft.MessageId).Select(m => m.MessageId).FirstAsync(ct);
        var approved = await commands.ExecuteAsync("ApproveReplyDraft", request.RequestId, request, async token =>
        {
            var d = await db.ReplyDrafts.FirstAsync(x => x.Id == request.Id, token);
            EnsurePending(d);
            var before = d.ToProto(Now);
            db.Mail.Add(ReplyMail.Send(d, body, answered, caller.Actor, Now));
            var after = d.ToProto(Now);
            commands.Audit("reply-draft", d.Id, before, after);
            commands.AfterCommit("mail", async () =>
            {
                metrics.DraftDecided(IntentNames.Name(d.Intent), d.Edited ? "edited" : "approved");
                await mail.SendDueAsync(CancellationToken.None);
            });
            return after;
        }, ct);
        await CarryOutAsync(approved, ct);
        return approved;
    }

    /// <summary>
    /// The approved draft's promises to pay, made: each with the amount and date the customer
    /// wrote, the invoices they named and their sentence as the note. One the promise rules refuse
    /// (no amount, a date past or too far) stays a proposal on the draft for a person to make.
    /// </summary>
    private async Task CarryOutAsync(Proto.ReplyDraft approved, CancellationToken ct)
    {
        for (var i = 0; i < approved.ProposedActions.Count; i++)
        {
            var action = approved.ProposedActions[i];
            if (action.Kind != "PROMISE_TO_PAY" || action.Amount is null || action.Date.Length == 0) continue;
            var promise = new Proto.PromiseToPay
            {
                CustomerId = approved.CustomerId, Amount = action.Amount, PromisedDate = action.Date,
                Note = $"From the customer's mail: \"{(action.Quote.Length > 900 ? action.Quote[..900] : action.Quote)}\"",
            };
            promise.InvoiceIds.AddRange(action.InvoiceIds);
            try
            {
                await promises.CreatePromiseAsync(new Proto.CreatePromiseToPayRequest { RequestId = $"reply-{approved.Id}-promise-{i}", Promise = promise }, ct);
            }
            catch (RequestValidationException)
            {
                // Left as proposed: the draft shows it, and a person can make it by hand.
            }
        }
    }

    public async Task<Proto.ReplyDraft> RejectAsync(Proto.RejectReplyDraftRequest request, CancellationToken ct)
    {
        new Validator().RequestId(request.RequestId).Require("id", request.Id).MaxLength("id", request.Id, 26)
            .Require("reason", request.Reason).MaxLength("reason", request.Reason, 1000).ThrowIfInvalid();
        if (await commands.FindReplayAsync<Proto.ReplyDraft>("RejectReplyDraft", request.RequestId, request, ct) is { } replay) return replay;
        EnsurePending(await FindAsync(request.Id, ct));
        return await commands.ExecuteAsync("RejectReplyDraft", request.RequestId, request, async token =>
        {
            var d = await db.ReplyDrafts.FirstAsync(x => x.Id == request.Id, token);
            EnsurePending(d);
            var before = d.ToProto(Now);
            Decide(d, Proto.ReplyDraftStatus.Rejected);
            // Kept as the label a later training run learns from: what a person would not send, and why.
            d.RejectReason = ArPlatform.SharedKernel.CardNumbers.Mask(request.Reason);
            var after = d.ToProto(Now);
            commands.Audit("reply-draft", d.Id, before, after);
            commands.AfterCommit("agent-decision", () =>
            {
                metrics.DraftDecided(IntentNames.Name(d.Intent), "rejected");
                return Task.CompletedTask;
            });
            return after;
        }, ct);
    }

    private DateTime Now => clock.GetUtcNow().UtcDateTime;

    private void Decide(ReplyDraftRecord d, Proto.ReplyDraftStatus status)
    {
        d.Status = status;
        d.DecidedBy = caller.Actor;
        d.DecidedAt = Now;
    }

    private void EnsurePending(ReplyDraftRecord d)
    {
        var status = d.StatusAt(Now);
        if (status != Proto.ReplyDraftStatus.PendingReview)
            throw new PreconditionFailedException(status == Proto.ReplyDraftStatus.Expired ? "REPLY_DRAFT_EXPIRED" : "REPLY_DRAFT_DECIDED",
                $"reply-drafts/{d.Id}", $"The draft is {status}: only a draft pending review can be approved or rejected.");
    }

    /// <summary>The leak check on what would actually be sent, against the customer's invoices as Billing has them now.</summary>
    private async Task EnsureNoLeakAsync(ReplyDraftRecord d, string body, CancellationToken ct)
    {
        var own = d.CustomerId.Length > 0 ? (await billing.InvoicesAsync(d.CustomerId, ct)).Select(i => i.Number).ToList() : [];
        var findings = LeakCheck.Findings(d.Subject + "\n" + body, d.CustomerId, own, await directory.CustomersAsync(ct));
        if (findings.Count > 0)
            throw new PreconditionFailedException("REPLY_LEAK_CHECK", $"reply-drafts/{d.Id}",
                "The reply names what is not this customer's to read: " + string.Join("; ", findings));
    }

    private async Task<ReplyDraftRecord> FindAsync(string id, CancellationToken ct)
    {
        var draft = await db.ReplyDrafts.AsNoTracking().FirstOrDefaultAsync(d => d.Id == id, ct) ?? throw new NotFoundException("reply draft", id);
        if (draft.CustomerId.Length > 0) await billing.VisibleCustomerAsync(draft.CustomerId, ct);
        return draft;
    }
}
