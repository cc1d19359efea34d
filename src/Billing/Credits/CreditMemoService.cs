using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Grpc;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Credits;

/// <summary>
/// Credit memos: requested, posted at once below <c>Billing:CreditMemoApprovalThreshold</c>
/// (an amount in the memo's currency, 1000 by default), otherwise approved or rejected by a
/// second person. Posting reduces the invoice's open amount (never below zero) or, on account,
/// the customer's balance.
/// </summary>
public sealed class CreditMemoService(
    BillingDbContext db, CommandExecutor<BillingDbContext> commands, LedgerPoster ledger,
    CallerContext caller, IConfiguration configuration, TimeProvider clock)
{
    /// <summary>The one service that may name the dispute case a credit resolves (its service identity).</summary>
    private const string DisputesService = "disputes";

    private decimal Threshold => configuration.GetValue("Billing:CreditMemoApprovalThreshold", 1000m);

    public async Task<Proto.CreditMemo> CreateAsync(Proto.CreateCreditMemoRequest request, CancellationToken ct)
    {
        var (invoiceId, customerId, amount, reason, disputeId) = Parse(request);
        return await commands.ExecuteAsync("CreateCreditMemo", request.RequestId, request, async token =>
        {
            var invoice = invoiceId is null ? null
                : await db.Invoices.FirstOrDefaultAsync(i => i.Id == invoiceId, token) ?? throw new NotFoundException("invoice", invoiceId);
            var customer = await db.Customers.FindAsync([invoice?.CustomerId ?? customerId], token)
                           ?? throw new NotFoundException("customer", customerId!);
            if (invoice is not null && invoice.Currency != amount.Currency.Code)
                throw new RequestValidationException([new FieldViolation("credit_memo.amount.currency", $"the invoice is in {invoice.Currency}")]);
            if (invoice is not null && amount.Amount > invoice.OpenAmount)
                throw new PreconditionFailedException("AMOUNT_EXCEEDS_OPEN", $"invoices/{invoice.Id}",
                    $"Invoice {invoice.Number} has {invoice.OpenAmount:0.####} {invoice.Currency} open; a credit of {amount.Amount:0.####} would exceed it.");

            var created = await NewMemoAsync(customer, invoice, amount.Currency.Code, amount.Amount, reason, token, disputeId);
            if (amount.Amount <= Threshold) await PostWithoutApprovalAsync(created, invoice, customer, "Below the approval threshold.", token);
            else created.AwaitApproval();
            var result = created.ToProto();
            commands.Audit("credit-memo", created.Id, null, result);
            return result;
        }, ct);
    }

    /// <summary>
    /// A credit on account the contract itself owes (a subscription downgraded in a period already
    /// billed): computed, not judged, so it posts at once inside the current command.
    /// </summary>
    public async Task<CreditMemo> CreditContractuallyAsync(Customer customer, string currency, decimal amount, string reason, CancellationToken ct)
    {
        var memo = await NewMemoAsync(customer, null, currency, amount, CardNumbers.Mask(reason), ct);
        await PostWithoutApprovalAsync(memo, null, customer, "Owed by contract: computed, not judged.", ct);
        commands.Audit("credit-memo", memo.Id, null, memo.ToProto());
        return memo;
    }

    private async Task<CreditMemo> NewMemoAsync(Customer customer, Invoice? invoice, string currency, decimal amount, string reason,
        CancellationToken ct, string? disputeId = null)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var number = await commands.NextNumberAsync($"credit-memo:{now.Year}", ct);
        var memo = new CreditMemo
        {
            Id = Ulid.NewUlid().ToString(),
            Number = $"CM-{now.Year}-{number:D6}",
            InvoiceId = invoice?.Id,
            DisputeId = disputeId,
            CustomerId = customer.Id,
            Reason = reason,
            Currency = currency,
            Amount = amount,
            RequestedBy = caller.Actor,
            CreatedAt = now,
        };
        db.Add(memo);
        return memo;
    }

    private async Task PostWithoutApprovalAsync(CreditMemo memo, Invoice? invoice, Customer customer, string why, CancellationToken ct)
    {
        memo.PostWithoutApproval(memo.CreatedAt, why);
        await PostAsync(memo, invoice, customer, memo.CreatedAt, ct);
    }

    public Task<Proto.CreditMemo> ApproveAsync(Proto.ApproveCreditMemoRequest request, CancellationToken ct) =>
        DecideAsync("ApproveCreditMemo", request.Id, request.RequestId, request.Note, request, approve: true, ct);

    public Task<Proto.CreditMemo> RejectAsync(Proto.RejectCreditMemoRequest request, CancellationToken ct) =>
        DecideAsync("RejectCreditMemo", request.Id, request.RequestId, request.Note, request, approve: false, ct);

    /// <summary>
    /// A credit on account used on invoices: per invoice a pair of entries, the on-account item
    /// back towards zero and the invoice down, so the customer's balance stays what it was.
    /// </summary>
    public async Task<Proto.CreditMemo> ApplyAsync(Proto.ApplyCreditMemoRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.Require("id", request.Id).RequestId(request.RequestId);
        var appliedOn = v.Date("applied_on", request.AppliedOn);
        if (request.Allocations.Count is 0 or > 100) v.Add("allocations", "between 1 and 100 allocations");
        var allocations = request.Allocations.Select((a, i) =>
        {
            v.Require($"allocations[{i}].invoice_id", a.InvoiceId);
            var amount = v.Money($"allocations[{i}].amount", a.Amount);
            if (amount is { } m && m.Amount <= 0m) v.Add($"allocations[{i}].amount.amount", "must be greater than zero");
            return (a.InvoiceId, Amount: amount);
        }).ToList();
        if (allocations.Select(a => a.InvoiceId).Distinct(StringComparer.Ordinal).Count() != allocations.Count)
            v.Add("allocations", "each invoice at most once");
        v.ThrowIfInvalid();

        return await commands.ExecuteAsync("ApplyCreditMemo", request.RequestId, request, async token =>
        {
            var memo = await db.CreditMemos.FirstOrDefaultAsync(m => m.Id == request.Id, token)
                       ?? throw new NotFoundException("credit memo", request.Id);
            var before = memo.ToProto();
            var customer = await db.Customers.FirstAsync(c => c.Id == memo.CustomerId, token);
            var ids = allocations.Select(a => a.InvoiceId).ToList();
            var invoices = await db.Invoices.Where(i => ids.Contains(i.Id)).ToDictionaryAsync(i => i.Id, token);
            var now = clock.GetUtcNow().UtcDateTime;
            var date = appliedOn ?? DateOnly.FromDateTime(now);
            for (var i = 0; i < allocations.Count; i++)
            {
                var (invoiceId, amount) = allocations[i];
                var invoice = invoices.GetValueOrDefault(invoiceId) ?? throw new NotFoundException("invoice", invoiceId);
                if (invoice.CustomerId != memo.CustomerId)
                    throw new RequestValidationException([new FieldViolation($"allocations[{i}].invoice_id",
                        $"invoice {invoice.Number} belongs to another customer than credit memo {memo.Number}")]);
                if (amount!.Value.Currency.Code != memo.Currency)
                    throw new RequestValidationException([new FieldViolation($"allocations[{i}].amount.currency", $"the credit is in {memo.Currency}")]);
                memo.ApplyTo(invoice.Id, amount.Value.Amount, date);
                var invoiceBefore = invoice.ToProto();
                invoice.Settle(amount.Value.Amount);
                await ledger.PostAsync(customer, CreditApplied(memo, null, amount.Value.Amount, date, now), token);
                await ledger.PostAsync(customer, CreditApplied(memo, invoice.Id, -amount.Value.Amount, date, now), token);
                commands.Audit("invoice", invoice.Id, invoiceBefore, invoice.ToProto());
            }
            var after = memo.ToProto();
            commands.Audit("credit-memo", memo.Id, before, after);
            return after;
        }, ct);
    }

    private static LedgerEntry CreditApplied(CreditMemo memo, string? invoiceId, decimal amount, DateOnly date, DateTime now) => new()
    {
        CustomerId = memo.CustomerId, InvoiceId = invoiceId, Kind = LedgerEntryKind.CreditApplied, Currency = memo.Currency,
        Amount = amount, EffectiveDate = date, PostedAt = now, Reference = memo.Number,
    };

    public async Task<Proto.CreditMemo> GetAsync(string id, CancellationToken ct) =>
        (await db.CreditMemos.AsNoTracking().FirstOrDefaultAsync(m => m.Id == id, ct)
         ?? throw new NotFoundException("credit memo", id)).ToProto();

    private async Task<Proto.CreditMemo> DecideAsync(string operation, string id, string requestId, string note,
        Google.Protobuf.IMessage request, bool approve, CancellationToken ct)
    {
        new Validator().Require("id", id).RequestId(requestId).MaxLength("note", note, 500).ThrowIfInvalid();
        return await commands.ExecuteAsync(operation, requestId, request, async token =>
        {
            var pending = await db.CreditMemos.FirstOrDefaultAsync(m => m.Id == id, token)
                          ?? throw new NotFoundException("credit memo", id);
            var before = pending.ToProto();
            var now = clock.GetUtcNow().UtcDateTime;
            if (approve)
            {
                pending.Approve(caller.Actor, CardNumbers.Mask(note), now);
                var invoice = pending.InvoiceId is null ? null : await db.Invoices.FirstAsync(i => i.Id == pending.InvoiceId, token);
                var customer = await db.Customers.FirstAsync(c => c.Id == pending.CustomerId, token);
                await PostAsync(pending, invoice, customer, now, token);
            }
            else
            {
                pending.Reject(caller.Actor, CardNumbers.Mask(note), now);
                await ReleaseDisputeReservationAsync(pending, token);
            }
            var after = pending.ToProto();
            commands.Audit("credit-memo", pending.Id, before, after);
            return after;
        }, ct);
    }

    /// <summary>A rejected credit for a case no longer keeps its amount held on the invoice.</summary>
    private async Task ReleaseDisputeReservationAsync(CreditMemo memo, CancellationToken ct)
    {
        if (memo is not { DisputeId: { } disputeId, InvoiceId: { } invoiceId }) return;
        var invoice = await db.Invoices.FirstAsync(i => i.Id == invoiceId, ct);
        var before = invoice.ToProto();
        if (!invoice.ReleaseHold(disputeId, memo.Amount)) return;
        ledger.BalanceChanged(await db.Customers.FirstAsync(c => c.Id == invoice.CustomerId, ct));
        commands.Audit("invoice", invoice.Id, before, invoice.ToProto());
    }

    /// <summary>
    /// Into the ledger: the invoice settles by the credit (re-checked against what is open now and
    /// what disputes hold, of which the case the credit resolves gives up its own).
    /// </summary>
    private async Task PostAsync(CreditMemo memo, Invoice? invoice, Customer customer, DateTime now, CancellationToken ct)
    {
        if (invoice is not null)
        {
            var before = invoice.ToProto();
            invoice.Settle(memo.Amount, memo.DisputeId);
            commands.Audit("invoice", invoice.Id, before, invoice.ToProto());
        }
        await ledger.PostAsync(customer, new LedgerEntry
        {
            CustomerId = customer.Id, InvoiceId = invoice?.Id, Kind = LedgerEntryKind.CreditMemo, Currency = memo.Currency,
            Amount = -memo.Amount, EffectiveDate = DateOnly.FromDateTime(now), PostedAt = now, Reference = memo.Number,
        }, ct);
    }

    private (string? InvoiceId, string? CustomerId, Money Amount, string Reason, string? DisputeId) Parse(Proto.CreateCreditMemoRequest request)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        var memo = v.Resource("credit_memo", request.CreditMemo);
        if (memo.InvoiceId.Length == 0 && memo.CustomerId.Length == 0)
            v.Add("credit_memo.invoice_id", "an invoice, or a customer for a credit on account, is required");
        v.Require("credit_memo.reason", memo.Reason).MaxLength("credit_memo.reason", memo.Reason, 200);
        var amount = v.Money("credit_memo.amount", memo.Amount);
        if (amount is { IsZero: true }) v.Add("credit_memo.amount.amount", "must be greater than zero");
        if (memo.DisputeId.Length > 0 && !(caller.IsInAnyRole([Roles.Service]) && caller.Principal == DisputesService))
            v.Add("credit_memo.dispute_id", "is set by Disputes when it credits a resolved case");
        else if (memo.DisputeId.Length > 0 && memo.InvoiceId.Length == 0)
            v.Add("credit_memo.dispute_id", "a dispute is credited against its invoice");
        v.ThrowIfInvalid();
        return (memo.InvoiceId.Length > 0 ? memo.InvoiceId : null, memo.CustomerId.Length > 0 ? memo.CustomerId : null,
            amount!.Value, CardNumbers.Mask(memo.Reason), memo.DisputeId.Length > 0 ? memo.DisputeId : null);
    }
}
