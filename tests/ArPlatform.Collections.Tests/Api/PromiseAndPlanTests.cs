using ArPlatform.Contracts.Collections.V1;
using Grpc.Core;

namespace ArPlatform.Collections.Tests.Api;

public sealed class PromiseAndPlanTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private Task<PromiseToPay> PromiseAsync(string customerId, string amount, string date) =>
        _world.Collections.Collector.CreatePromiseToPayAsync(new CreatePromiseToPayRequest
        {
            RequestId = $"p-{date}", Promise = new PromiseToPay { CustomerId = customerId, Amount = Requests.Usd(amount), PromisedDate = date },
        }).ResponseAsync;

    [Fact]
    public async Task A_promise_paid_in_billing_is_kept()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);
        await PromiseAsync(customer.Id, "300.00", "2026-12-05");
        await _world.PayAsync(invoice.Id, "300.00", "2026-12-02", "pay-1");
        _world.SetToday(new DateOnly(2026, 12, 2));

        var run = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest());

        Assert.Equal(1, run.PromisesKept);
        var promise = Assert.Single((await _world.Collections.Collector.ListPromisesToPayAsync(new ListPromisesToPayRequest { CustomerId = customer.Id })).Promises);
        Assert.Equal((PromiseStatus.Kept, "300.00", "2026-12-02"), (promise.Status, promise.Paid.Amount, promise.DecidedOn));
    }

    [Fact]
    public async Task A_broken_promise_puts_the_account_back_into_dunning_and_at_the_top_of_the_worklist()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);
        await PromiseAsync(customer.Id, "300.00", "2026-12-01");
        await _world.PayAsync(invoice.Id, "100.00", "2026-12-01", "pay-1");
        _world.SetToday(new DateOnly(2026, 12, 4)); // past the two grace days

        var run = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest());

        Assert.Equal((1, 1), (run.PromisesBroken, run.ActionsTaken));
        var row = Assert.Single((await _world.Collections.Collector.GetWorklistAsync(new GetWorklistRequest())).Rows);
        Assert.Equal("CALL: promise of 200 USD due 2026-12-01 was broken", row.NextAction);
        Assert.Equal(("224.75", 34), (row.PastDue.Amount, row.DaysLate));
    }

    [Fact]
    public async Task A_plan_keeps_dunning_away_until_an_instalment_is_missed()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);
        var plan = await _world.Collections.Collector.CreatePaymentPlanAsync(new CreatePaymentPlanRequest
        {
            RequestId = "plan-1",
            Plan = new PaymentPlan
            {
                CustomerId = customer.Id,
                Instalments =
                {
                    new Instalment { DueDate = "2026-12-10", Amount = Requests.Usd("150.00") },
                    new Instalment { DueDate = "2027-01-10", Amount = Requests.Usd("174.75") },
                },
            },
        });
        Assert.Equal(("324.75", PaymentPlanStatus.Active), (plan.Total.Amount, plan.Status));

        var during = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest());
        Assert.Equal((0, SkipReason.PaymentPlan), (during.ActionsTaken, Assert.Single(during.Skipped).Reason));

        await _world.PayAsync(invoice.Id, "150.00", "2026-12-09", "pay-1");
        _world.SetToday(new DateOnly(2027, 1, 13));
        var after = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest());
        Assert.Equal((1, 1), (after.PlansDefaulted, after.ActionsTaken));
        var reloaded = await _world.Collections.Collector.GetPaymentPlanAsync(new GetPaymentPlanRequest { Id = plan.Id });
        Assert.Equal(["PAID", "MISSED"], reloaded.Instalments.Select(i => i.State));
    }

    [Fact]
    public async Task A_promise_must_be_in_the_customers_currency_and_not_in_the_past()
    {
        var customer = await _world.CustomerAsync();
        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => PromiseAsync(customer.Id, "0", "2026-11-01"));
        Assert.Equal(["promise.amount.amount", "promise.promised_date"], status.FieldViolations());
        var euros = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Collections.Collector.CreatePromiseToPayAsync(new CreatePromiseToPayRequest
        {
            RequestId = "p-eur", Promise = new PromiseToPay { CustomerId = customer.Id, Amount = new() { Currency = "EUR", Amount = "5.00" }, PromisedDate = "2026-12-10" },
        }).ResponseAsync);
        Assert.Equal(["promise.amount.currency"], euros.FieldViolations());
    }

    [Fact]
    public async Task Activities_are_recorded_with_card_numbers_masked()
    {
        var customer = await _world.CustomerAsync();
        await _world.Collections.Collector.RecordActivityAsync(new RecordActivityRequest
        {
            RequestId = "a-1",
            Activity = new Activity { CustomerId = customer.Id, Type = ActivityType.Call, Text = "Will pay by card 4111 1111 1111 1111 on Friday" },
        });
        var listed = Assert.Single((await _world.Collections.Collector.ListActivitiesAsync(new ListActivitiesRequest { CustomerId = customer.Id })).Activities);
        Assert.DoesNotContain("4111 1111 1111 1111", listed.Text);
        Assert.Equal("cole", listed.Actor);
    }
}
