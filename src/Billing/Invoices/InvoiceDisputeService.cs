using ArPlatform.Billing.Credits;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Grpc;
using ArPlatform.Billing.Ledger;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Invoices;

/// <summary>
/// The amounts dispute cases hold on invoices. Disputes owns the cases and sends every change of
/// a case's claim here (through its outbox, so possibly more than once and late); each change
/// carries the case's sequence number and only a newer one takes effect.
/// </summary>
public sealed class InvoiceDisputeService(BillingDbContext db, CommandExecutor<BillingDbContext> commands, LedgerPoster ledger)
{
    private const string MarkOperation = "MarkInvoiceDisputed";
    /// <summary>The most holds MarkInvoicesDisputed takes at once.</summary>
    public const int MaxBatch = 500;

    public Task<Proto.Invoice> MarkAsync(Proto.MarkInvoiceDisputedRequest request, CancellationToken ct)
    {
        var amount = ParseMark(request);
        return commands.ExecuteAsync(MarkOperation, request.RequestId, request, async token =>
            await FlagAsync(await InvoiceAsync(request.InvoiceId, token), request.DisputeId, amount, request.Sequence,
                await CreditsAwaitingApprovalAsync([request.DisputeId], token), token), ct);
    }

    /// <summary>
    /// Many holds decided together, each idempotent and taken or refused on its own: their invoices
    /// and customers read in one go, each applied after the ones before it, all saved at once.
    /// </summary>
    public async Task<Proto.MarkInvoicesDisputedResponse> MarkEachAsync(Proto.MarkInvoicesDisputedRequest request, CancellationToken ct)
    {
        if (request.Marks.Count is 0 or > MaxBatch)
            throw new RequestValidationException([new FieldViolation("marks", $"between 1 and {MaxBatch} holds")]);
        var results = await commands.ExecuteBatchAsync(MarkOperation, request.Marks, r => r.RequestId, async (fresh, token) =>
        {
            var amounts = fresh.Select(r => Refusals.Try(() => ParseMark(r))).ToList();
            var ids = fresh.Select(r => r.InvoiceId).Distinct().ToList();
            var invoices = await db.Invoices.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, token);
            var customerIds = invoices.Values.Select(i => i.CustomerId).Distinct().ToList();
            await db.Customers.Where(c => customerIds.Contains(c.Id)).LoadAsync(token); // found by FlagAsync without a query each
            var awaiting = await CreditsAwaitingApprovalAsync(fresh.Select(r => r.DisputeId).Distinct().ToList(), token);
            var decided = new List<(Proto.Invoice?, DomainException?)>(fresh.Count);
            foreach (var (mark, (amount, invalid)) in fresh.Zip(amounts))
                decided.Add(await Refusals.TryAsync(() => invalid is not null ? throw invalid
                    : FlagAsync(invoices.GetValueOrDefault(mark.InvoiceId) ?? throw new NotFoundException("invoice", mark.InvoiceId),
                        mark.DisputeId, amount, mark.Sequence, awaiting, token)));
            return decided;
        }, ct);
        return new Proto.MarkInvoicesDisputedResponse
        {
            Results =
            {
                results.Select((result, i) => result.Refusal is { } refusal
                    ? new Proto.MarkInvoiceDisputedResult { RequestId = request.Marks[i].RequestId, ErrorCode = Refusals.StatusName(refusal), ErrorMessage = refusal.Message }
                    : new Proto.MarkInvoiceDisputedResult { RequestId = request.Marks[i].RequestId, Invoice = result.Response }),
            },
        };
    }

    public Task<Proto.Invoice> ClearAsync(Proto.ClearInvoiceDisputeRequest request, CancellationToken ct)
    {
        Validate(request.InvoiceId, request.RequestId, request.DisputeId, request.Sequence).ThrowIfInvalid();
        return commands.ExecuteAsync("ClearInvoiceDispute", request.RequestId, request, async token =>
            await FlagAsync(await InvoiceAsync(request.InvoiceId, token), request.DisputeId, amount: null, request.Sequence,
                await CreditsAwaitingApprovalAsync([request.DisputeId], token), token), ct);
    }

    /// <summary>The credits for these cases that await a second person's approval, by invoice and case: one query for a whole batch.</summary>
    private async Task<ILookup<(string InvoiceId, string DisputeId), decimal>> CreditsAwaitingApprovalAsync(
        IReadOnlyCollection<string> disputeIds, CancellationToken ct) =>
        (await db.CreditMemos.AsNoTracking()
            .Where(m => m.DisputeId != null && disputeIds.Contains(m.DisputeId) && m.Status == CreditMemoStatus.PendingApproval)
            .Select(m => new { m.InvoiceId, m.DisputeId, m.Amount }).ToListAsync(ct))
        .ToLookup(m => (m.InvoiceId!, m.DisputeId!), m => m.Amount);

    private static SharedKernel.Money ParseMark(Proto.MarkInvoiceDisputedRequest request)
    {
        var v = Validate(request.InvoiceId, request.RequestId, request.DisputeId, request.Sequence);
        var amount = v.Money("amount", request.Amount);
        if (amount is { IsZero: true }) v.Add("amount.amount", "must be greater than zero");
        v.ThrowIfInvalid();
        return amount!.Value;
    }

    private async Task<Invoice> InvoiceAsync(string invoiceId, CancellationToken ct) =>
        await db.Invoices.FirstOrDefaultAsync(i => i.Id == invoiceId, ct) ?? throw new NotFoundException("invoice", invoiceId);

    /// <summary>
    /// Sets (or, without an amount, clears) what one case holds on the invoice, unless the change is
    /// not newer than its last. What the case has been credited by memos still awaiting approval
    /// stays held beside its claim: Disputes counts it credited, and it is not the customer's to pay.
    /// </summary>
    private async Task<Proto.Invoice> FlagAsync(Invoice invoice, string disputeId, SharedKernel.Money? amount, long sequence,
        ILookup<(string InvoiceId, string DisputeId), decimal> awaitingApproval, CancellationToken ct)
    {
        if (amount is { } claimed && claimed.Currency.Code != invoice.Currency)
            throw new RequestValidationException([new FieldViolation("amount.currency", $"the invoice is in {invoice.Currency}")]);
        var before = invoice.ToProto();
        var held = (amount?.Amount ?? 0m) + awaitingApproval[(invoice.Id, disputeId)].Sum();
        if (!invoice.FlagDispute(disputeId, held, sequence)) return before;
        var customer = await db.Customers.FindAsync([invoice.CustomerId], ct) ?? throw new NotFoundException("customer", invoice.CustomerId);
        ledger.BalanceChanged(customer);
        var after = invoice.ToProto();
        commands.Audit("invoice", invoice.Id, before, after);
        return after;
    }

    private static Validator Validate(string invoiceId, string requestId, string disputeId, long sequence)
    {
        var v = new Validator();
        v.Require("invoice_id", invoiceId).RequestId(requestId).Require("dispute_id", disputeId)
            .MaxLength("dispute_id", disputeId, 26);
        if (sequence <= 0) v.Add("sequence", "must be greater than zero");
        return v;
    }
}
