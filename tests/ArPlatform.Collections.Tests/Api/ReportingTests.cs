using ArPlatform.Contracts.Collections.V1;
using ArPlatform.ServiceDefaults.Security;
using Google.Rpc;
using Grpc.Core;

namespace ArPlatform.Collections.Tests.Api;

/// <summary>
/// KPIs, allowance, forecast and worklist over one account: an invoice of 324.75 USD issued
/// 1 October (due 31 October), 100.00 of it paid 5 November (5 days late); today 30 November.
/// </summary>
public sealed class ReportingTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new();
    private string _customerId = "";
    private string _invoiceId = "";

    public async Task InitializeAsync()
    {
        var customer = await _world.CustomerAsync();
        _customerId = customer.Id;
        var invoice = await _world.InvoiceAsync(customer.Id);
        _invoiceId = invoice.Id;
        await _world.PayAsync(invoice.Id, "100.00", "2026-11-05", "pay-1");
    }

    public async Task DisposeAsync() => await _world.DisposeAsync();

    [Fact]
    public async Task Kpis_follow_the_formulas_over_billings_figures()
    {
        var kpis = await _world.Collections.Manager.GetKpisAsync(new GetKpisRequest { PeriodStart = "2026-10-01", PeriodEnd = "2026-11-30" });

        // 61 days; beginning 0, credit sales 324.75, ending 224.75, none of it current.
        // DSO = (0 + 224.75) / 2 / 324.75 × 61 = 21.11; BPDSO = 0; ADD = 21.1
        // CEI = (0 + 324.75 − 224.75) / (0 + 324.75 − 0) × 100 = 30.79
        var usd = Assert.Single(kpis.Currencies);
        Assert.Equal((61, "SIMPLE"), (kpis.DaysInPeriod, kpis.DsoMethod));
        Assert.Equal(("21.1", "0.0", "21.1", "30.8", "0.0", "0.0"),
            (usd.Dso, usd.BestPossibleDso, usd.AverageDaysDelinquent, usd.Cei, usd.PercentCurrent, usd.BadDebtPercent));
        Assert.Equal(("0.00", "324.75", "100.00", "224.75"), (usd.BeginningAr.Amount, usd.CreditSales.Amount, usd.Collected.Amount, usd.EndingAr.Amount));
        // Countback: 224.75 of November's sales (none) then October's 324.75 over 31 days: 30 + 224.75 / 324.75 × 31 = 51.45
        Assert.Equal("51.5", usd.CountbackDso);
        Assert.Equal(usd.Dso, kpis.Dso);
    }

    [Fact]
    public async Task The_headline_is_in_the_functional_currency_not_a_quiet_one_that_sorts_first()
    {
        // An AUD account settled in September: in November its row is all zeros, and AUD sorts before USD.
        var aud = await _world.Billing.Client.CreateCustomerAsync(Requests.Customer("c-aud", currency: "AUD"));
        var invoice = Requests.Invoice(aud.Id, "i-aud", invoiceDate: "2026-09-01");
        invoice.Invoice.Lines[0].UnitPrice.Currency = "AUD";
        var issued = await _world.Billing.Client.CreateInvoiceAsync(invoice);
        await _world.Billing.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new Contracts.Billing.V1.ApplyPaymentRequest
        {
            RequestId = "pay-aud", PaymentReference = "pay-aud", AppliedOn = "2026-09-15",
            Allocations = { new Contracts.Billing.V1.PaymentAllocation { InvoiceId = issued.Id, Amount = new() { Currency = "AUD", Amount = issued.Total.Amount } } },
        });

        var kpis = await _world.Collections.Manager.GetKpisAsync(new GetKpisRequest { PeriodStart = "2026-11-01", PeriodEnd = "2026-11-30" });

        Assert.Equal(["AUD", "USD"], kpis.Currencies.Select(c => c.Currency));
        var usd = kpis.Currencies[1];
        Assert.Equal("USD", kpis.HeadlineCurrency);
        Assert.Equal((usd.Dso, usd.Cei, usd.PercentCurrent), (kpis.Dso, kpis.Cei, kpis.PercentCurrent));
        Assert.Equal("30.8", kpis.Cei);
        var audOnly = await _world.Collections.Manager.GetKpisAsync(new GetKpisRequest { PeriodStart = "2026-11-01", PeriodEnd = "2026-11-30", Currency = "AUD" });
        Assert.Equal(("AUD", ""), (audOnly.HeadlineCurrency, audOnly.Cei));
    }

    [Fact]
    public async Task A_collector_sees_kpis_and_the_forecast_of_their_own_portfolio_and_a_manager_the_company()
    {
        var request = Requests.Customer("c-other");
        request.Customer.Collector = "olga";
        var others = await _world.Billing.Client.CreateCustomerAsync(request);
        await _world.InvoiceAsync(others.Id, "i-other", "2026-11-10"); // 324.75 more in November, due 10 December
        var november = new GetKpisRequest { PeriodStart = "2026-11-01", PeriodEnd = "2026-11-30" };

        var company = Assert.Single((await _world.Collections.Manager.GetKpisAsync(november)).Currencies);
        var cole = Assert.Single((await _world.Collections.Collector.GetKpisAsync(november)).Currencies);
        var coleForecast = await _world.Collections.Collector.GetCashForecastAsync(new GetCashForecastRequest { Weeks = 4, PastWeeks = 4 });
        var companyForecast = await _world.Collections.Manager.GetCashForecastAsync(new GetCashForecastRequest { Weeks = 4 });

        Assert.Equal(("324.75", "549.50"), (company.CreditSales.Amount, company.EndingAr.Amount));
        Assert.Equal(("0.00", "224.75", "100.00"), (cole.CreditSales.Amount, cole.EndingAr.Amount, cole.Collected.Amount));
        // Cole's 224.75 is all that is open of his; Olga's 324.75 is in the company's forecast only.
        Assert.Equal(224.75m, Expected(coleForecast.Weeks.Where(w => w.Actual is null)));
        Assert.Equal(549.50m, Expected(companyForecast.Weeks));
        Assert.Equal("100.00", coleForecast.Weeks.Single(w => w.WeekStart == "2026-11-02").Actual.Amount);
    }

    private static decimal Expected(IEnumerable<ForecastWeek> weeks) =>
        weeks.Sum(w => decimal.Parse(w.Expected.Amount, System.Globalization.CultureInfo.InvariantCulture));

    [Fact]
    public async Task A_period_starting_mid_month_reads_the_same_figures_from_billing()
    {
        var kpis = await _world.Collections.Manager.GetKpisAsync(new GetKpisRequest { PeriodStart = "2026-10-15", PeriodEnd = "2026-11-30" });

        // Issued 1 October, before the period: no credit sales in it, so the sales-based KPIs are undefined.
        var usd = Assert.Single(kpis.Currencies);
        Assert.Equal(("324.75", "0.00", "100.00", "224.75"), (usd.BeginningAr.Amount, usd.CreditSales.Amount, usd.Collected.Amount, usd.EndingAr.Amount));
        Assert.Equal(("", "30.8"), (usd.Dso, usd.Cei));
    }

    [Fact]
    public async Task The_allowance_is_booked_by_a_controller_and_the_next_adjustment_is_what_changed()
    {
        var calculated = await _world.Collections.Manager.CalculateAllowanceAsync(new CalculateAllowanceRequest { AsOf = "2026-11-30" });
        var usd = Assert.Single(calculated.Currencies);
        // 224.75 is 30 days past due (1–30): 3 % = 6.7425 → 6.74
        Assert.Equal(("6.74", "0.00", "6.74"), (usd.Required.Amount, usd.Booked.Amount, usd.Adjustment.Amount));

        var denied = await GrpcAssert.FailsWith(StatusCode.PermissionDenied, () => _world.Collections.Manager.CalculateAllowanceAsync(
            new CalculateAllowanceRequest { AsOf = "2026-11-30", Book = true, RequestId = "b-1" }).ResponseAsync);
        Assert.Equal("CONTROLLER_ONLY", denied.GetDetail<ErrorInfo>()!.Reason);
        var controller = _world.Collections.ClientAs("carl", Roles.Controller);
        var booked = await controller.CalculateAllowanceAsync(new CalculateAllowanceRequest { AsOf = "2026-11-30", Book = true, RequestId = "b-2" });
        Assert.True(booked.Booked);

        var afterwards = await controller.CalculateAllowanceAsync(new CalculateAllowanceRequest { AsOf = "2026-12-15" });
        // 45 days past due, 31 to 60: 10 % of 224.75 = 22.475 → 22.48; 6.74 booked → 15.74 more
        Assert.Equal(("22.48", "6.74", "15.74"), (afterwards.Currencies[0].Required.Amount, afterwards.Currencies[0].Booked.Amount, afterwards.Currencies[0].Adjustment.Amount));
    }

    [Fact]
    public async Task A_write_off_charged_to_the_allowance_since_it_was_booked_is_made_good_by_the_next_adjustment()
    {
        var writeOff = await _world.Collections.Collector.RequestWriteOffAsync(new RequestWriteOffRequest
        {
            RequestId = "w-1", WriteOff = new WriteOffRequest { InvoiceId = _invoiceId, Amount = Requests.Usd("24.75"), Reason = "short-paid, uncollectible" },
        });
        await _world.Collections.Manager.ApproveWriteOffAsync(new ApproveWriteOffRequest { Id = writeOff.Id, RequestId = "a-1" });
        await _world.PostWriteOffsAsync();

        var calculated = await _world.Collections.Manager.CalculateAllowanceAsync(new CalculateAllowanceRequest { AsOf = "2026-11-30" });

        // 200.00 left 30 days past due: 3 % = 6.00 required; nothing booked and 24.75 charged to the
        // allowance since, so the account is 24.75 in debit and the entry is 6.00 + 24.75.
        var usd = Assert.Single(calculated.Currencies);
        Assert.Equal(("6.00", "0.00", "24.75", "30.75"), (usd.Required.Amount, usd.Booked.Amount, usd.WrittenOffSince.Amount, usd.Adjustment.Amount));

        _world.SetToday(new DateOnly(2026, 12, 1));
        var controller = _world.Collections.ClientAs("carl", Roles.Controller);
        await controller.CalculateAllowanceAsync(new CalculateAllowanceRequest { AsOf = "2026-12-01", Book = true, RequestId = "b-1" });
        var afterBooking = Assert.Single((await controller.CalculateAllowanceAsync(new CalculateAllowanceRequest { AsOf = "2026-12-01" })).Currencies);
        // 31 days past due: 10 % of 200.00 booked; the write-off came before the booking.
        Assert.Equal(("20.00", "20.00", "0.00", "0.00"),
            (afterBooking.Required.Amount, afterBooking.Booked.Amount, afterBooking.WrittenOffSince.Amount, afterBooking.Adjustment.Amount));
    }

    [Fact]
    public async Task The_forecast_moves_invoices_by_the_customers_habit_and_counts_promises_as_committed()
    {
        await _world.Collections.Collector.CreatePromiseToPayAsync(new CreatePromiseToPayRequest
        {
            RequestId = "p-1", Promise = new PromiseToPay { CustomerId = _customerId, Amount = Requests.Usd("50.00"), PromisedDate = "2026-12-09" },
        });

        var forecast = await _world.Collections.Manager.GetCashForecastAsync(new GetCashForecastRequest { Weeks = 4 });

        // The customer pays 5 days late: the 174.75 not promised was expected 5 November, so this week.
        Assert.Equal(
            [("2026-11-30", "174.75", "0.00"), ("2026-12-07", "50.00", "50.00")],
            forecast.Weeks.Select(w => (w.WeekStart, w.Expected.Amount, w.Committed.Amount)));
    }

    [Fact]
    public async Task A_past_week_shows_what_was_forecast_beside_what_arrived()
    {
        _world.SetToday(new DateOnly(2026, 11, 1));
        await _world.Collections.Manager.GetCashForecastAsync(new GetCashForecastRequest { Weeks = 2 });
        _world.SetToday(new DateOnly(2026, 11, 30));

        var forecast = await _world.Collections.Manager.GetCashForecastAsync(new GetCashForecastRequest { Weeks = 1, PastWeeks = 4 });

        // Made on 1 November: the 224.75 open, due 31 October, from a customer 5 days late → the
        // week of 2 November. 100.00 arrived: 100 − 124.75 / 224.75 × 100 = 44.5 % accurate.
        var week = forecast.Weeks.Single(w => w.WeekStart == "2026-11-02");
        Assert.Equal(("100.00", "224.75", "44.5"), (week.Actual.Amount, week.Expected.Amount, week.AccuracyPercent));
        Assert.Equal("", forecast.Weeks.Single(w => w.WeekStart == "2026-11-09").AccuracyPercent);
    }

    [Fact]
    public async Task The_worklist_ranks_the_collectors_accounts_from_the_latest_run()
    {
        var quiet = await _world.CustomerAsync("c-2");
        await _world.InvoiceAsync(quiet.Id, "i-2", "2026-11-20");
        await _world.Collections.Manager.RunDunningAsync(new RunDunningRequest());

        var worklist = await _world.Collections.Collector.GetWorklistAsync(new GetWorklistRequest());

        Assert.Equal("2026-11-30", worklist.AsOf);
        var row = Assert.Single(worklist.Rows);
        Assert.Equal((_customerId, "224.75", 30, "cole"), (row.CustomerId, row.PastDue.Amount, row.DaysLate, row.Collector));
        // 10 points for 30 days late, 10 for the medium risk every account starts with, 0.22 for 224.75.
        Assert.Equal(["oldest invoice 30 days late", "medium risk", "224.75 USD past due"], row.Reasons);
        Assert.Equal("20.22", row.Score);
        Assert.Equal("DUNNING: CREDIT_HOLD on 2026-12-15", row.NextAction);
        Assert.Empty((await _world.Collections.ClientAs("other", Roles.Collector).GetWorklistAsync(new GetWorklistRequest { Collector = "cole" })).Rows);
    }
}
