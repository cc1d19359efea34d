using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>
/// Dates outside the business range (1900-01-01 to 2199-12-31) are field violations, never a
/// 500 from arithmetic at the calendar's ends; a subscription starts at most a year back, which
/// bounds what its first bill run catches up.
/// </summary>
public sealed class DateRangeTests : IDisposable
{
    // The host's clock says 2026-11-30.
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("1899-12-31")]
    [InlineData("9999-12-31")]
    public async Task An_invoice_dated_outside_the_business_range_is_a_field_violation(string invoiceDate)
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;

        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, invoiceDate: invoiceDate)).ResponseAsync);

        Assert.Equal(["invoice.invoice_date"], status.FieldViolations());
        Assert.Equal(0, await _host.CountAsync<Invoices.Invoice>());
    }

    [Fact]
    public async Task Reports_payments_and_periods_at_the_calendars_ends_are_field_violations()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        var invoice = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId));

        Assert.Equal(["as_of"], (await GrpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _host.Client.GetAgingReportAsync(new GetAgingReportRequest { AsOf = "0001-01-01" }).ResponseAsync)).FieldViolations());
        Assert.Equal(["applied_on"], (await GrpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _host.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new ApplyPaymentRequest
            {
                RequestId = "a-1", PaymentReference = "REF", AppliedOn = "0001-01-01",
                Allocations = { new PaymentAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("10.00") } },
            }).ResponseAsync)).FieldViolations());
        Assert.Equal(["period"], (await GrpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _host.ClientAs(Roles.Controller).ClosePeriodAsync(new ClosePeriodRequest { Period = "9999-12", RequestId = "close-1" }).ResponseAsync)).FieldViolations());
    }

    [Theory]
    [InlineData("0001-01-01")]
    [InlineData("2025-11-29")]
    public async Task A_subscription_starting_more_than_a_year_back_is_refused(string start)
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;

        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _host.Client.CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            RequestId = "s-1",
            Subscription = new Subscription
            {
                CustomerId = customerId, Interval = BillingInterval.Monthly, StartDate = start,
                Plans = { new SubscriptionPlan { Description = "Gold seats", Quantity = "1", UnitPrice = Requests.Usd("100.00") } },
            },
        }).ResponseAsync);

        Assert.Equal(["subscription.start_date"], status.FieldViolations());
    }

    [Fact]
    public async Task A_subscription_a_year_back_catches_up_thirteen_months_in_its_first_run()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        await _host.Client.CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            RequestId = "s-1",
            Subscription = new Subscription
            {
                CustomerId = customerId, Interval = BillingInterval.Monthly, StartDate = "2025-11-30",
                Plans = { new SubscriptionPlan { Description = "Gold seats", Quantity = "1", UnitPrice = Requests.Usd("100.00") } },
            },
        });

        var run = await _host.Client.RunRecurringBillingAsync(new RunRecurringBillingRequest { RequestId = "run-1" });

        // 30 November 2025 (prorated), then December 2025 to November 2026.
        Assert.Equal(13, run.InvoiceIds.Count);
    }

    [Fact]
    public async Task A_subscription_left_unbilled_for_two_years_catches_up_thirteen_periods_a_run_and_the_answer_says_it_is_behind()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        var subscription = await _host.Client.CreateSubscriptionAsync(new CreateSubscriptionRequest
        {
            RequestId = "s-1",
            Subscription = new Subscription
            {
                CustomerId = customerId, Interval = BillingInterval.Monthly, StartDate = "2026-11-01",
                Plans = { new SubscriptionPlan { Description = "Gold seats", Quantity = "1", UnitPrice = Requests.Usd("100.00") } },
            },
        });
        // Nobody ran billing since: two years on, 25 months are due.
        using var later = new BillingHost(redis: null, now: new DateTimeOffset(2028, 11, 30, 12, 0, 0, TimeSpan.Zero), databasePath: _host.DatabasePath);

        var first = await later.Client.RunRecurringBillingAsync(new RunRecurringBillingRequest { RequestId = "run-1" });
        var second = await later.Client.RunRecurringBillingAsync(new RunRecurringBillingRequest { RequestId = "run-2" });

        Assert.Equal(13, first.InvoiceIds.Count);
        Assert.Equal([subscription.Id], first.SubscriptionsBehind);
        Assert.Equal((12, 0), (second.InvoiceIds.Count, second.SubscriptionsBehind.Count));
    }
}
