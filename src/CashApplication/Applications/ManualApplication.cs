using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.CashApplication.Payments;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.SharedKernel;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Applications;

/// <summary>
/// A person's decisions on a payment: apply it (to invoices they choose, with what to do about
/// each shortfall, the rest on account or unapplied), unapply it, or return it. Each decision is
/// committed here and carried out in Billing by the dispatcher, as automatic ones are. Each is a
/// label for matching: an application teaches who the payer is, an unapply forgets it
/// (<see cref="PayerLearning"/>).
/// </summary>
public sealed class ManualApplication(
    CashApplicationDbContext db, CommandExecutor<CashApplicationDbContext> commands, ApplicationLedger ledger,
    PaymentViews views, PaymentQueries queries, Billing.BillingService.BillingServiceClient billing, CallerContext caller,
    PayerLearning learning, IOptions<OutcomePolicy> policy, TimeProvider clock)
{
    public const int MaxAllocations = 200;

    public async Task<Proto.Payment> ApplyAsync(Proto.ApplyPaymentManuallyRequest request, CancellationToken ct)
    {
        Validate(request);
        var committed = await commands.FindReplayAsync<Proto.Payment>("ApplyPaymentManually", request.RequestId, request, ct);
        if (committed is null)
        {
            var invoices = await InvoicesAsync(request.Allocations, ct);
            // Whose name the payer's is compared with, to learn it when it says nothing of them.
            var customerName = request.Allocations.Count == 0
                ? await CustomerNameAsync(request.CustomerId, required: true, ct)
                : invoices.Values.Select(i => i.CustomerId).Distinct().ToList() is [var only] ? await CustomerNameAsync(only, required: false, ct) : null;
            committed = await commands.ExecuteAsync("ApplyPaymentManually", request.RequestId, request, async token =>
            {
                var payment = await db.Payments.FirstOrDefaultAsync(p => p.Id == request.Id, token) ?? throw new NotFoundException("payment", request.Id);
                var draft = Draft(request, payment, invoices);
                await learning.ReadAsync([payment], automatic: false, token);
                return payment.ToProto(showBankingDetails: false, [ledger.Commit(payment, draft, customerName)]);
            }, ct);
        }
        var now = await AsItNowStandsAsync(request.Id, ct);
        // The person's apply succeeds only when Billing took it: a refusal (another application or
        // a dispute took the room since the invoice was read) is theirs to see, with Billing's reason.
        if (committed.Applications.LastOrDefault() is { } mine
            && now.Applications.FirstOrDefault(a => a.Id == mine.Id) is { Status: Proto.ApplicationStatus.Failed } failed)
            throw new PreconditionFailedException("BILLING_REFUSED", $"payments/{request.Id}",
                $"Billing refused the application, so nothing was applied: {failed.LastError}");
        return now;
    }

    /// <summary>
    /// The payment after the command (whose stored result only names it) and the delivery it
    /// started: what the person sees is what
    /// Billing did (APPLIED, REVERSED), or PENDING with the reason when Billing has not yet.
    /// </summary>
    private Task<Proto.Payment> AsItNowStandsAsync(string paymentId, CancellationToken ct) => queries.GetAsync(paymentId, ct);

    public async Task<Proto.Payment> UnapplyAsync(Proto.UnapplyPaymentRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.Require("id", request.Id).MaxLength("id", request.Id, 26).RequestId(request.RequestId)
            .MaxLength("application_id", request.ApplicationId, 26)
            .Require("reason", request.Reason).MaxLength("reason", request.Reason, 200);
        v.ThrowIfInvalid();
        await commands.ExecuteAsync("UnapplyPayment", request.RequestId, request, async token =>
        {
            var (payment, live) = await LiveApplicationsAsync(request.Id, token);
            var targets = request.ApplicationId.Length == 0 ? live : live.Where(a => a.Id == request.ApplicationId).ToList();
            if (targets.Count == 0)
                throw new PreconditionFailedException("NOTHING_TO_UNAPPLY", $"payments/{payment.Id}",
                    request.ApplicationId.Length == 0
                        ? $"Payment {payment.Id} has no application to unapply."
                        : $"Payment {payment.Id} has no live application {request.ApplicationId}.");
            EnsureAnotherPersonTakesBack(targets);
            var reason = CardNumbers.Mask(request.Reason);
            foreach (var application in targets)
            {
                ledger.Reverse(application, caller.Actor, reason);
                // A person says this cash was not (all) this customer's: what made the payer theirs goes too.
                await learning.ForgetAsync(payment, application, caller.Actor, reason, token);
            }
            return payment.ToProto(showBankingDetails: false);
        }, ct);
        return await AsItNowStandsAsync(request.Id, ct);
    }

    public async Task<Proto.Payment> ReturnAsync(Proto.ReturnPaymentRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.Require("id", request.Id).MaxLength("id", request.Id, 26).RequestId(request.RequestId)
            .Require("reason", request.Reason).MaxLength("reason", request.Reason, 200);
        v.ThrowIfInvalid();
        await commands.ExecuteAsync("ReturnPayment", request.RequestId, request, async token =>
        {
            var (payment, live) = await LiveApplicationsAsync(request.Id, token);
            if (payment.Status == PaymentStatus.Returned)
                throw new PreconditionFailedException("PAYMENT_STATE", $"payments/{payment.Id}", $"Payment {payment.Id} was already returned.");
            // Returning reverses every application too: the same second person as unapplying them.
            EnsureAnotherPersonTakesBack(live);
            var before = await views.PaymentAsync(payment, token);
            var reason = CardNumbers.Mask(request.Reason);
            foreach (var application in live) ledger.Reverse(application, caller.Actor, $"returned: {reason}");
            payment.MarkReturned();
            var after = await views.PaymentAsync(payment, token);
            commands.Audit("payment", payment.Id, before, after);
            return after;
        }, ct);
        return await AsItNowStandsAsync(request.Id, ct);
    }

    /// <summary>Maker ≠ checker: a person's application is taken back (unapplied or returned) by another person.</summary>
    private void EnsureAnotherPersonTakesBack(IEnumerable<PaymentApplication> applications)
    {
        if (applications.FirstOrDefault(a => !a.Automatic && string.Equals(a.AppliedBy, caller.Actor, StringComparison.Ordinal)) is { } own)
            throw new PreconditionFailedException("SEGREGATION_OF_DUTIES", $"applications/{own.Id}",
                $"{caller.Actor} applied {own.Id} and cannot also reverse it; another cash applier or a manager must.");
    }

    private async Task<(Payment Payment, List<PaymentApplication> Live)> LiveApplicationsAsync(string paymentId, CancellationToken ct)
    {
        var payment = await db.Payments.FirstOrDefaultAsync(p => p.Id == paymentId, ct) ?? throw new NotFoundException("payment", paymentId);
        var live = await db.Applications.Where(a => a.PaymentId == paymentId
                && (a.Status == ApplicationStatus.Pending || a.Status == ApplicationStatus.Applied))
            .OrderBy(a => a.Id).ToListAsync(ct);
        return (payment, live);
    }

    private static void Validate(Proto.ApplyPaymentManuallyRequest request)
    {
        var v = new Validator();
        v.Require("id", request.Id).MaxLength("id", request.Id, 26).RequestId(request.RequestId)
            .MaxLength("customer_id", request.CustomerId, 26).MaxLength("note", request.Note, 1000);
        if (request.Allocations.Count == 0 && !request.RestOnAccount)
            v.Add("allocations", "allocate to at least one invoice, or keep the payment on account (rest_on_account)");
        if (request.Allocations.Count == 0 && request.CustomerId.Length == 0)
            v.Add("customer_id", "is required to keep a payment on account");
        if (request.Allocations.Count > MaxAllocations) v.Add("allocations", $"at most {MaxAllocations}");
        var seen = new HashSet<string>(StringComparer.Ordinal);
        for (var i = 0; i < request.Allocations.Count; i++)
        {
            var a = request.Allocations[i];
            var field = $"allocations[{i}]";
            v.Require(field + ".invoice_id", a.InvoiceId).MaxLength(field + ".invoice_id", a.InvoiceId, 26)
                .MaxLength(field + ".deduction_reason", a.DeductionReason, 40);
            if (a.InvoiceId.Length > 0 && !seen.Add(a.InvoiceId)) v.Add(field + ".invoice_id", "appears twice: one allocation per invoice");
            if (v.Money(field + ".amount", a.Amount) is { IsZero: true }) v.Add(field + ".amount.amount", "must be greater than zero");
            if (!Enum.IsDefined(a.ShortfallTreatment)) v.Add(field + ".shortfall_treatment", "is not a shortfall treatment");
        }
        v.ThrowIfInvalid();
    }

    /// <summary>The invoices as Billing has them now (read before the command; Billing checks again when it applies).</summary>
    private async Task<Dictionary<string, Billing.Invoice>> InvoicesAsync(IEnumerable<Proto.ManualAllocation> allocations, CancellationToken ct)
    {
        var invoices = new Dictionary<string, Billing.Invoice>(StringComparer.Ordinal);
        foreach (var (allocation, i) in allocations.Select((a, i) => (a, i)))
        {
            try
            {
                invoices[allocation.InvoiceId] = await billing.GetInvoiceAsync(new Billing.GetInvoiceRequest { Id = allocation.InvoiceId }, cancellationToken: ct);
            }
            catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
            {
                throw new RequestValidationException([new FieldViolation($"allocations[{i}].invoice_id", $"invoice '{allocation.InvoiceId}' was not found")]);
            }
        }
        return invoices;
    }

    /// <summary>The customer's name; when not found, a bad customer_id if <paramref name="required"/> (all on account), else null.</summary>
    private async Task<string?> CustomerNameAsync(string customerId, bool required, CancellationToken ct)
    {
        try
        {
            return (await billing.GetCustomerAsync(new Billing.GetCustomerRequest { Id = customerId }, cancellationToken: ct)).Name;
        }
        catch (RpcException e) when (e.StatusCode is StatusCode.NotFound or StatusCode.InvalidArgument)
        {
            if (!required) return null;
            throw new RequestValidationException([new FieldViolation("customer_id", $"customer '{customerId}' was not found")]);
        }
    }

    private PaymentApplication Draft(Proto.ApplyPaymentManuallyRequest request, Payment payment, Dictionary<string, Billing.Invoice> invoices)
    {
        var v = new Validator();
        var customers = invoices.Values.Select(i => i.CustomerId).Distinct().ToList();
        if (customers.Count > 1) v.Add("allocations", "the invoices belong to different customers: one application per customer");
        if (request.CustomerId.Length > 0 && customers.Count == 1 && customers[0] != request.CustomerId)
            v.Add("customer_id", $"the invoices belong to customer {customers[0]}");
        var lines = new List<ApplicationLine>();
        for (var i = 0; i < request.Allocations.Count; i++)
        {
            var a = request.Allocations[i];
            var field = $"allocations[{i}]";
            var invoice = invoices[a.InvoiceId];
            var amount = a.Amount.ToDecimal();
            var open = invoice.OpenAmount.ToDecimal();
            if (a.Amount.Currency != payment.Currency) v.Add(field + ".amount.currency", $"the payment is in {payment.Currency}");
            if (invoice.Currency != payment.Currency) v.Add(field + ".invoice_id", $"invoice {invoice.Number} is in {invoice.Currency}, the payment in {payment.Currency}");
            if (amount > open) v.Add(field + ".amount", $"invoice {invoice.Number} has {open:0.####} {invoice.Currency} open");
            var treatment = (ShortfallTreatment)(int)a.ShortfallTreatment;
            var shortfall = treatment == ShortfallTreatment.LeaveOpen ? 0m : open - amount;
            if (treatment != ShortfallTreatment.LeaveOpen && shortfall <= 0m)
                v.Add(field + ".shortfall_treatment", $"the cash settles invoice {invoice.Number} in full: nothing is short");
            if (treatment == ShortfallTreatment.WriteOff && shortfall > policy.Value.WriteOffTolerance)
                v.Add(field + ".shortfall_treatment", $"a shortfall of {shortfall:0.####} is above the write-off tolerance of {policy.Value.WriteOffTolerance:0.####}");
            if (treatment == ShortfallTreatment.Discount && (invoice.DiscountAmount is null || shortfall > invoice.DiscountAmount.ToDecimal()))
                v.Add(field + ".shortfall_treatment", $"invoice {invoice.Number} offers no discount of {shortfall:0.####}");
            lines.Add(new ApplicationLine
            {
                LineNumber = i + 1, InvoiceId = invoice.Id, InvoiceNumber = invoice.Number, Amount = amount, Shortfall = shortfall,
                Treatment = treatment,
                DeductionReason = treatment != ShortfallTreatment.Deduction ? ""
                    : a.DeductionReason.Length > 0 ? a.DeductionReason.Trim()
                    : payment.Remittance.FirstOrDefault(r => r.AdjustmentReason.Length > 0)?.AdjustmentReason ?? SettlementPlanner.UnexplainedShortPay,
            });
        }
        var cash = lines.Sum(l => l.Amount);
        if (cash > payment.UnappliedAmount) v.Add("allocations", $"they take {cash:0.####} {payment.Currency}; the payment has {payment.UnappliedAmount:0.####} unapplied");
        v.ThrowIfInvalid();
        return new PaymentApplication
        {
            Id = Ulid.NewUlid().ToString(),
            PaymentId = payment.Id,
            CustomerId = customers.Count == 1 ? customers[0] : request.CustomerId,
            Currency = payment.Currency,
            AppliedOn = payment.BookingDate,
            Automatic = false,
            Note = CardNumbers.Mask(request.Note),
            Lines = lines,
            OnAccount = request.RestOnAccount ? payment.UnappliedAmount - cash : 0m,
            AppliedBy = caller.Actor,
            CorrelationId = caller.CorrelationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
    }
}
