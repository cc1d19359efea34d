using ArPlatform.Collections.BillingReads;
using ArPlatform.Collections.Data;
using ArPlatform.Collections.Dunning;
using ArPlatform.Collections.Grpc;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using ArPlatform.SharedKernel;
using ArPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Promises;

/// <summary>What a run decided of the live promises and plans, before it is written.</summary>
public sealed class Settlement
{
    public List<(PromiseToPay Promise, Proto.PromiseStatus Status, decimal Paid)> Promises { get; } = [];
    public List<(PaymentPlan Plan, Proto.PaymentPlanStatus Status, decimal Paid)> Plans { get; } = [];
    /// <summary>Promises and plans the run could not decide: left as they are, covering nothing, reported in the run.</summary>
    public List<Proto.SkippedInvoice> Undecidable { get; } = [];

    public int Kept => Promises.Count(p => p.Status == Proto.PromiseStatus.Kept);
    public int Broken => Promises.Count(p => p.Status == Proto.PromiseStatus.Broken);
    public int Defaulted => Plans.Count(p => p.Status == Proto.PaymentPlanStatus.Defaulted);

    /// <summary>The promises and plans still live after the decisions: the accounts dunning leaves alone.</summary>
    public Covers Covers()
    {
        var covers = new Covers();
        foreach (var (promise, _, _) in Promises.Where(p => p.Status == Proto.PromiseStatus.Open))
            covers.Add(promise.CustomerId, promise.InvoiceIds, Cover.Promise);
        foreach (var (plan, _, _) in Plans.Where(p => p.Status == Proto.PaymentPlanStatus.Active))
            covers.Add(plan.CustomerId, plan.InvoiceIds, Cover.Plan);
        return covers;
    }
}

/// <summary>
/// Promises to pay and payment plans: recorded against a Billing customer in its currency, and
/// kept or broken by the cash Billing applies (decided by <see cref="SettleAsync"/>, which every
/// dunning run calls first).
/// </summary>
public sealed class PromiseService(
    CollectionsDbContext db, CommandExecutor<CollectionsDbContext> commands, BillingReader billing, CallerContext caller,
    IOptions<DunningOptions> options, TimeProvider clock, ILogger<PromiseService> logger)
{
    private const int MaxInstalments = 60;
    /// <summary>How far ahead a promise may fall: further out it would keep an account out of dunning indefinitely.</summary>
    private const int PromiseHorizonYears = 1;
    /// <summary>How far ahead a plan's instalments may fall: room for the most instalments, monthly.</summary>
    private const int PlanHorizonYears = 5;

    public async Task<Proto.PromiseToPay> CreatePromiseAsync(Proto.CreatePromiseToPayRequest request, CancellationToken ct)
    {
        var v = new Validator().RequestId(request.RequestId);
        var input = v.Resource("promise", request.Promise);
        var amount = v.Money("promise.amount", input.Amount);
        var date = v.Date("promise.promised_date", input.PromisedDate, required: true);
        var today = Today;
        if (amount is { IsZero: true }) v.Add("promise.amount.amount", "must be more than zero");
        if (date < today) v.Add("promise.promised_date", "must not be in the past");
        if (date > today.AddYears(PromiseHorizonYears)) v.Add("promise.promised_date", $"must be at most {PromiseHorizonYears} year ahead ({today.AddYears(PromiseHorizonYears).ToText()})");
        CheckAccount(v, "promise", input.CustomerId, input.InvoiceIds, input.Note);
        v.ThrowIfInvalid();
        await CheckCustomerAsync(input.CustomerId, input.InvoiceIds, amount!.Value.Currency.Code, "promise.amount.currency", ct);
        return await commands.ExecuteAsync("CreatePromiseToPay", request.RequestId, request, _ =>
        {
            var promise = new PromiseToPay
            {
                Id = Ulid.NewUlid().ToString(), CustomerId = input.CustomerId, Currency = amount.Value.Currency.Code,
                Amount = amount.Value.Amount, PromisedDate = date!.Value, InvoiceIds = [.. input.InvoiceIds],
                Note = CardNumbers.Mask(input.Note), CreatedBy = caller.Actor, CreatedAt = clock.GetUtcNow().UtcDateTime, MadeOn = today,
            };
            db.Promises.Add(promise);
            var created = promise.ToProto();
            commands.Audit("promise", promise.Id, null, created);
            return Task.FromResult(created);
        }, ct);
    }

    public async Task<Proto.ListPromisesToPayResponse> ListPromisesAsync(Proto.ListPromisesToPayRequest request, CancellationToken ct)
    {
        var v = new Validator().MaxLength("customer_id", request.CustomerId, 26);
        if (!Enum.IsDefined(request.Status)) v.Add("status", "is not a promise status");
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        v.ThrowIfInvalid();
        await billing.EnsureListableAsync(request.CustomerId, ct);
        var query = db.Promises.AsNoTracking();
        if (request.CustomerId.Length > 0) query = query.Where(p => p.CustomerId == request.CustomerId);
        if (request.Status != Proto.PromiseStatus.Unspecified) query = query.Where(p => p.Status == request.Status);
        var (items, next) = await query.ToPageAsync(page, p => p.Id, ct);
        return new Proto.ListPromisesToPayResponse { Promises = { items.Select(p => p.ToProto()) }, NextPageToken = next };
    }

    public async Task<Proto.PromiseToPay> CancelPromiseAsync(Proto.CancelPromiseToPayRequest request, CancellationToken ct)
    {
        var v = new Validator().RequestId(request.RequestId).Require("id", request.Id).MaxLength("id", request.Id, 26)
            .Require("reason", request.Reason).MaxLength("reason", request.Reason, 1000);
        v.ThrowIfInvalid();
        if (await commands.FindReplayAsync<Proto.PromiseToPay>("CancelPromiseToPay", request.RequestId, request, ct) is { } replay) return replay;
        var customerId = await db.Promises.AsNoTracking().Where(p => p.Id == request.Id).Select(p => p.CustomerId).FirstOrDefaultAsync(ct)
            ?? throw new NotFoundException("promise", request.Id);
        await billing.VisibleCustomerAsync(customerId, ct);
        return await commands.ExecuteAsync("CancelPromiseToPay", request.RequestId, request, async token =>
        {
            var promise = await db.Promises.FirstAsync(p => p.Id == request.Id, token);
            // Cancelling twice (another request id, another person) leaves the first cancellation standing.
            if (promise.Status == Proto.PromiseStatus.Cancelled) return promise.ToProto();
            if (promise.Status != Proto.PromiseStatus.Open)
                throw new PreconditionFailedException("PROMISE_DECIDED", $"promises/{promise.Id}", $"The promise is {promise.Status} since {promise.DecidedOn.ToText()}: only an open promise can be cancelled.");
            var before = promise.ToProto();
            promise.Cancel(caller.Actor, CardNumbers.Mask(request.Reason), Today);
            var after = promise.ToProto();
            commands.Audit("promise", promise.Id, before, after);
            return after;
        }, ct);
    }

    public async Task<Proto.PaymentPlan> CreatePlanAsync(Proto.CreatePaymentPlanRequest request, CancellationToken ct)
    {
        var v = new Validator().RequestId(request.RequestId);
        var input = v.Resource("plan", request.Plan);
        CheckAccount(v, "plan", input.CustomerId, input.InvoiceIds, input.Note);
        if (input.Instalments.Count is 0 or > MaxInstalments) v.Add("plan.instalments", $"must hold 1 to {MaxInstalments} instalments");
        var today = Today;
        var instalments = new List<PlanInstalment>();
        string? currency = null;
        for (var i = 0; i < Math.Min(input.Instalments.Count, MaxInstalments); i++)
        {
            var field = $"plan.instalments[{i}]";
            var amount = v.Money(field + ".amount", input.Instalments[i].Amount);
            var due = v.Date(field + ".due_date", input.Instalments[i].DueDate, required: true);
            if (amount is { IsZero: true }) v.Add(field + ".amount.amount", "must be more than zero");
            if (due < today) v.Add(field + ".due_date", "must not be in the past");
            if (due > today.AddYears(PlanHorizonYears)) v.Add(field + ".due_date", $"must be at most {PlanHorizonYears} years ahead ({today.AddYears(PlanHorizonYears).ToText()})");
            if (amount is { } a && (currency ??= a.Currency.Code) != a.Currency.Code) v.Add(field + ".amount.currency", "must be the plan's one currency");
            if (amount is { } m && due is { } d) instalments.Add(new PlanInstalment { DueDate = d, Amount = m.Amount });
        }
        if (instalments.Select(i => i.DueDate).Distinct().Count() != instalments.Count) v.Add("plan.instalments", "must fall on different dates");
        v.ThrowIfInvalid();
        await CheckCustomerAsync(input.CustomerId, input.InvoiceIds, currency!, "plan.instalments[0].amount.currency", ct);
        return await commands.ExecuteAsync("CreatePaymentPlan", request.RequestId, request, _ =>
        {
            var plan = new PaymentPlan
            {
                Id = Ulid.NewUlid().ToString(), CustomerId = input.CustomerId, Currency = currency!,
                Instalments = [.. instalments.OrderBy(i => i.DueDate)], InvoiceIds = [.. input.InvoiceIds],
                Note = CardNumbers.Mask(input.Note), CreatedBy = caller.Actor, CreatedAt = clock.GetUtcNow().UtcDateTime, MadeOn = today,
            };
            db.Plans.Add(plan);
            var created = plan.ToProto(today, options.Value.PromiseGraceDays);
            commands.Audit("payment_plan", plan.Id, null, created);
            return Task.FromResult(created);
        }, ct);
    }

    public async Task<Proto.PaymentPlan> GetPlanAsync(string id, CancellationToken ct)
    {
        Validator.RequiredId("id", id, 26);
        var plan = await db.Plans.AsNoTracking().FirstOrDefaultAsync(p => p.Id == id, ct) ?? throw new NotFoundException("payment plan", id);
        await billing.EnsureListableAsync(plan.CustomerId, ct);
        return plan.ToProto(Today, options.Value.PromiseGraceDays);
    }

    /// <summary>
    /// Decides every open promise and active plan (of one customer, or all) made by
    /// <paramref name="asOf"/> (one made later did not exist yet on that date) from the cash Billing
    /// applied since it was made: one ledger read per account that has one. Reads only; the
    /// run applies the decisions with <see cref="Apply"/>. One that cannot be decided is set aside
    /// in <see cref="Settlement.Undecidable"/> so that one bad record never stops the run.
    /// </summary>
    public async Task<Settlement> DecideAsync(DateOnly asOf, string? customerId, CancellationToken ct)
    {
        var grace = options.Value.PromiseGraceDays;
        var promises = await db.Promises.AsNoTracking().Where(p => p.Status == Proto.PromiseStatus.Open && p.MadeOn <= asOf)
            .Where(p => customerId == null || p.CustomerId == customerId).ToListAsync(ct);
        var plans = await db.Plans.AsNoTracking().Where(p => p.Status == Proto.PaymentPlanStatus.Active && p.MadeOn <= asOf)
            .Where(p => customerId == null || p.CustomerId == customerId).ToListAsync(ct);
        var settlement = new Settlement();
        foreach (var promise in promises)
        {
            await DecideOneAsync(settlement, promise.CustomerId, $"promises/{promise.Id}", async () =>
            {
                var paid = await billing.CashAppliedAsync(promise.CustomerId, promise.Currency, promise.MadeOn, asOf, ct);
                settlement.Promises.Add((promise, PromiseRules.Decide(promise.Amount, promise.PromisedDate, grace, paid, asOf), paid));
            });
        }
        foreach (var plan in plans)
        {
            await DecideOneAsync(settlement, plan.CustomerId, $"payment-plans/{plan.Id}", async () =>
            {
                var paid = await billing.CashAppliedAsync(plan.CustomerId, plan.Currency, plan.MadeOn, asOf, ct);
                var (status, _) = PromiseRules.EvaluatePlan(plan.Schedule(), grace, paid, asOf);
                settlement.Plans.Add((plan, status, paid));
            });
        }
        return settlement;
    }

    /// <summary>
    /// Decides one record; what is wrong with that record alone (bad data, Billing refusing the
    /// read) sets it aside with the reason. Billing unreachable still fails the run: every record
    /// would be set aside and every account dunned as if it had made no promise.
    /// </summary>
    private async Task DecideOneAsync(Settlement settlement, string customerId, string record, Func<Task> decide)
    {
        try
        {
            await decide();
        }
        catch (Exception e) when (IsAboutTheRecord(e))
        {
            logger.LogError(e, "Dunning could not decide {Record} of customer {CustomerId}; left undecided", record, customerId);
            settlement.Undecidable.Add(new Proto.SkippedInvoice
            {
                CustomerId = customerId, Reason = Proto.SkipReason.Undecidable,
                Detail = $"{record}: {(e is RpcException r ? RemoteCallPolicy.Describe(r) : e.Message)}",
            });
        }
    }

    private static bool IsAboutTheRecord(Exception e) => e switch
    {
        OperationCanceledException => false,
        RpcException r => RemoteCallPolicy.IsRefusal(r.StatusCode),
        _ => true,
    };

    /// <summary>Writes the decisions inside the caller's command, each change audited.</summary>
    public void Apply(Settlement settlement, DateOnly asOf)
    {
        foreach (var (promise, status, paid) in settlement.Promises.Where(p => p.Status != Proto.PromiseStatus.Open || p.Paid != p.Promise.Paid))
        {
            var before = promise.ToProto();
            db.Promises.Attach(promise);
            promise.Paid = paid;
            if (status != Proto.PromiseStatus.Open)
            {
                promise.Status = status;
                promise.DecidedOn = asOf;
            }
            commands.Audit("promise", promise.Id, before, promise.ToProto());
        }
        foreach (var (plan, status, paid) in settlement.Plans.Where(p => p.Status != p.Plan.Status || p.Paid != p.Plan.Paid))
        {
            var before = plan.ToProto(asOf, options.Value.PromiseGraceDays);
            db.Plans.Attach(plan);
            plan.Paid = paid;
            plan.Status = status;
            commands.Audit("payment_plan", plan.Id, before, plan.ToProto(asOf, options.Value.PromiseGraceDays));
        }
    }

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static void CheckAccount(Validator v, string resource, string customerId, IEnumerable<string> invoiceIds, string note)
    {
        v.Require($"{resource}.customer_id", customerId).MaxLength($"{resource}.customer_id", customerId, 26)
            .MaxLength($"{resource}.note", note, 1000);
        if (invoiceIds.Any(id => id.Length is 0 or > 26)) v.Add($"{resource}.invoice_ids", "must be invoice ids");
    }

    /// <summary>The customer exists, the currency is one they are billed in, and every invoice named is theirs.</summary>
    private async Task CheckCustomerAsync(string customerId, IEnumerable<string> invoiceIds, string currency, string currencyField, CancellationToken ct)
    {
        var customer = await billing.VisibleCustomerAsync(customerId, ct);
        var v = new Validator();
        if (customer.Currency != currency) v.Add(currencyField, $"must be the customer's currency {customer.Currency}");
        foreach (var id in invoiceIds.Distinct())
        {
            var invoice = await billing.InvoiceAsync(id, ct);
            if (invoice.CustomerId != customerId) v.Add("invoice_ids", $"invoice {id} is not this customer's");
        }
        v.ThrowIfInvalid();
    }
}
