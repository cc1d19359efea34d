using System.Globalization;
using ArPlatform.Disputes.BillingSync;
using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Grpc;
using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Cases;

/// <summary>
/// Working a case: assign, note, move through the workflow, resolve. Each is one idempotent
/// command; an etag, when sent, must match the case as the caller read it (ABORTED otherwise),
/// and two concurrent changes to one case never both win: the loser re-runs on the new state.
/// </summary>
public sealed class DisputeWork(
    DisputesDbContext db, CommandExecutor<DisputesDbContext> commands, BillingOutbox outbox,
    CallerContext caller, DisputesMetrics metrics, TimeProvider clock)
{
    public Task<Proto.Dispute> AssignAsync(Proto.AssignDisputeRequest request, CancellationToken ct)
    {
        Check(request.Id, request.RequestId).Require("owner", request.Owner).MaxLength("owner", request.Owner, 100).ThrowIfInvalid();
        return ChangeAsync("AssignDispute", request.Id, request.RequestId, request.Etag, request,
            (dispute, _) => dispute.AssignTo(request.Owner.Trim()), ct);
    }

    public Task<Proto.Dispute> AddNoteAsync(Proto.AddDisputeNoteRequest request, CancellationToken ct)
    {
        Check(request.Id, request.RequestId).Require("text", request.Text).MaxLength("text", request.Text, 4000).ThrowIfInvalid();
        return ChangeAsync("AddDisputeNote", request.Id, request.RequestId, etag: "", request,
            (dispute, now) => dispute.AddNote(caller.Actor, CardNumbers.Mask(request.Text), now), ct);
    }

    public async Task<Proto.Dispute> TransitionAsync(Proto.TransitionDisputeRequest request, CancellationToken ct)
    {
        var v = Check(request.Id, request.RequestId).MaxLength("reason", request.Reason, 2000);
        if (request.ToStatus == Proto.DisputeStatus.Unspecified || !Enum.IsDefined(request.ToStatus)) v.Add("to_status", "is required");
        if (!Enum.IsDefined(request.PendingWith)) v.Add("pending_with", "is not a team");
        v.ThrowIfInvalid();
        var to = (DisputeStatus)(int)request.ToStatus;
        var moved = await ChangeAsync("TransitionDispute", request.Id, request.RequestId, request.Etag, request, (dispute, now) =>
        {
            dispute.MoveTo(to, (InternalTeam)(int)request.PendingWith, CardNumbers.Mask(request.Reason), caller.Actor, now);
            // Reopened: what is still uncredited is held disputed again.
            if (to == DisputeStatus.Open) outbox.SendHolds(dispute);
        }, ct);
        // Reopened, as opened: only a case Billing holds is open.
        if (to == DisputeStatus.Open
            && (await RefusedHolds.SinceLastOpenedAsync(db, m => m.DisputeId == moved.Id, ct)).GetValueOrDefault(moved.Id) is { } refused)
            throw DisputeOpening.HoldRefused(moved.Id, moved.Number, refused.LastError);
        return moved;
    }

    public Task<Proto.Dispute> ResolveAsync(Proto.ResolveDisputeRequest request, CancellationToken ct)
    {
        var v = Check(request.Id, request.RequestId).MaxLength("note", request.Note, 2000);
        if (request.Outcome == Proto.DisputeOutcome.Unspecified || !Enum.IsDefined(request.Outcome))
            v.Add("outcome", "is required: VALID, INVALID or PARTIAL");
        var outcome = (DisputeOutcome)(int)request.Outcome;
        // VALID credits everything disputed: the amount may be sent, as long as it is exactly that.
        var credit = outcome is DisputeOutcome.Partial or DisputeOutcome.Valid && request.CreditedAmount is not null
            ? v.Money("credited_amount", request.CreditedAmount) : null;
        if (outcome == DisputeOutcome.Invalid && request.CreditedAmount is not null)
            v.Add("credited_amount", "is not given for INVALID, which credits nothing");
        else if (outcome == DisputeOutcome.Partial && request.CreditedAmount is null)
            v.Add("credited_amount", "is required for PARTIAL");
        v.ThrowIfInvalid();
        return ChangeAsync("ResolveDispute", request.Id, request.RequestId, request.Etag, request, (dispute, now) =>
        {
            if (credit is { } c && c.Currency.Code != dispute.Currency)
                throw new RequestValidationException([new FieldViolation("credited_amount.currency", $"the case is in {dispute.Currency}")]);
            if (outcome == DisputeOutcome.Valid && credit is { } stated && stated.Amount != dispute.Uncredited())
                throw new RequestValidationException([new FieldViolation("credited_amount",
                    $"VALID credits all {dispute.Uncredited():0.####} {dispute.Currency} disputed; leave the amount out or send exactly that (PARTIAL credits less)")]);
            var shares = dispute.Resolve(outcome, outcome == DisputeOutcome.Partial ? credit!.Value.Amount : 0m, CardNumbers.Mask(request.Note), caller.Actor, now);
            // Credits first, then the holds come off: collections never chase what is being credited.
            for (var i = 0; i < shares.Count; i++)
                if (shares[i] > 0m) outbox.SendCredit(dispute, dispute.Items[i], shares[i]);
            outbox.SendHolds(dispute);
            metrics.Resolved.Add(1, new KeyValuePair<string, object?>("outcome", outcome.ToString()));
        }, ct);
    }

    /// <summary>
    /// Closes a case whose hold Billing refused for good (<paramref name="refusedMessageId"/> names
    /// that refusal, so each is acted on once) and takes its other holds off again.
    /// </summary>
    public Task<Proto.Dispute> WithdrawUnheldAsync(string id, long refusedMessageId, string billingError, CancellationToken ct)
    {
        var reason = $"Billing refused to hold the disputed amount: {billingError}";
        var request = new Proto.TransitionDisputeRequest
        {
            Id = id, RequestId = $"hold-refused-{refusedMessageId}", ToStatus = Proto.DisputeStatus.Closed, Reason = reason,
        };
        return ChangeAsync("WithdrawUnheldDispute", id, request.RequestId, etag: "", request, (dispute, now) =>
        {
            if (dispute.WithdrawUnheld(reason, now)) outbox.SendHolds(dispute);
        }, ct);
    }

    private Task<Proto.Dispute> ChangeAsync(string operation, string id, string requestId, string etag, IMessage request,
        Action<DisputeCase, DateTime> change, CancellationToken ct) =>
        commands.ExecuteAsync(operation, requestId, request, async token =>
        {
            var dispute = await db.Disputes.AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, token)
                          ?? throw new NotFoundException("dispute", id);
            if (etag.Length > 0 && etag != dispute.Version.ToString(CultureInfo.InvariantCulture))
                throw new ConcurrencyConflictException(
                    $"Dispute {dispute.Number} was changed since it was read (etag {etag}); read it again and reapply.");
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var before = dispute.ToProto(today);
            change(dispute, now);
            var after = dispute.ToProto(today);
            commands.Audit("dispute", dispute.Id, before, after);
            return after;
        }, ct);

    private static Validator Check(string id, string requestId) =>
        new Validator().Require("id", id).MaxLength("id", id, 26).RequestId(requestId);
}
