using System.Net.Http.Json;
using System.Text.Json;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Aging as of today or any past date, rebuilt from the ledger; the ledger itself, paged.</summary>
public sealed class ReportApiTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Aging_as_of_a_past_date_ignores_later_cash_and_ties_to_the_balance()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        var old = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-1", invoiceDate: "2026-08-01"));  // due 08-31
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-2", invoiceDate: "2026-11-15"));             // due 12-15
        await _host.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new ApplyPaymentRequest
        {
            RequestId = "a-1", PaymentReference = "REF", AppliedOn = "2026-11-20",
            Allocations = { new PaymentAllocation { InvoiceId = old.Id, Amount = Requests.Usd("100.00") } },
        });

        var now = await _host.Client.GetAgingReportAsync(new GetAgingReportRequest { AsOf = "2026-11-30" });
        var before = await _host.Client.GetAgingReportAsync(new GetAgingReportRequest { AsOf = "2026-11-10" });

        var row = Assert.Single(now.Rows);
        // Due 2026-08-31: 91 days past due on 2026-11-30, 71 days on 2026-11-10.
        Assert.Equal((customerId, "324.75", "224.75", "549.50"), (row.Key, row.Current.Amount, row.Over90.Amount, row.Total.Amount));
        var earlier = Assert.Single(before.Rows);
        Assert.Equal(("0.00", "324.75", "324.75"), (earlier.Current.Amount, earlier.Days61To90.Amount, earlier.Total.Amount));
        var balance = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        Assert.Equal(balance.Balances.Single().Open.Amount, Assert.Single(now.Totals).Total.Amount);
    }

    [Fact]
    public async Task Todays_aging_puts_invoices_due_on_each_bucket_edge_in_the_right_bucket()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        // Net 30: due dates 12-15 and 11-30 (current), 11-29 and 10-31 (1–30), 10-30 and 10-01
        // (31–60), 09-30 and 09-01 (61–90), 08-31 (91 days: 90+) on 2026-11-30. 324.75 each.
        string[] dues = ["2026-12-15", "2026-11-30", "2026-11-29", "2026-10-31", "2026-10-30", "2026-10-01", "2026-09-30", "2026-09-01", "2026-08-31"];
        foreach (var (due, n) in dues.Select((d, n) => (DateOnly.Parse(d), n)))
            await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: $"i-{n}", invoiceDate: due.AddDays(-30).ToString("yyyy-MM-dd")));

        var row = Assert.Single((await _host.Client.GetAgingReportAsync(new GetAgingReportRequest { AsOf = "2026-11-30" })).Rows);

        Assert.Equal(("649.50", "649.50", "649.50", "649.50", "324.75", "2922.75"),
            (row.Current.Amount, row.Days1To30.Amount, row.Days31To60.Amount, row.Days61To90.Amount, row.Over90.Amount, row.Total.Amount));
    }

    [Fact]
    public async Task The_api_md_aging_query_works_as_json()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId));

        var report = await _host.JsonClient(Roles.Auditor).GetFromJsonAsync<JsonElement>("/v1/reports/aging?asOf=2026-11-30&groupBy=customer");

        Assert.Equal("2026-11-30", report.GetProperty("asOf").GetString());
        var row = report.GetProperty("rows")[0];
        Assert.Equal(customerId, row.GetProperty("key").GetString());
        Assert.Equal("324.75", row.GetProperty("days1To30").GetProperty("amount").GetString());
        var byRegion = await _host.JsonClient(Roles.Auditor).GetFromJsonAsync<JsonElement>("/v1/reports/aging?asOf=2026-11-30&groupBy=REGION");
        Assert.Equal("AMER", byRegion.GetProperty("rows")[0].GetProperty("key").GetString());
    }

    [Fact]
    public async Task Ledger_entries_page_oldest_first_with_their_kind()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        for (var i = 0; i < 3; i++) await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: $"i-{i}"));

        var first = await _host.Client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { CustomerId = customerId, PageSize = 2 });
        var rest = await _host.Client.ListLedgerEntriesAsync(new ListLedgerEntriesRequest { CustomerId = customerId, PageToken = first.NextPageToken });

        Assert.Equal(2, first.Entries.Count);
        Assert.Single(rest.Entries);
        Assert.Equal("", rest.NextPageToken);
        Assert.All(first.Entries.Concat(rest.Entries), e => Assert.Equal(("INVOICE_ISSUED", "324.75"), (e.Kind, e.Amount.Amount)));
        Assert.True(first.Entries[0].Id < first.Entries[1].Id && first.Entries[1].Id < rest.Entries[0].Id);
    }
}
