using ArPlatform.Disputes.Data;
using ArPlatform.ServiceDefaults.Audit;
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
/// precondition) is marked failed with the reason, shown on the case and logged. Each delivery is
/// recorded before the next, so a crash repeats at most one, which Billing replays.
/// </summary>
public sealed class BillingOutboxDispatcher(
    IServiceScopeFactory scopes, IOptions<OutboxOptions> options, TimeProvider clock, DisputesMetrics metrics,
    ILogger<BillingOutboxDispatcher> logger)
{
    private const int Batch = 200;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Delivers everything due now; returns how many changes Billing took.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<DisputesDbContext>();
            var billing = scope.ServiceProvider.GetRequiredService<Billing.BillingService.BillingServiceClient>();
            var delivered = 0;
            var heldBack = new HashSet<string>(StringComparer.Ordinal);
            var pending = await db.Outbox.Where(m => m.DeliveredAt == null && m.FailedAt == null)
                .OrderBy(m => m.Id).Take(Batch).ToListAsync(ct);
            foreach (var message in pending)
            {
                var now = clock.GetUtcNow().UtcDateTime;
                if (heldBack.Contains(message.DisputeId) || message.NextAttemptAt > now)
                {
                    heldBack.Add(message.DisputeId);
                    continue;
                }
                try
                {
                    await DeliverAsync(message, billing, db, ct);
                    message.DeliveredAt = now;
                    delivered++;
                }
                catch (RpcException e) when (RemoteCallPolicy.IsRefusal(e.StatusCode))
                {
                    message.FailedAt = now;
                    message.LastError = RemoteCallPolicy.Describe(e);
                    logger.LogError("Billing refused {Kind} for dispute {DisputeId}: {Error}", message.Kind, message.DisputeId, message.LastError);
                }
                catch (RpcException e)
                {
                    message.Attempts++;
                    message.LastError = RemoteCallPolicy.Describe(e);
                    message.NextAttemptAt = now + RemoteCallPolicy.Backoff(message.Attempts, options.Value.MaxBackoffSeconds);
                    heldBack.Add(message.DisputeId);
                    metrics.OutboxRetries.Add(1);
                    logger.LogWarning("Billing did not take {Kind} for dispute {DisputeId} (attempt {Attempt}): {Error}",
                        message.Kind, message.DisputeId, message.Attempts, message.LastError);
                }
                await db.SaveChangesAsync(ct);
            }
            return delivered;
        }
        finally
        {
            _gate.Release();
        }
    }

    private static async Task DeliverAsync(OutboxMessage message, Billing.BillingService.BillingServiceClient billing,
        DisputesDbContext db, CancellationToken ct)
    {
        var headers = new Metadata { { CallerContext.OnBehalfOfHeader, message.Actor } };
        if (message.CorrelationId.Length > 0) headers.Add(CallerContext.CorrelationHeader, message.CorrelationId);
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
