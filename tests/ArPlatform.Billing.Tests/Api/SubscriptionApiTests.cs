using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using Grpc.Core;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Recurring invoices: prorated starts, catch-up runs that never bill twice, upgrades and downgrades in mid-period.</summary>
public sealed class SubscriptionApiTests : IDisposable
{
    // The host's clock says 2026-11-30.
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private async Task<Subscription> SubscribeAsync(string start = "2026-10-10", string quantity = "3")
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        return await _host.Client.CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            RequestId = "s-1",
            Subscription = new Subscription
            {
                CustomerId = customerId, Interval = BillingInterval.Monthly, StartDate = start,
                Plans = { new SubscriptionPlan { Description = "Gold seats", ProductCode = "GOLD", Quantity = quantity, UnitPrice = Requests.Usd("100.00") } },
            },
        });
    }

    private Task<Invoice> InvoiceAsync(string id) => _host.Client.GetInvoiceAsync(new GetInvoiceRequest { Id = id }).ResponseAsync;

    [Fact]
    public async Task A_run_bills_the_prorated_first_period_and_every_full_one_since_exactly_once()
    {
        var subscription = await SubscribeAsync();

        var first = await _host.Client.RunRecurringBillingAsync(new RunRecurringBillingRequest { RequestId = "run-1" });
        var again = await _host.Client.RunRecurringBillingAsync(new RunRecurringBillingRequest { RequestId = "run-2" });

        Assert.Equal(2, first.InvoiceIds.Count);
        var october = await InvoiceAsync(first.InvoiceIds[0]);
        var november = await InvoiceAsync(first.InvoiceIds[1]);
        // October: 3 × 100.00 × 22 / 31 = 212.90 (10th to 31st); November in full.
        Assert.Equal(("2026-10-10", "212.90", InvoiceKind.Subscription), (october.InvoiceDate, october.Subtotal.Amount, october.Kind));
        Assert.Equal("Gold seats × 3, 2026-10-10 to 2026-10-31 (22 of 31 days)", Assert.Single(october.Lines).Description);
        Assert.Equal(("2026-11-01", "300.00"), (november.InvoiceDate, november.Subtotal.Amount));
        Assert.Empty(again.InvoiceIds);
        Assert.Equal("2026-11-30", (await _host.Client.GetSubscriptionAsync(new GetSubscriptionRequest { Id = subscription.Id })).BilledThrough);
    }

    [Fact]
    public async Task An_upgrade_in_a_billed_period_invoices_the_days_left_and_the_next_period_bills_the_new_plan()
    {
        var subscription = await SubscribeAsync(start: "2026-11-01");
        await _host.Client.RunRecurringBillingAsync(new RunRecurringBillingRequest { RequestId = "run-1" });

        var change = await _host.Client.ChangeSubscriptionAsync(new ChangeSubscriptionRequest
        {
            Id = subscription.Id, RequestId = "ch-1",
            Plan = new SubscriptionPlan { EffectiveFrom = "2026-11-21", Quantity = "5", UnitPrice = Requests.Usd("100.00") },
        });

        // 10 days (21st to 30th) of 2 more seats: 2 × 100.00 × 10 / 30 = 66.67, plus 8.25 % tax on none (the plan has none).
        var proration = await InvoiceAsync(change.ProrationInvoiceId);
        Assert.Equal(("66.67", "2026-11-21"), (proration.Total.Amount, proration.InvoiceDate));
        Assert.Equal("", change.ProrationCreditMemoId);
        Assert.Equal(["3", "5"], change.Subscription.Plans.Select(p => p.Quantity));
        Assert.Equal("Gold seats", change.Subscription.Plans[1].Description);
    }

    [Fact]
    public async Task A_downgrade_in_a_billed_period_credits_the_days_left_on_account()
    {
        var subscription = await SubscribeAsync(start: "2026-11-01");
        await _host.Client.RunRecurringBillingAsync(new RunRecurringBillingRequest { RequestId = "run-1" });

        var change = await _host.Client.ChangeSubscriptionAsync(new ChangeSubscriptionRequest
        {
            Id = subscription.Id, RequestId = "ch-1",
            Plan = new SubscriptionPlan { EffectiveFrom = "2026-11-16", Quantity = "0", UnitPrice = Requests.Usd("100.00") },
        });

        // Paused from the 16th: 3 × 100.00 × 15 / 30 = 150.00 back on account.
        var credit = await _host.Client.GetCreditMemoAsync(new GetCreditMemoRequest { Id = change.ProrationCreditMemoId });
        Assert.Equal(("150.00", CreditMemoStatus.Posted, "", "150.00"), (credit.Amount.Amount, credit.Status, credit.InvoiceId, credit.UnappliedAmount.Amount));
        Assert.Equal("-150.00", change.ProrationAmount.Amount);
        var balance = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = subscription.CustomerId });
        Assert.Equal("150.00", balance.Balances.Single().Open.Amount);
    }

    [Fact]
    public async Task Changes_before_the_current_period_and_future_runs_are_refused()
    {
        var subscription = await SubscribeAsync();

        var past = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _host.Client.ChangeSubscriptionAsync(new ChangeSubscriptionRequest
        {
            Id = subscription.Id, RequestId = "ch-1",
            Plan = new SubscriptionPlan { EffectiveFrom = "2026-10-31", Quantity = "1", UnitPrice = Requests.Usd("100.00") },
        }).ResponseAsync);
        var future = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _host.Client.RunRecurringBillingAsync(
            new RunRecurringBillingRequest { RequestId = "run-1", AsOf = "2026-12-01" }).ResponseAsync);

        Assert.Equal(["plan.effective_from"], past.FieldViolations());
        Assert.Equal(["as_of"], future.FieldViolations());
        Assert.Single((await _host.Client.GetSubscriptionAsync(new GetSubscriptionRequest { Id = subscription.Id })).Plans);
    }
}
