using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using InvoiceStatus = ArPlatform.Contracts.Billing.V1.InvoiceStatus;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Billing over a real GrpcChannel, its own SQLite file, Redis off (the balance tests have it on).</summary>
public sealed class InvoiceApiTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);
    private BillingService.BillingServiceClient Billing => _host.Client;

    public void Dispose() => _host.Dispose();

    private async Task<string> NewCustomerAsync(string requestId = "c-1") =>
        (await Billing.CreateCustomerAsync(Requests.Customer(requestId))).Id;

    [Fact]
    public async Task Creating_a_customer_numbers_it_and_returns_it_as_stored()
    {
        var created = await Billing.CreateCustomerAsync(Requests.Customer());
        var read = await Billing.GetCustomerAsync(new GetCustomerRequest { Id = created.Id });

        Assert.Equal("C-000001", created.CustomerNumber);
        Assert.Equal(created, read);
        Assert.Equal("2", read.PaymentTerms.DiscountPercent);
        Assert.Equal("50000.00", read.CreditLimit.Amount);
    }

    [Fact]
    public async Task Issuing_at_creation_numbers_the_invoice_and_posts_its_total_to_the_ledger()
    {
        var customerId = await NewCustomerAsync();

        var invoice = await Billing.CreateInvoiceAsync(Requests.Invoice(customerId));

        Assert.Equal(InvoiceStatus.Issued, invoice.Status);
        Assert.Equal("INV-2026-000001", invoice.Number);
        Assert.Equal("2026-10-31", invoice.DueDate);
        Assert.Equal("324.75", invoice.Total.Amount);
        Assert.Equal("324.75", invoice.OpenAmount.Amount);
        Assert.Equal("2026-10-11", invoice.DiscountDate);
        Assert.Equal("6.50", invoice.DiscountAmount.Amount);
        var entry = Assert.Single(await _host.QueryAsync(db => db.LedgerEntries.ToListAsync()));
        Assert.Equal((LedgerEntryKind.InvoiceIssued, 324.75m, invoice.Id, "INV-2026-000001"),
            (entry.Kind, entry.Amount, entry.InvoiceId, entry.Reference));
    }

    [Fact]
    public async Task A_draft_touches_no_ledger_until_it_is_issued()
    {
        var customerId = await NewCustomerAsync();
        var draft = await Billing.CreateInvoiceAsync(Requests.Invoice(customerId, issue: false));
        Assert.Equal(InvoiceStatus.Draft, draft.Status);
        Assert.Equal("", draft.Number);
        Assert.Equal(0, await _host.CountAsync<Ledger.LedgerEntry>());

        var issued = await Billing.IssueInvoiceAsync(new IssueInvoiceRequest { Id = draft.Id, RequestId = "issue-1" });
        Assert.Equal(InvoiceStatus.Issued, issued.Status);
        Assert.Equal(1, await _host.CountAsync<Ledger.LedgerEntry>());
    }

    [Fact]
    public async Task Issuing_an_issued_invoice_is_a_failed_precondition()
    {
        var invoice = await Billing.CreateInvoiceAsync(Requests.Invoice(await NewCustomerAsync()));

        var status = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => Billing.IssueInvoiceAsync(new IssueInvoiceRequest { Id = invoice.Id, RequestId = "again" }).ResponseAsync);
        Assert.Contains("only a draft can be issued", status.Message);
        Assert.Equal(1, await _host.CountAsync<Ledger.LedgerEntry>());
    }

    [Fact]
    public async Task A_retried_request_returns_the_first_result_and_writes_nothing_twice()
    {
        var customerId = await NewCustomerAsync();
        var first = await Billing.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "retry-me"));
        var retry = await Billing.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "retry-me"));

        Assert.Equal(first, retry);
        Assert.Equal(1, await _host.CountAsync<Invoices.Invoice>());
        Assert.Equal(1, await _host.CountAsync<Ledger.LedgerEntry>());
    }

    [Fact]
    public async Task Concurrent_retries_of_one_request_create_one_invoice()
    {
        var customerId = await NewCustomerAsync();
        var results = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ =>
            Billing.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "burst")).ResponseAsync));

        Assert.Single(results.Select(r => r.Id).Distinct());
        Assert.Equal(1, await _host.CountAsync<Ledger.LedgerEntry>());
    }

    [Fact]
    public async Task Reusing_a_request_id_for_a_different_request_is_refused()
    {
        var customerId = await NewCustomerAsync();
        await Billing.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "once"));

        var status = await GrpcAssert.FailsWith(StatusCode.AlreadyExists,
            () => Billing.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "once", quantity: "4")).ResponseAsync);
        Assert.Contains("once", status.Message);
        Assert.Equal(1, await _host.CountAsync<Invoices.Invoice>());
    }

    [Fact]
    public async Task Invoices_issued_concurrently_get_gapless_unique_numbers()
    {
        var customerId = await NewCustomerAsync();
        var drafts = new List<string>();
        for (var i = 0; i < 20; i++)
            drafts.Add((await Billing.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: $"d-{i}", issue: false))).Id);

        var issued = await Task.WhenAll(drafts.Select((id, i) =>
            Billing.IssueInvoiceAsync(new IssueInvoiceRequest { Id = id, RequestId = $"issue-{i}" }).ResponseAsync));

        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"INV-2026-{n:D6}"), issued.Select(i => i.Number).Order());
    }

    [Fact]
    public async Task A_malformed_invoice_gets_field_violations_and_writes_nothing()
    {
        var customerId = await NewCustomerAsync();
        var request = Requests.Invoice(customerId, invoiceDate: "2026-02-30", quantity: "0");
        var recordsBefore = await _host.CountAsync<ArPlatform.ServiceDefaults.Data.IdempotencyRecord>();

        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => Billing.CreateInvoiceAsync(request).ResponseAsync);

        Assert.Equal(["invoice.invoice_date", "invoice.lines[0].quantity"], status.FieldViolations());
        Assert.Equal(0, await _host.CountAsync<Invoices.Invoice>());
        Assert.Equal(recordsBefore, await _host.CountAsync<ArPlatform.ServiceDefaults.Data.IdempotencyRecord>());
    }

    [Fact]
    public async Task An_invoice_for_an_unknown_customer_is_not_found_and_writes_nothing()
    {
        await GrpcAssert.FailsWith(StatusCode.NotFound,
            () => Billing.CreateInvoiceAsync(Requests.Invoice("01NOSUCHCUSTOMER")).ResponseAsync);
        Assert.Equal(0, await _host.CountAsync<Invoices.Invoice>());
        Assert.Equal(0, await _host.CountAsync<Ledger.LedgerEntry>());
    }

    [Fact]
    public async Task Listing_pages_through_every_invoice_once_in_a_stable_order()
    {
        var customerId = await NewCustomerAsync();
        for (var i = 0; i < 5; i++)
            await Billing.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: $"i-{i}", issue: i % 2 == 0));

        var seen = new List<string>();
        var request = new ListInvoicesRequest { CustomerId = customerId, PageSize = 2 };
        do
        {
            var page = await Billing.ListInvoicesAsync(request);
            Assert.True(page.Invoices.Count <= 2);
            seen.AddRange(page.Invoices.Select(i => i.Id));
            request.PageToken = page.NextPageToken;
        } while (request.PageToken != "");

        Assert.Equal(5, seen.Distinct().Count());
        Assert.Equal(seen.Order(StringComparer.Ordinal), seen);
        var issued = await Billing.ListInvoicesAsync(new ListInvoicesRequest { CustomerId = customerId, Status = InvoiceStatus.Issued });
        Assert.Equal(3, issued.Invoices.Count);
        var due = await Billing.ListInvoicesAsync(new ListInvoicesRequest { DueFrom = "2026-11-01", DueTo = "2026-12-31" });
        Assert.Empty(due.Invoices);
    }

    [Fact]
    public async Task A_batch_get_returns_the_invoices_asked_for_in_that_order_once_each_leaving_out_unknown_ids()
    {
        var customerId = await NewCustomerAsync();
        var first = await Billing.CreateInvoiceAsync(Requests.Invoice(customerId, "i-1"));
        var second = await Billing.CreateInvoiceAsync(Requests.Invoice(customerId, "i-2"));

        var read = await Billing.BatchGetInvoicesAsync(new BatchGetInvoicesRequest { Ids = { second.Id, "no-such-invoice", first.Id, second.Id } });

        Assert.Equal([second, first], read.Invoices);
        await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => Billing.BatchGetInvoicesAsync(new BatchGetInvoicesRequest()).ResponseAsync);
        var tooMany = new BatchGetInvoicesRequest { Ids = { Enumerable.Range(0, 501).Select(i => $"inv-{i}") } };
        await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => Billing.BatchGetInvoicesAsync(tooMany).ResponseAsync);
    }

    [Fact]
    public async Task A_bad_page_token_or_due_range_is_an_invalid_argument()
    {
        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => Billing.ListInvoicesAsync(
            new ListInvoicesRequest { PageToken = "***", PageSize = 9999, DueFrom = "2026-12-01", DueTo = "2026-11-01" }).ResponseAsync);
        Assert.Equal(["page_size", "page_token", "due_to"], status.FieldViolations());
    }

    [Fact]
    public async Task Open_amounts_on_invoices_equal_the_ledger_sums()
    {
        var customerId = await NewCustomerAsync();
        for (var i = 0; i < 4; i++)
            await Billing.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: $"i-{i}", quantity: (i + 1).ToString()));

        var mismatches = await _host.QueryAsync(async db =>
        {
            var ledger = (await db.LedgerEntries.ToListAsync()).GroupBy(e => e.InvoiceId!).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount));
            return (await db.Invoices.ToListAsync()).Count(i => ledger[i.Id] != i.OpenAmount);
        });
        Assert.Equal(0, mismatches);
    }
}
