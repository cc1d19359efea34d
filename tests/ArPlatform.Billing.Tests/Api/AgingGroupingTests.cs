using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Aging cut every way AR looks at it, and totals reported in a functional currency.</summary>
public sealed class AgingGroupingTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private async Task<string> CustomerAsync(string requestId, string collector, string segment, string currency = "USD")
    {
        var request = Requests.Customer(requestId, currency);
        request.Customer.Collector = collector;
        request.Customer.Segment = segment;
        return (await _host.Client.CreateCustomerAsync(request)).Id;
    }

    /// <summary>Two lines: hardware 100.00 and services 300.00 (no tax), total 400.00.</summary>
    private async Task<Invoice> InvoiceAsync(string customerId, string requestId, string salesRep, string currency = "USD")
    {
        Money Price(string amount) => new() { Currency = currency, Amount = amount };
        return await _host.Client.CreateInvoiceAsync(new CreateInvoiceRequest
        {
            RequestId = requestId,
            Issue = true,
            Invoice = new Invoice
            {
                CustomerId = customerId, InvoiceDate = "2026-10-01", SalesRep = salesRep,
                Lines =
                {
                    new InvoiceLine { Description = "Router", Quantity = "1", UnitPrice = Price("100.00"), ProductCode = "HW" },
                    new InvoiceLine { Description = "Setup", Quantity = "1", UnitPrice = Price("300.00"), ProductCode = "SVC" },
                },
            },
        });
    }

    private Task<AgingReport> AgingAsync(AgingGroupBy groupBy, string reportCurrency = "") =>
        _host.Client.GetAgingReportAsync(new GetAgingReportRequest { AsOf = "2026-11-30", GroupBy = groupBy, ReportCurrency = reportCurrency }).ResponseAsync;

    [Fact]
    public async Task Aging_groups_by_collector_segment_and_sales_rep_with_unassigned_kept_in_the_totals()
    {
        var ana = await CustomerAsync("c-1", "ana", "enterprise");
        var nobody = await CustomerAsync("c-2", "", "smb");
        await InvoiceAsync(ana, "i-1", "sam");
        await InvoiceAsync(nobody, "i-2", "");

        var byCollector = await AgingAsync(AgingGroupBy.Collector);
        var bySegment = await AgingAsync(AgingGroupBy.Segment);
        var byRep = await AgingAsync(AgingGroupBy.SalesRep);

        Assert.Equal(["UNASSIGNED", "ana"], byCollector.Rows.Select(r => r.Key));
        Assert.Equal(["ENTERPRISE", "SMB"], bySegment.Rows.Select(r => r.Key));
        Assert.Equal(["UNASSIGNED", "sam"], byRep.Rows.Select(r => r.Key));
        // Due 2026-10-31: 30 days past due on 2026-11-30.
        Assert.All(byRep.Rows, r => Assert.Equal("400.00", r.Days1To30.Amount));
        Assert.Equal("800.00", Assert.Single(byCollector.Totals).Total.Amount);
    }

    [Fact]
    public async Task A_collector_reads_the_roll_forward_of_their_portfolio_and_a_service_may_ask_for_one_collectors()
    {
        var ana = await CustomerAsync("c-1", "ana", "enterprise");
        var bob = await CustomerAsync("c-2", "bob", "smb");
        await InvoiceAsync(ana, "i-1", "sam");
        await InvoiceAsync(bob, "i-2", "sam");
        await InvoiceAsync(bob, "i-3", "sam");
        var october = new GetArRollForwardRequest { FromDate = "2026-10-01", ToDate = "2026-10-31" };

        var asAna = await _host.ClientFor("ana", Roles.Collector).GetArRollForwardAsync(october);
        var anaNamingBob = await _host.ClientFor("ana", Roles.Collector).GetArRollForwardAsync(new GetArRollForwardRequest(october) { Collector = "bob" });
        var forBob = await _host.ClientAs(Roles.Service).GetArRollForwardAsync(new GetArRollForwardRequest(october) { Collector = "bob" });
        var agingForBob = await _host.ClientAs(Roles.Service).GetAgingReportAsync(
            new GetAgingReportRequest { AsOf = "2026-11-30", GroupBy = AgingGroupBy.Currency, Collector = "bob" });
        var everyone = await _host.Client.GetArRollForwardAsync(october);

        Assert.Equal("400.00", Assert.Single(asAna.Rows).Billed.Amount);
        Assert.Equal("400.00", Assert.Single(anaNamingBob.Rows).Billed.Amount);
        Assert.Equal("800.00", Assert.Single(forBob.Rows).Billed.Amount);
        Assert.Equal("800.00", Assert.Single(agingForBob.Totals).Total.Amount);
        Assert.Equal("1200.00", Assert.Single(everyone.Rows).Billed.Amount);
    }

    [Fact]
    public async Task Aging_by_product_line_shares_each_open_amount_by_the_lines_gross_and_still_ties()
    {
        var customer = await CustomerAsync("c-1", "ana", "smb");
        var invoice = await InvoiceAsync(customer, "i-1", "sam");
        // 100.01 paid: 299.99 open, shared 1:3 → 75.00 hardware (rounded) and the rest to services.
        await _host.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new ApplyPaymentRequest
        {
            RequestId = "a-1", PaymentReference = "REF", AppliedOn = "2026-11-01",
            Allocations = { new PaymentAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("100.01") } },
        });

        var report = await AgingAsync(AgingGroupBy.ProductLine);

        Assert.Equal([("HW", "75.00"), ("SVC", "224.99")], report.Rows.Select(r => (r.Key, r.Total.Amount)));
        Assert.Equal("299.99", Assert.Single(report.Totals).Total.Amount);
    }

    [Fact]
    public async Task Totals_in_a_functional_currency_use_the_latest_rate_on_or_before_the_date()
    {
        await InvoiceAsync(await CustomerAsync("c-1", "ana", "smb"), "i-1", "sam");
        await InvoiceAsync(await CustomerAsync("c-2", "ana", "smb", currency: "EUR"), "i-2", "sam", currency: "EUR");
        await _host.ClientAs(Roles.Controller).SetFxRatesAsync(new SetFxRatesRequest
        {
            RequestId = "fx-1",
            Rates =
            {
                new FxRate { Date = "2026-11-27", BaseCurrency = "EUR", QuoteCurrency = "USD", Rate = "1.05" },
                new FxRate { Date = "2026-11-28", BaseCurrency = "EUR", QuoteCurrency = "USD", Rate = "1.10" },
                new FxRate { Date = "2026-12-01", BaseCurrency = "EUR", QuoteCurrency = "USD", Rate = "9.99" },
            },
        });

        var report = await AgingAsync(AgingGroupBy.Currency, reportCurrency: "USD");

        // 400.00 USD + 400.00 EUR × 1.10 = 840.00 USD.
        Assert.Equal(("USD", "840.00", "840.00"), (report.ReportTotal.Currency, report.ReportTotal.Total.Amount, report.ReportTotal.Days1To30.Amount));
        var rate = Assert.Single(report.RatesUsed);
        Assert.Equal(("2026-11-28", "1.1"), (rate.Date, rate.Rate));
    }

    [Fact]
    public async Task A_functional_currency_without_a_rate_is_refused_naming_the_pair()
    {
        await InvoiceAsync(await CustomerAsync("c-1", "ana", "smb", currency: "EUR"), "i-1", "sam", currency: "EUR");

        var status = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => AgingAsync(AgingGroupBy.Customer, reportCurrency: "USD"));

        Assert.Contains("EUR/USD", status.Message);
    }

    [Fact]
    public async Task Only_controllers_keep_the_rate_table_and_bad_rates_are_refused()
    {
        var rates = new SetFxRatesRequest { RequestId = "fx-1", Rates = { new FxRate { Date = "2026-11-28", BaseCurrency = "EUR", QuoteCurrency = "EUR", Rate = "-1" } } };

        var denied = await Assert.ThrowsAsync<RpcException>(() => _host.ClientAs(Roles.ArClerk).SetFxRatesAsync(rates).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _host.ClientAs(Roles.Controller).SetFxRatesAsync(rates).ResponseAsync);

        Assert.Equal(["rates[0].quote_currency", "rates[0].rate"], status.FieldViolations());
        Assert.Empty((await _host.Client.ListFxRatesAsync(new ListFxRatesRequest())).Rates);
    }
}
