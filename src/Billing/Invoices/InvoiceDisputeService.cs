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
    public Task<Proto.Invoice> MarkAsync(Proto.MarkInvoiceDisputedRequest request, CancellationToken ct)
    {
        var v = Validate(request.InvoiceId, request.RequestId, request.DisputeId, request.Sequence);
        var amount = v.Money("amount", request.Amount);
        if (amount is { IsZero: true }) v.Add("amount.amount", "must be greater than zero");
        v.ThrowIfInvalid();
        return FlagAsync("MarkInvoiceDisputed", request, request.InvoiceId, request.RequestId, request.DisputeId,
            amount!.Value, request.Sequence, ct);
    }

    public Task<Proto.Invoice> ClearAsync(Proto.ClearInvoiceDisputeRequest request, CancellationToken ct)
    {
        Validate(request.InvoiceId, request.RequestId, request.DisputeId, request.Sequence).ThrowIfInvalid();
        return FlagAsync("ClearInvoiceDispute", request, request.InvoiceId, request.RequestId, request.DisputeId,
            amount: null, request.Sequence, ct);
    }

    private Task<Proto.Invoice> FlagAsync(string operation, Google.Protobuf.IMessage request, string invoiceId,
        string requestId, string disputeId, SharedKernel.Money? amount, long sequence, CancellationToken ct) =>
        commands.ExecuteAsync(operation, requestId, request, async token =>
        {
            var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == invoiceId, token)
                          ?? throw new NotFoundException("invoice", invoiceId);
            if (amount is { } claimed && claimed.Currency.Code != invoice.Currency)
                throw new RequestValidationException([new FieldViolation("amount.currency", $"the invoice is in {invoice.Currency}")]);
            var before = invoice.ToProto();
            if (!invoice.FlagDispute(disputeId, amount?.Amount ?? 0m, sequence)) return before;
            var customer = await db.Customers.FirstAsync(c => c.Id == invoice.CustomerId, token);
            ledger.BalanceChanged(customer);
            var after = invoice.ToProto();
            commands.Audit("invoice", invoice.Id, before, after);
            return after;
        }, ct);

    private static Validator Validate(string invoiceId, string requestId, string disputeId, long sequence)
    {
        var v = new Validator();
        v.Require("invoice_id", invoiceId).RequestId(requestId).Require("dispute_id", disputeId)
            .MaxLength("dispute_id", disputeId, 26);
        if (sequence <= 0) v.Add("sequence", "must be greater than zero");
        return v;
    }
}
