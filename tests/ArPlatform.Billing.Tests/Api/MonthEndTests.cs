using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Month-end as a controller does it: journal, reconciliation, roll-forward, statements, close.</summary>
public sealed class MonthEndTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private BillingService.BillingServiceClient Controller => _host.ClientFor("carol", Roles.Controller);

    /// <summary>October: an invoice of 324.75 (tax 24.75) on 10-01 and 100.00 cash on 10-20; November: another invoice.</summary>
    private async Task<(string CustomerId, Invoice October, string ApplicationId)> TwoMonthsAsync()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        var october = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-1", invoiceDate: "2026-10-01"));
        var application = await _host.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new ApplyPaymentRequest
        {
            RequestId = "a-1", PaymentReference = "WIRE-1", AppliedOn = "2026-10-20",
            Allocations = { new PaymentAllocation { InvoiceId = october.Id, Amount = Requests.Usd("100.00") } },
        });
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-2", invoiceDate: "2026-11-10"));
        return (customerId, october, application.Id);
    }

    [Fact]
    public async Task The_journal_balances_and_maps_each_entry_to_its_accounts()
    {
        await TwoMonthsAsync();

        var journal = await Controller.ExportJournalAsync(new ExportJournalRequest { FromDate = "2026-10-01", ToDate = "2026-10-31" });

        Assert.Equal(2, journal.Entries.Count);
        Assert.All(journal.Entries, e => Assert.Equal(e.Lines.Sum(l => decimal.Parse(l.Debit)), e.Lines.Sum(l => decimal.Parse(l.Credit))));
        Assert.Equal([("1200", "324.75", "0.00"), ("4000", "0.00", "300.00"), ("2200", "0.00", "24.75")],
            journal.Entries[0].Lines.Select(l => (l.Account, l.Debit, l.Credit)));
        Assert.Equal([("1200", "0.00", "100.00"), ("1010", "100.00", "0.00")], journal.Entries[1].Lines.Select(l => (l.Account, l.Debit, l.Credit)));
    }

    [Fact]
    public async Task The_journal_downloads_as_csv_for_the_gl_import()
    {
        await TwoMonthsAsync();

        var response = await _host.JsonClient(Roles.Controller).GetAsync("/v1/gl/journal.csv?fromDate=2026-10-01&toDate=2026-10-31");
        var csv = (await response.Content.ReadAsStringAsync()).Split('\n', StringSplitOptions.RemoveEmptyEntries);

        Assert.Equal("text/csv; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Equal("ledger_entry_id,date,currency,customer_id,account,debit,credit,description", csv[0].TrimEnd('\r'));
        Assert.Equal(6, csv.Length);   // header + 3 lines for the invoice + 2 for the cash
        Assert.Contains(csv, l => l.Contains(",2026-10-20,USD,") && l.Contains(",1010,100.00,0.00,Cash applied WIRE-1"));
        Assert.Equal(HttpStatusCode.Forbidden, (await _host.JsonClient(Roles.Collector).GetAsync("/v1/gl/journal.csv")).StatusCode);
    }

    [Fact]
    public async Task The_subledger_reconciles_to_the_control_account_and_a_tampered_invoice_shows()
    {
        await TwoMonthsAsync();

        var clean = await Controller.GetGlReconciliationAsync(new GetGlReconciliationRequest());
        await _host.QueryAsync(db => db.Database.ExecuteSqlRawAsync("""UPDATE "Invoices" SET "OpenAmount" = '1.00' WHERE "OpenAmount" = '224.75'"""));
        var tampered = await Controller.GetGlReconciliationAsync(new GetGlReconciliationRequest());

        var row = Assert.Single(clean.Rows);
        Assert.Equal((true, "549.50", "549.50", "1200"), (clean.Reconciled, row.Subledger.Amount, row.ControlAccount.Amount, clean.ControlAccount));
        Assert.False(tampered.Reconciled);
        Assert.Equal("-223.75", Assert.Single(tampered.Rows).Difference.Amount);
    }

    [Fact]
    public async Task The_roll_forward_ties_beginning_to_ending_through_the_months_movements()
    {
        await TwoMonthsAsync();

        var november = await _host.Client.GetArRollForwardAsync(new GetArRollForwardRequest { FromDate = "2026-11-01", ToDate = "2026-11-30" });

        var row = Assert.Single(november.Rows);
        Assert.Equal(("224.75", "324.75", "0.00", "549.50"), (row.Beginning.Amount, row.Billed.Amount, row.Collected.Amount, row.Ending.Amount));
    }

    [Fact]
    public async Task A_monthly_roll_forward_rolls_each_month_into_the_next_and_adds_up_to_the_period()
    {
        await TwoMonthsAsync();

        var both = await _host.Client.GetArRollForwardAsync(new GetArRollForwardRequest { FromDate = "2026-10-15", ToDate = "2026-11-30", Monthly = true });

        Assert.Equal(["2026-10", "2026-11"], both.Months.Select(m => m.Month));
        var (october, november) = (Assert.Single(both.Months[0].Rows), Assert.Single(both.Months[1].Rows));
        Assert.Equal(october.Ending.Amount, november.Beginning.Amount);
        Assert.Equal(both.Rows[0].Ending.Amount, november.Ending.Amount);
        Assert.Equal("549.50", november.Ending.Amount);
        Assert.Empty((await _host.Client.GetArRollForwardAsync(new GetArRollForwardRequest { FromDate = "2026-10-01", ToDate = "2026-11-30" })).Months);
    }

    [Fact]
    public async Task A_closed_month_takes_no_postings_and_a_reversal_lands_in_the_open_month()
    {
        var (_, october, applicationId) = await TwoMonthsAsync();

        var closed = await Controller.ClosePeriodAsync(new ClosePeriodRequest { Period = "2026-10", RequestId = "close-1" });

        Assert.Equal(("2026-10-31", "carol"), (closed.LastDay, closed.ClosedBy));
        var status = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _host.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new ApplyPaymentRequest
        {
            RequestId = "a-2", PaymentReference = "LATE", AppliedOn = "2026-10-31",
            Allocations = { new PaymentAllocation { InvoiceId = october.Id, Amount = Requests.Usd("1.00") } },
        }).ResponseAsync);
        Assert.Contains("closed period", status.Message);
        // Reversing October's cash without a date: the correction goes to November.
        await _host.ClientAs(Roles.CashApplier).ReversePaymentApplicationAsync(new ReversePaymentApplicationRequest
        {
            Id = applicationId, RequestId = "r-1", Reason = "NSF",
        });
        var reversal = await _host.Client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { InvoiceId = october.Id });
        Assert.Equal("2026-11-01", reversal.Entries.Single(e => e.Kind == "PAYMENT_REVERSED").EffectiveDate);
        var octoberRoll = await _host.Client.GetArRollForwardAsync(new GetArRollForwardRequest { FromDate = "2026-10-01", ToDate = "2026-10-31" });
        Assert.Equal("224.75", Assert.Single(octoberRoll.Rows).Ending.Amount);
    }

    [Fact]
    public async Task Months_close_in_order_only_once_ended_and_only_by_a_controller()
    {
        await TwoMonthsAsync();

        await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Controller.ClosePeriodAsync(new ClosePeriodRequest { Period = "2026-11", RequestId = "c-1" }).ResponseAsync);
        await Controller.ClosePeriodAsync(new ClosePeriodRequest { Period = "2026-09", RequestId = "c-2" });
        var gap = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Controller.ClosePeriodAsync(new ClosePeriodRequest { Period = "2026-08", RequestId = "c-3" }).ResponseAsync);
        Assert.Contains("already closed", gap.Message);
        var ex = await Assert.ThrowsAsync<RpcException>(() => _host.ClientAs(Roles.ArManager).ClosePeriodAsync(new ClosePeriodRequest { Period = "2026-10", RequestId = "c-4" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Equal(["2026-09"], (await Controller.ListClosedPeriodsAsync(new ListClosedPeriodsRequest())).Periods.Select(p => p.Period));
    }

    [Fact]
    public async Task A_statement_carries_the_opening_balance_every_movement_and_a_closing_balance_that_adds_up()
    {
        var (customerId, october, _) = await TwoMonthsAsync();

        var statement = await _host.Client.GetStatementAsync(new GetStatementRequest { CustomerId = customerId, FromDate = "2026-10-15", ToDate = "2026-11-30" });

        var usd = Assert.Single(statement.Currencies);
        Assert.Equal("324.75", usd.OpeningBalance.Amount);
        Assert.Equal([("PAYMENT_APPLIED", "-100.00", "224.75"), ("INVOICE_ISSUED", "324.75", "549.50")],
            usd.Lines.Select(l => (l.Kind, l.Amount.Amount, l.RunningBalance.Amount)));
        Assert.Equal(october.Number, usd.Lines[0].InvoiceNumber);
        Assert.Equal(("549.50", "549.50", "224.75"), (usd.ClosingBalance.Amount, usd.Aging.Total.Amount, usd.Aging.Days1To30.Amount));
    }

    [Fact]
    public async Task The_statement_page_is_printable_html_with_every_value_encoded()
    {
        var request = Requests.Customer();
        request.Customer.Name = "Smith & <Sons>";
        request.Customer.Collector = "tester";   // the collector printing it
        var customerId = (await _host.Client.CreateCustomerAsync(request)).Id;
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, invoiceDate: "2026-11-10"));

        var response = await _host.JsonClient(Roles.Collector).GetAsync($"/v1/customers/{customerId}/statement.html?fromDate=2026-11-01&toDate=2026-11-30");
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal("text/html; charset=utf-8", response.Content.Headers.ContentType?.ToString());
        Assert.Contains("Smith &amp; &lt;Sons&gt;", html);
        Assert.DoesNotContain("<Sons>", html);
        Assert.Contains("Closing balance", html);
        Assert.Contains("324.75", html);
        var json = await _host.JsonClient(Roles.Collector).GetFromJsonAsync<JsonElement>($"/v1/customers/{customerId}/statement?toDate=2026-11-30");
        Assert.Equal("2026-11-01", json.GetProperty("fromDate").GetString());
    }

    [Fact]
    public async Task The_documents_refuse_bad_input_as_the_json_api_does()
    {
        var client = _host.JsonClient(Roles.Controller);

        var unknown = await client.GetAsync("/v1/customers/01NOSUCHCUSTOMER/statement.html");
        var badDate = await client.GetAsync("/v1/gl/journal.csv?fromDate=2026-13-01");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Contains("01NOSUCHCUSTOMER", await unknown.Content.ReadAsStringAsync());
        Assert.Equal(HttpStatusCode.BadRequest, badDate.StatusCode);
        Assert.Contains("from_date", await badDate.Content.ReadAsStringAsync());
    }
}
