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
    public async Task A_promise_more_than_a_year_ahead_is_refused_on_its_date()
    {
        var customer = await _world.CustomerAsync();
        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => PromiseAsync(customer.Id, "100.00", "9999-12-31"));
        Assert.Equal(["promise.promised_date"], status.FieldViolations());
        await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => PromiseAsync(customer.Id, "100.00", "2027-12-01"));
        Assert.Equal(PromiseStatus.Open, (await PromiseAsync(customer.Id, "100.00", "2027-11-30")).Status); // today + 1 year
    }

    [Fact]
    public async Task Records_stored_before_the_bounds_neither_stop_a_run_nor_keep_an_account_out_of_dunning()
    {
        // As a collector could store them before promised dates were bounded, and as no API can:
        // a promise for 9999-12-31 and a plan whose decision cannot be computed.
        var promising = await _world.CustomerAsync("c-1");
        var promised = await _world.InvoiceAsync(promising.Id, "i-1");
        var planning = await _world.CustomerAsync("c-2");
        var planned = await _world.InvoiceAsync(planning.Id, "i-2");
        await _world.PayAsync(planned.Id, "1.00", "2026-11-30", "pay-1");
        var healthy = await _world.CustomerAsync("c-3");
        var dunned = await _world.InvoiceAsync(healthy.Id, "i-3");
        await _world.Collections.QueryAsync(db =>
        {
            db.Promises.Add(new Promises.PromiseToPay
            {
                Id = "01FARPROMISE", CustomerId = promising.Id, Currency = "USD", Amount = 324.75m, PromisedDate = DateOnly.MaxValue,
                CreatedBy = "cole", MadeOn = new DateOnly(2026, 11, 30),
            });
            db.Plans.Add(new Promises.PaymentPlan
            {
                Id = "01BADPLAN", CustomerId = planning.Id, Currency = "USD", CreatedBy = "cole", MadeOn = new DateOnly(2026, 11, 30),
                Instalments = [new Promises.PlanInstalment { DueDate = new DateOnly(2026, 12, 10), Amount = decimal.MinValue }],
            });
            return db.SaveChangesAsync();
        });

        var preview = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30", DryRun = true });
        var run = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" });

        Assert.Equal(preview.Skipped, run.Skipped);
        // The far promise still covers its account (it is open, not broken); the plan that cannot be
        // decided is reported and covers nothing; the third account is dunned as ever.
        Assert.Contains(run.Skipped, s => (s.InvoiceId, s.Reason) == (promised.Id, SkipReason.PromiseToPay));
        var undecided = Assert.Single(run.Skipped, s => s.Reason == SkipReason.Undecidable);
        Assert.Equal(planning.Id, undecided.CustomerId);
        Assert.StartsWith("payment-plans/01BADPLAN: ", undecided.Detail);
        Assert.Equal([planned.Id, dunned.Id], run.Actions.Select(a => a.InvoiceId).Order(StringComparer.Ordinal));
        Assert.Equal(2, run.SkippedCount);
    }

    [Fact]
    public async Task A_cancelled_promise_no_longer_keeps_the_account_out_of_dunning()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);
        var promise = await PromiseAsync(customer.Id, "324.75", "2026-12-10");
        var cancel = new CancelPromiseToPayRequest { Id = promise.Id, RequestId = "cancel-1", Reason = "customer withdrew it on the phone" };
        using var http = _world.Collections.JsonClient("cole", ServiceDefaults.Security.Roles.Collector);

        using var response = await http.PostAsync($"/v1/collections/promises/{promise.Id}:cancel", new StringContent(
            """{ "requestId": "cancel-1", "reason": "customer withdrew it on the phone" }""", System.Text.Encoding.UTF8, "application/json"));
        var cancelled = await _world.Collections.Collector.CancelPromiseToPayAsync(cancel); // the same request again: its answer replayed
        var again = await _world.Collections.Manager.CancelPromiseToPayAsync(new CancelPromiseToPayRequest { Id = promise.Id, RequestId = "cancel-2", Reason = "twice" });

        Assert.Equal((PromiseStatus.Cancelled, "cole", "customer withdrew it on the phone", "2026-11-30"),
            (cancelled.Status, cancelled.CancelledBy, cancelled.CancelReason, cancelled.DecidedOn));
        Assert.True(response.IsSuccessStatusCode, await response.Content.ReadAsStringAsync());
        Assert.Equal(cancelled, again);
        var run = await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest { AsOf = "2026-11-30" });
        Assert.Equal(invoice.Id, Assert.Single(run.Actions).InvoiceId);
        var audited = await _world.Collections.ClientAs("carl", ServiceDefaults.Security.Roles.Controller).ListAuditEntriesAsync(
            new Contracts.Common.V1.ListAuditEntriesRequest { EntityType = "promise", EntityId = promise.Id });
        // Created and cancelled once, however often it was asked.
        Assert.Equal(["CancelPromiseToPay", "CreatePromiseToPay"], audited.Entries.Select(e => e.Operation).Order(StringComparer.Ordinal));
        var kpis = await _world.Collections.Manager.GetKpisAsync(new GetKpisRequest { PeriodStart = "2026-11-01", PeriodEnd = "2026-11-30" });
        Assert.Equal((0, ""), (kpis.PromisesDecided, kpis.PromiseKeptRate));
    }

    [Fact]
    public async Task Only_an_open_promise_of_the_callers_portfolio_can_be_cancelled_and_only_with_a_reason()
    {
        var customer = await _world.CustomerAsync();
        var invoice = await _world.InvoiceAsync(customer.Id);
        var promise = await PromiseAsync(customer.Id, "100.00", "2026-12-05");

        var unexplained = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Collections.Collector.CancelPromiseToPayAsync(
            new CancelPromiseToPayRequest { Id = promise.Id, RequestId = "c-1" }).ResponseAsync);
        Assert.Equal(["reason"], unexplained.FieldViolations());
        await GrpcAssert.FailsWith(StatusCode.NotFound, () => _world.Collections.ClientAs("other", ServiceDefaults.Security.Roles.Collector).CancelPromiseToPayAsync(
            new CancelPromiseToPayRequest { Id = promise.Id, RequestId = "c-2", Reason = "not mine" }).ResponseAsync);
        await _world.PayAsync(invoice.Id, "100.00", "2026-12-02", "pay-1");
        _world.SetToday(new DateOnly(2026, 12, 2));
        await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest());
        var decided = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _world.Collections.Collector.CancelPromiseToPayAsync(
            new CancelPromiseToPayRequest { Id = promise.Id, RequestId = "c-3", Reason = "too late" }).ResponseAsync);
        Assert.Equal("PROMISE_DECIDED", decided.GetDetail<Google.Rpc.PreconditionFailure>()!.Violations[0].Type);
        Assert.Equal(PromiseStatus.Kept, Assert.Single((await _world.Collections.Collector.ListPromisesToPayAsync(
            new ListPromisesToPayRequest { CustomerId = customer.Id })).Promises).Status);
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
