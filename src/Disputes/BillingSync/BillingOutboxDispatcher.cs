using ArPlatform.Disputes.Cases;
using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Disputes.BillingSync;

/// <summary>
/// Delivers queued Billing changes oldest first. A change Billing could not take now (down,
/// deadline, conflict) is retried with back-off and holds back the later changes of its case,
/// so Billing sees each case's changes in order; one Billing refuses for good (not found, failed
/// precondition) is marked failed with the reason, shown on the case and logged. Holds go to
/// Billing together (MarkInvoicesDisputed: cases opened at volume), the other changes one by one;
/// each delivery is recorded before the next, so a crash repeats at most one call, which Billing
/// replays. A case whose hold Billing refused is closed after the pass (it holds nothing, so it
/// must not look open), and its other holds come off.
/// </summary>
public sealed class BillingOutboxDispatcher(
    IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, DisputesMetrics metrics,
    ReplicaLease<DisputesDbContext> lease, ILogger<BillingOutboxDispatcher> logger)
{
    /// <summary>Changes read per page; as many holds go to Billing in one call (its most).</summary>
    private const int Batch = 500;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Delivers everything due now; returns how many changes Billing took.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        int delivered;
        await _gate.WaitAsync(ct);
        try
        {
            // One replica delivers at a time, so Billing sees each case's changes in order.
            await using var held = await lease.TryTakeAsync("billing-outbox", TimeSpan.FromSeconds(30), ct);
            if (held is null) return 0;
            delivered = await DeliverAsync(ct);
        }
        finally
        {
            _gate.Release();
        }
        // Outside the gate: closing a case queues its clears, delivered by a pass of their own.
        await WithdrawUnheldAsync(ct);
        return delivered;
    }

    private async Task<int> DeliverAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<DisputesDbContext>();
        var billing = scope.ServiceProvider.GetRequiredService<Billing.BillingService.BillingServiceClient>();
        var delivered = 0;
        var heldBack = new HashSet<string>(StringComparer.Ordinal);
        var after = 0L;
        while (true)
        {
            var pending = await db.Outbox.Where(m => m.DeliveredAt == null && m.FailedAt == null && m.Id > after)
                .OrderBy(m => m.Id).Take(Batch).ToListAsync(ct);
            if (pending.Count == 0) return delivered;
            after = pending[^1].Id;
            var holds = new List<OutboxMessage>();
            foreach (var message in pending)
            {
                if (heldBack.Contains(message.DisputeId) || message.NextAttemptAt > clock.GetUtcNow().UtcDateTime)
                {
                    heldBack.Add(message.DisputeId);
                    continue;
                }
                if (message.Kind == BillingChangeKind.MarkDisputed)
                {
                    holds.Add(message);
                    continue;
                }
                // What a case changes after its holds reaches Billing after them.
                delivered += await DeliverHoldsAsync(holds, billing, db, heldBack, ct);
                holds.Clear();
                if (heldBack.Contains(message.DisputeId)) continue;
                try
                {
                    await DeliverAsync(message, billing, db, ct);
                    Delivered(message);
                    delivered++;
                }
                catch (RpcException e)
                {
                    NotTaken(message, e.StatusCode, RemoteCallPolicy.Describe(e), heldBack);
                }
                await db.SaveChangesAsync(ct);
            }
            delivered += await DeliverHoldsAsync(holds, billing, db, heldBack, ct);
        }
    }

    /// <summary>
    /// Closes every undecided case a hold of which, sent since the case last (re)opened, Billing
    /// refused for good. Found from the outbox on every pass, so a refusal whose pass was cut short
    /// (a crash, a lost race with a person editing the case) is acted on by the next one; each
    /// refusal closes its case once. A failure is logged and leaves the case to the next pass.
    /// </summary>
    private async Task WithdrawUnheldAsync(CancellationToken ct)
    {
        Dictionary<string, OutboxMessage> unheld;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<DisputesDbContext>();
            var undecided = DisputeWorkflow.UnresolvedStatuses.ToList();
            unheld = await RefusedHolds.SinceLastOpenedAsync(db,
                m => db.Disputes.Any(d => d.Id == m.DisputeId && undecided.Contains(d.Status)), ct);
        }
        foreach (var (disputeId, message) in unheld)
        {
            try
            {
                await AsTheSystem(async () =>
                {
                    await using var scope = scopes.CreateAsyncScope();
                    await scope.ServiceProvider.GetRequiredService<DisputeWork>().WithdrawUnheldAsync(disputeId, message.Id, message.LastError, ct);
                });
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                logger.LogError(e, "Could not close dispute {DisputeId}, whose hold Billing refused", disputeId);
            }
        }
    }

    /// <summary>
    /// Work of the service's own, not of the person whose request's after-commit started this
    /// pass: their HttpContext flows in an AsyncLocal, and would make them the actor and the owner
    /// of the idempotency key.
    /// </summary>
    private static Task AsTheSystem(Func<Task> work)
    {
        using (ExecutionContext.SuppressFlow()) return Task.Run(work);
    }

    /// <summary>Holds in MarkInvoicesDisputed calls (one per person they were made for); returns how many Billing took.</summary>
    private async Task<int> DeliverHoldsAsync(List<OutboxMessage> holds, Billing.BillingService.BillingServiceClient billing,
        DisputesDbContext db, HashSet<string> heldBack, CancellationToken ct)
    {
        var taken = 0;
        foreach (var group in holds.GroupBy(m => (m.Actor, m.CorrelationId)))
        {
            var messages = group.ToList();
            try
            {
                var response = await billing.MarkInvoicesDisputedAsync(new Billing.MarkInvoicesDisputedRequest
                {
                    Marks = { messages.Select(m => Billing.MarkInvoiceDisputedRequest.Parser.ParseFrom(m.Payload)) },
                }, CallerContext.OnBehalfOf(messages[0].Actor, messages[0].CorrelationId), cancellationToken: ct);
                for (var i = 0; i < messages.Count; i++)
                {
                    var result = response.Results[i];
                    if (result.Invoice is not null)
                    {
                        Delivered(messages[i]);
                        taken++;
                    }
                    else
                    {
                        var code = Enum.TryParse<StatusCode>(result.ErrorCode, out var parsed) ? parsed : StatusCode.Unknown;
                        NotTaken(messages[i], code, RemoteCallPolicy.Describe(result.ErrorCode, result.ErrorMessage), heldBack);
                    }
                }
            }
            catch (RpcException e)
            {
                foreach (var message in messages) NotTaken(message, e.StatusCode, RemoteCallPolicy.Describe(e), heldBack);
            }
            await db.SaveChangesAsync(ct);
        }
        return taken;
    }

    private void Delivered(OutboxMessage message) => message.DeliveredAt = clock.GetUtcNow().UtcDateTime;

    /// <summary>Refused for good (failed, with the reason), or not now: retried with back-off, holding back the case's later changes.</summary>
    private void NotTaken(OutboxMessage message, StatusCode code, string error, HashSet<string> heldBack)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        message.LastError = error;
        if (RemoteCallPolicy.IsRefusal(code))
        {
            message.FailedAt = now;
            logger.LogError("Billing refused {Kind} for dispute {DisputeId}: {Error}", message.Kind, message.DisputeId, error);
            return;
        }
        message.Attempts++;
        message.NextAttemptAt = now + RemoteCallPolicy.Backoff(message.Attempts, options.Value.MaxBackoffSeconds);
        heldBack.Add(message.DisputeId);
        metrics.OutboxRetries.Add(1);
        logger.LogWarning("Billing did not take {Kind} for dispute {DisputeId} (attempt {Attempt}): {Error}",
            message.Kind, message.DisputeId, message.Attempts, error);
    }

    private static async Task DeliverAsync(OutboxMessage message, Billing.BillingService.BillingServiceClient billing,
        DisputesDbContext db, CancellationToken ct)
    {
        var headers = CallerContext.OnBehalfOf(message.Actor, message.CorrelationId);
        switch (message.Kind)
        {
            case BillingChangeKind.MarkDisputed:
                await billing.MarkInvoiceDisputedAsync(Billing.MarkInvoiceDisputedRequest.Parser.ParseFrom(message.Payload), headers, cancellationToken: ct);
                break;
            case BillingChangeKind.ClearDispute:
                await billing.ClearInvoiceDisputeAsync(Billing.ClearInvoiceDisputeRequest.Parser.ParseFrom(message.Payload), headers, cancellationToken: ct);
                break;
            case BillingChangeKind.CreateCreditMemo:
                var memo = await billing.CreateCreditMemoAsync(Billing.CreateCreditMemoRequest.Parser.ParseFrom(message.Payload), headers, cancellationToken: ct);
                var dispute = await db.Disputes.AsSplitQuery().FirstAsync(d => d.Id == message.DisputeId, ct);
                var item = dispute.Items.First(i => i.ItemNumber == message.ItemNumber);
                item.CreditMemoId = memo.Id;
                item.CreditMemoNumber = memo.Number;
                break;
            default:
                throw new InvalidOperationException($"Unknown outbox message kind {message.Kind}.");
        }
    }
}
