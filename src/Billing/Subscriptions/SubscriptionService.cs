using System.Globalization;
using ArPlatform.Billing.Credits;
using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Invoices;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Subscriptions;

/// <summary>
/// Recurring billing. Each run raises, per subscription, one invoice per period that has started
/// and is not billed yet (catching up missed runs), dated the period's first day and priced by
/// <see cref="Proration"/>. A plan change inside a period already billed settles the days left at
/// once: the difference is invoiced (upgrade) or credited on account (downgrade).
/// </summary>
public sealed class SubscriptionService(
    BillingDbContext db, CommandExecutor<BillingDbContext> commands, InvoiceService invoices, CreditMemoService credits, TimeProvider clock)
{
    /// <summary>
    /// How far back a subscription may start. Its first bill run catches up every period since the
    /// start, so this bounds that run: at most a year of periods (13 monthly invoices), never the
    /// thousands a start in another century would raise at once.
    /// </summary>
    private const int MaxBackdatingMonths = 12;

    /// <summary>
    /// The most periods one run bills for one subscription: the first run of a subscription
    /// backdated a year, yet never thousands of invoices at once for one stored before that bound,
    /// or left unbilled for years. The rest waits for the next run, which the answer asks for.
    /// </summary>
    private const int MaxPeriodsPerRun = MaxBackdatingMonths + 1;

    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private DateOnly EarliestStart => Today.AddMonths(-MaxBackdatingMonths);

    public async Task<Proto.Subscription> CreateAsync(Proto.CreateSubscriptionRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        var s = v.Resource("subscription", request.Subscription);
        v.Require("subscription.customer_id", s.CustomerId);
        if (s.Interval == Proto.BillingInterval.Unspecified || !System.Enum.IsDefined(s.Interval))
            v.Add("subscription.interval", "must be MONTHLY, QUARTERLY or ANNUAL");
        var start = v.Date("subscription.start_date", s.StartDate, required: true);
        if (start < EarliestStart)
            v.Add("subscription.start_date", $"must be on or after {EarliestStart.ToText()}: a subscription starts at most {MaxBackdatingMonths} months back");
        if (s.Plans.Count != 1) v.Add("subscription.plans", "exactly one plan to start with; change it later with ChangeSubscription");
        Currency? currency = null;
        var plan = s.Plans.Count == 1 ? ParsePlan(v, "subscription.plans[0]", s.Plans[0], requireText: true, out currency) : null;
        v.ThrowIfInvalid();

        return await commands.ExecuteAsync("CreateSubscription", request.RequestId, request, async token =>
        {
            var customer = await db.Customers.FindAsync([s.CustomerId], token) ?? throw new NotFoundException("customer", s.CustomerId);
            plan!.EffectiveFrom = start!.Value;
            var subscription = new Subscription
            {
                Id = Ulid.NewUlid().ToString(), CustomerId = customer.Id, Currency = currency!.Code, Interval = (BillingInterval)(int)s.Interval,
                StartDate = start.Value, Plans = [plan], CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            db.Subscriptions.Add(subscription);
            var created = ToProto(subscription);
            commands.Audit("subscription", subscription.Id, null, created);
            return created;
        }, ct);
    }

    public async Task<Proto.Subscription> GetAsync(string id, CancellationToken ct) =>
        ToProto(await db.Subscriptions.AsNoTracking().FirstOrDefaultAsync(s => s.Id == id, ct) ?? throw new NotFoundException("subscription", id));

    public async Task<Proto.SubscriptionChange> ChangeAsync(Proto.ChangeSubscriptionRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.Require("id", request.Id).RequestId(request.RequestId);
        var wire = v.Resource("plan", request.Plan);
        var effective = v.Date("plan.effective_from", wire.EffectiveFrom, required: true);
        var plan = ParsePlan(v, "plan", wire, requireText: false, out var currency);
        v.ThrowIfInvalid();

        return await commands.ExecuteAsync("ChangeSubscription", request.RequestId, request, async token =>
        {
            var subscription = await db.Subscriptions.FirstOrDefaultAsync(s => s.Id == request.Id, token)
                               ?? throw new NotFoundException("subscription", request.Id);
            var currentPeriod = Proration.PeriodStart(Today, subscription.Interval);
            if (effective < currentPeriod || effective < subscription.StartDate)
                throw new RequestValidationException([new FieldViolation("plan.effective_from",
                    $"must be on or after {(currentPeriod > subscription.StartDate ? currentPeriod : subscription.StartDate).ToText()}: earlier periods are closed to changes")]);
            if (currency!.Code != subscription.Currency)
                throw new RequestValidationException([new FieldViolation("plan.unit_price.currency", $"the subscription bills in {subscription.Currency}")]);
            var before = ToProto(subscription);
            var previous = subscription.Plans.OrderBy(p => p.EffectiveFrom).Last(p => p.EffectiveFrom <= effective!.Value);
            plan.EffectiveFrom = effective!.Value;
            if (plan.Description.Length == 0) plan.Description = previous.Description;
            if (plan.ProductCode.Length == 0) plan.ProductCode = previous.ProductCode;
            var oldPlans = subscription.Plans.ToList();
            subscription.Plans.RemoveAll(p => p.EffectiveFrom >= plan.EffectiveFrom);
            subscription.Plans.Add(plan);
            subscription.Version++;

            var change = new Proto.SubscriptionChange();
            if (subscription.BilledThrough is { } billed && billed >= plan.EffectiveFrom)
                await SettleBilledDaysAsync(subscription, oldPlans, plan.EffectiveFrom, billed, change, token);
            change.Subscription = ToProto(subscription);
            commands.Audit("subscription", subscription.Id, before, change.Subscription);
            return change;
        }, ct);
    }

    /// <summary>The days from the change to the end of what was billed, priced under both plans; the difference settled now.</summary>
    private async Task SettleBilledDaysAsync(Subscription subscription, List<SubscriptionPlan> oldPlans, DateOnly from, DateOnly to,
        Proto.SubscriptionChange change, CancellationToken ct)
    {
        var currency = Currency.Of(subscription.Currency);
        var customer = await db.Customers.FirstAsync(c => c.Id == subscription.CustomerId, ct);
        decimal Gross(IReadOnlyList<PlanSegment> segments) =>
            segments.Sum(s => s.Amount + currency.Round(s.Amount * s.Plan.TaxRatePercent / 100m));
        var before = Proration.Segments(oldPlans, from, to, subscription.Interval, currency);
        var after = Proration.Segments(subscription.Plans, from, to, subscription.Interval, currency);
        var net = after.Sum(s => s.Amount) - before.Sum(s => s.Amount);
        var gross = Gross(after) - Gross(before);
        var days = $"{from.ToText()} to {to.ToText()}";
        change.ProrationAmount = MoneyMapping.ToProto(gross, currency.Code);
        if (net > 0m)
        {
            var plan = subscription.Plans.Last();
            var invoice = await invoices.RaiseAsync(new NewInvoice(customer.Id, from, "", currency,
                [new NewInvoiceLine($"{plan.Description}: change to {Format(plan.Quantity)} × {Format(plan.UnitPrice)} for {days}", plan.ProductCode,
                    new LineInput(1m, net, 0m, plan.TaxRatePercent))]), customer, InvoiceKind.Subscription, ct);
            change.ProrationInvoiceId = invoice.Id;
        }
        else if (gross < 0m)
        {
            var memo = await credits.CreditContractuallyAsync(customer, currency.Code, -gross,
                $"Subscription {subscription.Id} reduced for {days}", ct);
            change.ProrationCreditMemoId = memo.Id;
        }
    }

    public async Task<Proto.RunRecurringBillingResponse> RunAsync(Proto.RunRecurringBillingRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        var asOf = v.Date("as_of", request.AsOf) ?? Today;
        if (asOf > Today) v.Add("as_of", "must not be in the future");
        v.ThrowIfInvalid();

        return await commands.ExecuteAsync("RunRecurringBilling", request.RequestId, request, async token =>
        {
            var due = await db.Subscriptions
                .Where(s => s.BilledThrough == null ? s.StartDate <= asOf : s.BilledThrough < asOf)
                .ToListAsync(token);
            var customers = await CustomersAsync(due.Select(s => s.CustomerId), token);
            var response = new Proto.RunRecurringBillingResponse();
            foreach (var subscription in due)
            {
                var billed = 0;
                for (var next = subscription.NextToBill; next <= asOf; next = subscription.NextToBill)
                {
                    if (billed++ == MaxPeriodsPerRun)
                    {
                        response.SubscriptionsBehind.Add(subscription.Id);
                        break;
                    }
                    var end = Proration.PeriodEnd(next, subscription.Interval);
                    var currency = Currency.Of(subscription.Currency);
                    var lines = Proration.Segments(subscription.Plans, next, end, subscription.Interval, currency)
                        .Where(s => s.Amount > 0m)
                        .Select(s => new NewInvoiceLine(Describe(s), s.Plan.ProductCode, new LineInput(1m, s.Amount, 0m, s.Plan.TaxRatePercent)))
                        .ToList();
                    if (lines.Count > 0)
                    {
                        var customer = customers[subscription.CustomerId];
                        var invoice = await invoices.RaiseAsync(new NewInvoice(customer.Id, next, "", currency, lines), customer, InvoiceKind.Subscription, token);
                        response.InvoiceIds.Add(invoice.Id);
                    }
                    subscription.BilledThrough = end;
                    subscription.Version++;
                }
            }
            return response;
        }, ct);
    }

    private async Task<Dictionary<string, Customer>> CustomersAsync(IEnumerable<string> ids, CancellationToken ct)
    {
        var wanted = ids.Distinct().ToList();
        return await db.Customers.Where(c => wanted.Contains(c.Id)).ToDictionaryAsync(c => c.Id, ct);
    }

    /// <summary>"Gold seats × 3, 2026-11-10 to 2026-11-30 (21 of 30 days)"; a full period needs no fraction.</summary>
    private static string Describe(PlanSegment s) =>
        $"{s.Plan.Description} × {Format(s.Plan.Quantity)}, {s.From.ToText()} to {s.To.ToText()}" +
        (s.IsFullPeriod ? "" : $" ({s.Days} of {s.PeriodDays} days)");

    private static string Format(decimal value) => value.ToString("0.####", CultureInfo.InvariantCulture);

    private static SubscriptionPlan ParsePlan(Validator v, string field, Proto.SubscriptionPlan plan, bool requireText, out Currency? currency)
    {
        if (requireText) v.Require(field + ".description", plan.Description);
        v.MaxLength(field + ".description", plan.Description, 200).MaxLength(field + ".product_code", plan.ProductCode, 64);
        var quantity = v.Decimal(field + ".quantity", plan.Quantity, required: true);
        if (quantity < 0m) v.Add(field + ".quantity", "must not be negative (0 pauses the subscription)");
        var price = v.Money(field + ".unit_price", plan.UnitPrice, maxDecimals: InvoiceRequests.UnitPriceDecimals);
        if (price is { } p && p.Amount < 0m) v.Add(field + ".unit_price.amount", "must not be negative");
        var tax = v.Percent(field + ".tax_rate_percent", plan.TaxRatePercent);
        currency = price?.Currency;
        return new SubscriptionPlan
        {
            Description = CardNumbers.Mask(plan.Description.Trim()), ProductCode = plan.ProductCode.Trim(),
            Quantity = quantity ?? 0m, UnitPrice = price?.Amount ?? 0m, TaxRatePercent = tax,
        };
    }

    private static Proto.Subscription ToProto(Subscription s) => new()
    {
        Id = s.Id,
        CustomerId = s.CustomerId,
        Interval = (Proto.BillingInterval)(int)s.Interval,
        StartDate = s.StartDate.ToText(),
        Plans =
        {
            s.Plans.OrderBy(p => p.EffectiveFrom).Select(p => new Proto.SubscriptionPlan
            {
                EffectiveFrom = p.EffectiveFrom.ToText(), Description = p.Description, ProductCode = p.ProductCode,
                Quantity = Format(p.Quantity), UnitPrice = MoneyMapping.ToProtoPrice(p.UnitPrice, s.Currency),
                TaxRatePercent = Format(p.TaxRatePercent),
            }),
        },
        BilledThrough = s.BilledThrough.ToText(),
        CreateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(s.CreatedAt, DateTimeKind.Utc)),
    };
}
