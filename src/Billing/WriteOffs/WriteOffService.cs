using ArPlatform.Billing.Data;
using ArPlatform.Billing.Grpc;
using ArPlatform.Billing.Ledger;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.WriteOffs;

/// <summary>
/// Posts write-offs Collections approved. Billing does not run the approval matrix; it holds the
/// line that matters to the ledger: an approval Collections confirms, never the requester
/// approving their own, never more than is open, never twice for one approval.
/// </summary>
public sealed class WriteOffService(
    BillingDbContext db, CommandExecutor<BillingDbContext> commands, LedgerPoster ledger, WriteOffApprovals approvals, TimeProvider clock)
{
    public async Task<Proto.WriteOffPosting> PostAsync(Proto.PostWriteOffRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.Require("invoice_id", request.InvoiceId).RequestId(request.RequestId);
        v.Require("write_off_id", request.WriteOffId).MaxLength("write_off_id", request.WriteOffId, 64);
        v.Require("write_off_reference", request.WriteOffReference).MaxLength("write_off_reference", request.WriteOffReference, 64);
        v.Require("reason", request.Reason).MaxLength("reason", request.Reason, 200);
        v.Require("requested_by", request.RequestedBy).MaxLength("requested_by", request.RequestedBy, 100);
        v.Require("approved_by", request.ApprovedBy).MaxLength("approved_by", request.ApprovedBy, 100);
        if (request.RequestedBy.Length > 0 && string.Equals(request.RequestedBy, request.ApprovedBy, StringComparison.Ordinal))
            v.Add("approved_by", "must be someone other than the requester");
        var amount = v.Money("amount", request.Amount);
        if (amount is { } a && a.Amount <= 0m) v.Add("amount.amount", "must be greater than zero");
        var effective = v.Date("effective_date", request.EffectiveDate);
        v.ThrowIfInvalid();
        // A retry replays without asking Collections again: its first run was confirmed.
        if (await commands.FindReplayAsync<Proto.WriteOffPosting>("PostWriteOff", request.RequestId, request, ct) is { } replay) return replay;
        await approvals.EnsureApprovedAsync(request, amount!.Value, ct);

        return await commands.ExecuteAsync("PostWriteOff", request.RequestId, request, async token =>
        {
            if (await db.WriteOffs.AnyAsync(w => w.Reference == request.WriteOffReference, token))
                throw new AlreadyExistsException("WRITE_OFF_ALREADY_POSTED", $"Write-off {request.WriteOffReference} is already posted.");
            var invoice = await db.Invoices.FirstOrDefaultAsync(i => i.Id == request.InvoiceId, token)
                          ?? throw new NotFoundException("invoice", request.InvoiceId);
            if (invoice.Currency != amount!.Value.Currency.Code)
                throw new RequestValidationException([new FieldViolation("amount.currency", $"the invoice is in {invoice.Currency}")]);
            var customer = await db.Customers.FirstAsync(c => c.Id == invoice.CustomerId, token);
            var now = clock.GetUtcNow().UtcDateTime;
            var writeOff = new WriteOff
            {
                Id = Ulid.NewUlid().ToString(),
                InvoiceId = invoice.Id,
                CustomerId = customer.Id,
                Reference = request.WriteOffReference,
                Currency = invoice.Currency,
                Amount = amount.Value.Amount,
                Reason = CardNumbers.Mask(request.Reason),
                RequestedBy = request.RequestedBy,
                ApprovedBy = request.ApprovedBy,
                EffectiveDate = effective ?? DateOnly.FromDateTime(now),
                PostedAt = now,
            };
            var before = invoice.ToProto();
            invoice.Settle(writeOff.Amount);
            await ledger.PostAsync(customer, new LedgerEntry
            {
                CustomerId = customer.Id, InvoiceId = invoice.Id, Kind = LedgerEntryKind.WriteOff, Currency = invoice.Currency,
                Amount = -writeOff.Amount, EffectiveDate = writeOff.EffectiveDate, PostedAt = now, Reference = writeOff.Reference,
            }, token);
            db.WriteOffs.Add(writeOff);
            var after = invoice.ToProto();
            commands.Audit("invoice", invoice.Id, before, after);
            var posting = writeOff.ToProto(after);
            commands.Audit("write-off", writeOff.Id, null, posting);
            return posting;
        }, ct);
    }
}
