using ArPlatform.Contracts.Common.V1;
using ArPlatform.Disputes.Cases;
using ArPlatform.Disputes.Data;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using Google.Protobuf;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Disputes.BillingSync;

/// <summary>
/// Queues, inside the current command, the Billing changes a case's change implies; once the
/// command commits they are delivered at once (unless configured off) and otherwise by the
/// outbox worker.
/// </summary>
public sealed class BillingOutbox(
    DisputesDbContext db, CommandExecutor<DisputesDbContext> commands, CallerContext caller,
    BillingOutboxDispatcher dispatcher, IOptions<OutboxOptions> options, TimeProvider clock)
{
    /// <summary>Sends what the case now holds on each of its invoices (a clear where that is nothing).</summary>
    public void SendHolds(DisputeCase dispute)
    {
        foreach (var (invoiceId, amount) in dispute.HeldByInvoice())
        {
            var sequence = dispute.NextBillingSequence();
            var requestId = $"{dispute.Id}-{sequence}";
            IMessage request = amount > 0m
                ? new Billing.MarkInvoiceDisputedRequest
                {
                    InvoiceId = invoiceId, RequestId = requestId, DisputeId = dispute.Id, Sequence = sequence,
                    Amount = Money(amount, dispute.Currency),
                }
                : new Billing.ClearInvoiceDisputeRequest
                {
                    InvoiceId = invoiceId, RequestId = requestId, DisputeId = dispute.Id, Sequence = sequence,
                };
            Enqueue(dispute, amount > 0m ? BillingChangeKind.MarkDisputed : BillingChangeKind.ClearDispute, 0, request);
        }
    }

    /// <summary>A credit memo for what the resolution credits of one item.</summary>
    public void SendCredit(DisputeCase dispute, DisputeItem item, decimal amount)
    {
        var sequence = dispute.NextBillingSequence();
        Enqueue(dispute, BillingChangeKind.CreateCreditMemo, item.ItemNumber, new Billing.CreateCreditMemoRequest
        {
            RequestId = $"{dispute.Id}-{sequence}",
            CreditMemo = new Billing.CreditMemo
            {
                InvoiceId = item.InvoiceId,
                DisputeId = dispute.Id,
                Amount = Money(amount, dispute.Currency),
                Reason = $"Dispute {dispute.Number} ({dispute.Reason}) resolved {dispute.Outcome}",
            },
        });
    }

    private void Enqueue(DisputeCase dispute, BillingChangeKind kind, int itemNumber, IMessage request)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        db.Outbox.Add(new OutboxMessage
        {
            DisputeId = dispute.Id, Kind = kind, ItemNumber = itemNumber, Payload = request.ToByteArray(),
            Actor = caller.Actor, CorrelationId = caller.CorrelationId, CreatedAt = now, NextAttemptAt = now,
        });
        if (options.Value.DeliverAfterCommit)
            commands.AfterCommit("billing-outbox", () => dispatcher.DeliverDueAsync(CancellationToken.None));
    }

    private static Money Money(decimal amount, string currency) => MoneyMapping.ToProto(amount, currency);
}
