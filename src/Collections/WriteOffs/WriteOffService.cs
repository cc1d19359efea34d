using ArPlatform.Collections.BillingReads;
using ArPlatform.Collections.Data;
using ArPlatform.Collections.Grpc;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.WriteOffs;

/// <summary>
/// Write-off requests through the approval matrix: requested against an open invoice, decided by
/// a person of the amount's tier who is not the requester, and on approval queued for Billing in
/// the same transaction (<see cref="WriteOffPoster"/> delivers it).
/// </summary>
public sealed class WriteOffService(
    CollectionsDbContext db, CommandExecutor<CollectionsDbContext> commands, BillingReader billing, CallerContext caller,
    IOptions<ApprovalMatrixOptions> matrix, WriteOffPoster poster, TimeProvider clock)
{
    private static readonly Proto.WriteOffStatus[] Outstanding =
        [Proto.WriteOffStatus.PendingApproval, Proto.WriteOffStatus.Approved];

    public async Task<Proto.WriteOffRequest> RequestAsync(Proto.RequestWriteOffRequest request, CancellationToken ct)
    {
        var v = new Validator().RequestId(request.RequestId);
        var input = v.Resource("write_off", request.WriteOff);
        v.Require("write_off.invoice_id", input.InvoiceId).MaxLength("write_off.invoice_id", input.InvoiceId, 26)
            .Require("write_off.reason", input.Reason).MaxLength("write_off.reason", input.Reason, 500)
            .MaxLength("write_off.evidence", input.Evidence, 4000);
        var amount = v.Money("write_off.amount", input.Amount);
        if (amount is { IsZero: true }) v.Add("write_off.amount.amount", "must be more than zero");
        v.ThrowIfInvalid();
        if (await commands.FindReplayAsync<Proto.WriteOffRequest>("RequestWriteOff", request.RequestId, request, ct) is { } replay) return replay;
        var invoice = await billing.VisibleInvoiceAsync(input.InvoiceId, ct);
        var money = amount!.Value;
        CheckWriteOffable(invoice, money);
        var roles = ApprovalMatrix.ApproverRoles(matrix.Value, money.Amount, money.Currency.Code);
        if (roles.Count == 0)
            throw new PreconditionFailedException("APPROVAL_TIER", $"invoices/{invoice.Id}", "No approval tier covers this amount; see Collections:WriteOffApproval.");

        return await commands.ExecuteAsync("RequestWriteOff", request.RequestId, request, async token =>
        {
            var outstanding = await db.WriteOffs.Where(w => w.InvoiceId == invoice.Id && Outstanding.Contains(w.Status)).SumAsync(w => w.Amount, token);
            if (outstanding + money.Amount > invoice.OpenAmount.ToDecimal())
                throw new PreconditionFailedException("AMOUNT_EXCEEDS_OPEN", $"invoices/{invoice.Id}",
                    $"With the write-offs already requested ({outstanding}), {money} is more than the invoice's open {invoice.OpenAmount.Amount}.");
            var now = clock.GetUtcNow().UtcDateTime;
            var writeOff = new WriteOff
            {
                Id = Ulid.NewUlid().ToString(),
                Number = $"WO-{now.Year}-{await commands.NextNumberAsync($"write-off:{now.Year}", token):D6}",
                InvoiceId = invoice.Id, CustomerId = invoice.CustomerId, Currency = money.Currency.Code, Amount = money.Amount,
                Reason = CardNumbers.Mask(input.Reason), Evidence = CardNumbers.Mask(input.Evidence), ApproverRoles = [.. roles],
                RequestedBy = caller.Actor, CreatedAt = now,
            };
            db.WriteOffs.Add(writeOff);
            var created = writeOff.ToProto();
            commands.Audit("write_off", writeOff.Id, null, created);
            return created;
        }, ct);
    }

    public Task<Proto.WriteOffRequest> ApproveAsync(Proto.ApproveWriteOffRequest request, CancellationToken ct) =>
        DecideAsync("ApproveWriteOff", request.Id, request.RequestId, request.Note, request, approve: true, ct);

    public Task<Proto.WriteOffRequest> RejectAsync(Proto.RejectWriteOffRequest request, CancellationToken ct) =>
        DecideAsync("RejectWriteOff", request.Id, request.RequestId, request.Note, request, approve: false, ct);

    public async Task<Proto.WriteOffRequest> GetAsync(string id, CancellationToken ct)
    {
        Validator.RequiredId("id", id, 26);
        var writeOff = await db.WriteOffs.AsNoTracking().FirstOrDefaultAsync(w => w.Id == id, ct) ?? throw new NotFoundException("write-off", id);
        await billing.EnsureListableAsync(writeOff.CustomerId, ct);
        return writeOff.ToProto();
    }

    private async Task<Proto.WriteOffRequest> DecideAsync(string operation, string id, string requestId, string note,
        Google.Protobuf.IMessage request, bool approve, CancellationToken ct)
    {
        var v = new Validator().RequestId(requestId).Require("id", id).MaxLength("id", id, 26).MaxLength("note", note, 1000);
        if (!approve) v.Require("note", note);
        v.ThrowIfInvalid();
        var decided = await commands.ExecuteAsync(operation, requestId, request, async token =>
        {
            var writeOff = await db.WriteOffs.FirstOrDefaultAsync(w => w.Id == id, token) ?? throw new NotFoundException("write-off", id);
            if (writeOff.Status != Proto.WriteOffStatus.PendingApproval)
                throw new PreconditionFailedException("WRITE_OFF_STATE", $"write-offs/{id}", $"The write-off is {writeOff.Status}, not pending approval.");
            if (ApprovalMatrix.RefusalFor(writeOff.RequestedBy, caller.Actor, role => caller.IsInAnyRole([role]), writeOff.ApproverRoles) is { } refusal)
                throw refusal.Code == "SEGREGATION_OF_DUTIES"
                    ? new PreconditionFailedException(refusal.Code, $"write-offs/{id}", refusal.Why)
                    : new PermissionDeniedException(refusal.Code, refusal.Why);
            var before = writeOff.ToProto();
            var now = clock.GetUtcNow().UtcDateTime;
            writeOff.Status = approve ? Proto.WriteOffStatus.Approved : Proto.WriteOffStatus.Rejected;
            writeOff.DecidedBy = caller.Actor;
            writeOff.DecisionNote = CardNumbers.Mask(note);
            writeOff.DecidedAt = now;
            writeOff.NextPostingAt = approve ? now : null;
            writeOff.Version++;
            var after = writeOff.ToProto();
            commands.Audit("write_off", id, before, after);
            if (approve) commands.AfterCommit("write-off-posting", () => poster.PostDueAsync(CancellationToken.None));
            return after;
        }, ct);
        return decided;
    }

    private static void CheckWriteOffable(Billing.Invoice invoice, SharedKernel.Money amount)
    {
        if (invoice.Status is not (Billing.InvoiceStatus.Issued or Billing.InvoiceStatus.PartiallyPaid))
            throw new PreconditionFailedException("INVOICE_NOT_OPEN", $"invoices/{invoice.Id}", $"Invoice {invoice.Number} is {invoice.Status}: nothing is open to write off.");
        if (invoice.Currency != amount.Currency.Code)
            throw new RequestValidationException([new FieldViolation("write_off.amount.currency", $"must be the invoice's currency {invoice.Currency}")]);
        if (amount.Amount > invoice.OpenAmount.ToDecimal())
            throw new PreconditionFailedException("AMOUNT_EXCEEDS_OPEN", $"invoices/{invoice.Id}", $"{amount} is more than the invoice's open {invoice.OpenAmount.Amount}.");
    }
}
