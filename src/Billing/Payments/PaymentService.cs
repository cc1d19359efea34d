using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Gl;
using ArPlatform.Billing.Grpc;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Ledger;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Payments;

/// <summary>
/// Cash into the ledger. An application and its ledger entries commit in one transaction with
/// the invoices' new open amounts; an invoice's row version makes a concurrent application that
/// read the same open amount fail and re-run, so the sum applied never exceeds what was open.
/// </summary>
public sealed class PaymentService(
    BillingDbContext db, CommandExecutor<BillingDbContext> commands, LedgerPoster ledger, PeriodLock periods,
    TimeProvider clock, IConfiguration configuration)
{
    /// <summary>The most applications ApplyPayments takes at once.</summary>
    public const int MaxBatch = 500;

    /// <summary>The largest short-pay an application may write off with its cash, per invoice, in the invoice's currency.</summary>
    private decimal WriteOffLimit => configuration.GetValue("Billing:ShortPayWriteOffLimit", 25m);

    public async Task<Proto.PaymentApplication> ApplyAsync(Proto.ApplyPaymentRequest request, CancellationToken ct)
    {
        var input = PaymentRequests.Parse(request);
        return await commands.ExecuteAsync("ApplyPayment", request.RequestId, request, async token =>
        {
            var invoices = await LoadInvoicesAsync(input.Allocations.Select(a => a.InvoiceId), token);
            var applied = await ApplyAsync(input, invoices, token);
            await WriteAppliedAsync(token);
            return applied;
        }, ct);
    }

    /// <summary>
    /// Many applications decided together, each idempotent and taken or refused on its own: their
    /// invoices and customers read in one go, each application checked against what the ones
    /// before it left open, and everything taken saved at once.
    /// </summary>
    public async Task<Proto.ApplyPaymentsResponse> ApplyEachAsync(Proto.ApplyPaymentsRequest request, CancellationToken ct)
    {
        if (request.Applications.Count is 0 or > MaxBatch)
            throw new RequestValidationException([new FieldViolation("applications", $"between 1 and {MaxBatch} applications")]);
        var results = await commands.ExecuteBatchAsync("ApplyPayment", request.Applications, r => r.RequestId, async (fresh, token) =>
        {
            var inputs = fresh.Select(r => Refusals.Try(() => PaymentRequests.Parse(r))).ToList();
            var invoices = await LoadInvoicesAsync(inputs.SelectMany(i => i.Value?.Allocations ?? []).Select(a => a.InvoiceId).Distinct(), token);
            var decided = new List<(Proto.PaymentApplication?, DomainException?)>(fresh.Count);
            foreach (var (input, invalid) in inputs)
                decided.Add(await Refusals.TryAsync(() => ApplyAsync(input ?? throw invalid!, invoices, token)));
            await WriteAppliedAsync(token);
            return decided;
        }, ct);
        return new Proto.ApplyPaymentsResponse
        {
            Results =
            {
                results.Select((result, i) => result.Refusal is { } refusal
                    ? new Proto.ApplyPaymentResult
                    {
                        RequestId = request.Applications[i].RequestId,
                        ErrorCode = Refusals.StatusName(refusal),
                        ErrorMessage = refusal.Message,
                    }
                    : new Proto.ApplyPaymentResult { RequestId = request.Applications[i].RequestId, Application = result.Response }),
            },
        };
    }

    /// <summary>
    /// What applying cash changes, written in bulk (SaveChanges is left anything else the command
    /// changed): the applications with their allocations and the ledger entries, only ever added; the
    /// invoices' open amounts and the customers' balance versions, checked against what was read,
    /// as SaveChanges would. Nothing else changed stays tracked, for SaveChanges to look through again.
    /// </summary>
    private async Task WriteAppliedAsync(CancellationToken ct)
    {
        using (db.ChangesDetectedOnce())
        {
            await db.InsertAddedAsync<PaymentApplication>(ct);
            await db.AppendAddedAsync<LedgerEntry>(ct);
            await db.SaveModifiedAsync<Invoice>(ct);
            await db.SaveModifiedAsync<Customer>(ct);
            if (!db.ChangeTracker.HasChanges()) db.ChangeTracker.Clear();
        }
    }

    /// <summary>
    /// Checks every allocation before settling any, so a refused application changes nothing (in a
    /// batch, the next one sees the invoices as they were); then settles, posts and audits them.
    /// </summary>
    private async Task<Proto.PaymentApplication> ApplyAsync(NewPaymentApplication input, IReadOnlyDictionary<string, Invoice> invoices, CancellationToken token)
    {
        EnsureFound(input.Allocations.Select(a => a.InvoiceId), invoices);
        await periods.EnsureOpenAsync(input.AppliedOn, token);
        var now = clock.GetUtcNow().UtcDateTime;
        var application = new PaymentApplication
        {
            Id = Ulid.NewUlid().ToString(),
            PaymentReference = input.PaymentReference,
            AppliedOn = input.AppliedOn,
            Currency = input.Currency.Code,
            Total = input.Allocations.Sum(a => a.Amount.Amount),
            CreatedAt = now,
            Allocations = input.Allocations.Select((a, i) => new PaymentAllocation
            {
                LineNumber = i + 1, InvoiceId = a.InvoiceId, Amount = a.Amount.Amount,
                WriteOff = a.WriteOff, WithholdingTax = a.WithholdingTax, Discount = a.Discount,
            }).ToList(),
        };
        for (var i = 0; i < application.Allocations.Count; i++)
            Check(application.Allocations[i], i, input, invoices[application.Allocations[i].InvoiceId]);
        foreach (var settlement in application.Allocations)
        {
            var invoice = invoices[settlement.InvoiceId];
            var before = invoice.ToProto();
            invoice.Settle(settlement.Settled);
            await PostSettlementAsync(invoice, settlement, -1, input.AppliedOn, input.PaymentReference, now, token);
            commands.Audit("invoice", invoice.Id, before, invoice.ToProto());
        }
        db.Add(application);
        var applied = application.ToProto();
        commands.Audit("payment-application", application.Id, null, applied);
        return applied;
    }

    private void Check(PaymentAllocation allocation, int index, NewPaymentApplication input, Invoice invoice)
    {
        if (invoice.Currency != input.Currency.Code)
            throw new RequestValidationException([new FieldViolation($"allocations[{index}].amount.currency",
                $"invoice {invoice.Number} is in {invoice.Currency}")]);
        if (allocation.WriteOff > WriteOffLimit)
            throw new PreconditionFailedException("WRITE_OFF_OVER_LIMIT", $"invoices/{invoice.Id}",
                $"A short-pay of {allocation.WriteOff:0.####} {invoice.Currency} on invoice {invoice.Number} is above the " +
                $"write-off limit of {WriteOffLimit:0.####}; open a deduction instead.");
        if (allocation.Discount > 0m && !invoice.AllowsDiscount(allocation.Discount, input.AppliedOn))
            throw new PreconditionFailedException("DISCOUNT_NOT_EARNED", $"invoices/{invoice.Id}",
                $"Invoice {invoice.Number} offers {invoice.DiscountAmount ?? 0m:0.####} {invoice.Currency} discount until " +
                $"{invoice.DiscountDate?.ToString("yyyy-MM-dd") ?? "never"}; {allocation.Discount:0.####} on {input.AppliedOn:yyyy-MM-dd} is not earned.");
        invoice.EnsureSettles(allocation.Settled);
    }

    public async Task<Proto.PaymentApplication> ReverseAsync(Proto.ReversePaymentApplicationRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.Require("id", request.Id).RequestId(request.RequestId);
        v.Require("reason", request.Reason).MaxLength("reason", request.Reason, 200);
        var reversedOn = v.Date("reversed_on", request.ReversedOn);
        v.ThrowIfInvalid();

        return await commands.ExecuteAsync("ReversePaymentApplication", request.RequestId, request, async token =>
        {
            var application = await db.PaymentApplications.FirstOrDefaultAsync(p => p.Id == request.Id, token)
                              ?? throw new NotFoundException("payment application", request.Id);
            var before = application.ToProto();
            var now = clock.GetUtcNow().UtcDateTime;
            application.Reverse(SharedKernel.CardNumbers.Mask(request.Reason), now);
            var invoices = await LoadInvoicesAsync(application.Allocations.Select(a => a.InvoiceId), token);
            EnsureFound(application.Allocations.Select(a => a.InvoiceId), invoices);
            // A reversal dated by default follows its application, unless that period is closed.
            var effective = reversedOn ?? await periods.FirstOpenOnOrAfterAsync(application.AppliedOn, token);
            foreach (var allocation in application.Allocations)
            {
                var invoice = invoices[allocation.InvoiceId];
                var invoiceBefore = invoice.ToProto();
                invoice.Reopen(allocation.Settled);
                await PostSettlementAsync(invoice, allocation, +1, effective, application.PaymentReference, now, token);
                commands.Audit("invoice", invoice.Id, invoiceBefore, invoice.ToProto());
            }
            var reversed = application.ToProto();
            commands.Audit("payment-application", application.Id, before, reversed);
            return reversed;
        }, ct);
    }

    /// <summary>
    /// The invoices found in one query and their customers in another, all tracked (so posting
    /// finds each customer without a query of its own). Each request checks its own are there
    /// (<see cref="EnsureFound"/>): in a batch, one unknown invoice refuses only its request.
    /// </summary>
    private async Task<Dictionary<string, Invoice>> LoadInvoicesAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.ToList();
        var found = await db.Invoices.AsSplitQuery().Where(i => wanted.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        var customerIds = found.Values.Select(i => i.CustomerId).Distinct().ToList();
        await db.Customers.Where(c => customerIds.Contains(c.Id)).LoadAsync(ct);
        return found;
    }

    /// <summary>An invoice id not among those read is NOT_FOUND (the first, in the request's order).</summary>
    private static void EnsureFound(IEnumerable<string> invoiceIds, IReadOnlyDictionary<string, Invoice> invoices)
    {
        if (invoiceIds.FirstOrDefault(id => !invoices.ContainsKey(id)) is { } missing)
            throw new NotFoundException("invoice", missing);
    }

    /// <summary>
    /// The entries of one allocation: the cash, and the write-off, withholding tax and discount
    /// when there are any; <paramref name="sign"/> −1 applies them, +1 reverses them.
    /// </summary>
    private async Task PostSettlementAsync(Invoice invoice, PaymentAllocation allocation, int sign, DateOnly effective,
        string reference, DateTime now, CancellationToken ct)
    {
        await PostAsync(invoice, sign < 0 ? LedgerEntryKind.PaymentApplied : LedgerEntryKind.PaymentReversed,
            sign * allocation.Amount, effective, reference, now, ct);
        if (allocation.WriteOff != 0m)
            await PostAsync(invoice, LedgerEntryKind.WriteOff, sign * allocation.WriteOff, effective, $"short-pay {reference}", now, ct);
        if (allocation.WithholdingTax != 0m)
            await PostAsync(invoice, LedgerEntryKind.WithholdingTax, sign * allocation.WithholdingTax, effective, $"withheld {reference}", now, ct);
        if (allocation.Discount != 0m)
            await PostAsync(invoice, LedgerEntryKind.DiscountTaken, sign * allocation.Discount, effective, $"discount {reference}", now, ct);
    }

    private async Task PostAsync(Invoice invoice, LedgerEntryKind kind, decimal amount, DateOnly effective,
        string reference, DateTime now, CancellationToken ct)
    {
        // Already tracked by LoadInvoicesAsync: FindAsync answers from the change tracker.
        var customer = await db.Customers.FindAsync([invoice.CustomerId], ct)
                       ?? throw new NotFoundException("customer", invoice.CustomerId);
        await ledger.PostAsync(customer, new LedgerEntry
        {
            CustomerId = customer.Id, InvoiceId = invoice.Id, Kind = kind, Currency = invoice.Currency,
            Amount = amount, EffectiveDate = effective, PostedAt = now, Reference = reference,
        }, ct);
    }
}
