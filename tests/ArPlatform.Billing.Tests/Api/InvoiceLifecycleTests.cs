using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Voiding while nothing is applied, and the open-invoice stream that cash matching reads.</summary>
public sealed class InvoiceLifecycleTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private async Task<string> CustomerAsync() => (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;

    private Task<Invoice> Void(string id, string requestId = "v-1") =>
        _host.Client.VoidInvoiceAsync(new VoidInvoiceRequest { Id = id, RequestId = requestId, Reason = "billed in error" }).ResponseAsync;

    [Fact]
    public async Task Voiding_an_issued_invoice_reverses_its_total_in_the_ledger()
    {
        var customerId = await CustomerAsync();
        var invoice = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId));

        var voided = await Void(invoice.Id);

        Assert.Equal((InvoiceStatus.Void, "0.00"), (voided.Status, voided.OpenAmount.Amount));
        var entries = await _host.QueryAsync(db => db.LedgerEntries.Where(e => e.InvoiceId == invoice.Id).ToListAsync());
        Assert.Equal([(LedgerEntryKind.InvoiceIssued, 324.75m), (LedgerEntryKind.InvoiceVoided, -324.75m)],
            entries.OrderBy(e => e.Id).Select(e => (e.Kind, e.Amount)));
        var balance = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        Assert.Equal(("0.00", 0), (balance.Balances.Single().Open.Amount, balance.OpenInvoiceCount));
    }

    [Fact]
    public async Task A_draft_is_voided_without_touching_the_ledger()
    {
        var draft = await _host.Client.CreateInvoiceAsync(Requests.Invoice(await CustomerAsync(), issue: false));
        Assert.Equal(InvoiceStatus.Void, (await Void(draft.Id)).Status);
        Assert.Equal(0, await _host.CountAsync<Ledger.LedgerEntry>());
    }

    [Fact]
    public async Task An_invoice_with_cash_applied_cannot_be_voided_nor_voided_twice()
    {
        var customerId = await CustomerAsync();
        var paid = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-1"));
        await _host.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new ApplyPaymentRequest
        {
            RequestId = "a-1", PaymentReference = "REF", AppliedOn = "2026-11-05",
            Allocations = { new PaymentAllocation { InvoiceId = paid.Id, Amount = Requests.Usd("1.00") } },
        });
        var applied = await Assert.ThrowsAsync<RpcException>(() => Void(paid.Id));
        Assert.Equal(StatusCode.FailedPrecondition, applied.StatusCode);

        var other = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-2"));
        await Void(other.Id, "v-2");
        var twice = await Assert.ThrowsAsync<RpcException>(() => Void(other.Id, "v-3"));
        Assert.Contains("already void", twice.Status.Detail);
    }

    [Fact]
    public async Task The_open_invoice_stream_holds_exactly_the_issued_unpaid_invoices()
    {
        var customerId = await CustomerAsync();
        var otherCustomer = (await _host.Client.CreateCustomerAsync(Requests.Customer("c-2"))).Id;
        var open = new List<string>();
        for (var i = 0; i < 3; i++) open.Add((await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: $"open-{i}"))).Id);
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "draft", issue: false));
        var voided = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "voided"));
        await Void(voided.Id);
        var elsewhere = (await _host.Client.CreateInvoiceAsync(Requests.Invoice(otherCustomer, requestId: "other"))).Id;

        async Task<List<string>> Stream(string customer)
        {
            using var call = _host.ClientAs(Roles.CashApplier).StreamOpenInvoices(new StreamOpenInvoicesRequest { CustomerId = customer });
            var ids = new List<string>();
            await foreach (var invoice in call.ResponseStream.ReadAllAsync()) ids.Add(invoice.Id);
            return ids;
        }

        Assert.Equal(open.Order(StringComparer.Ordinal), await Stream(customerId));
        Assert.Equal(open.Append(elsewhere).Order(StringComparer.Ordinal), await Stream(""));
    }

    [Fact]
    public async Task The_open_invoice_stream_can_hold_only_those_issued_since_a_time_however_long_ago_they_were_drafted()
    {
        var customerId = await CustomerAsync();
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "before"));
        var draftedBefore = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "draft", issue: false));
        var since = _host.Clock.Now.AddMinutes(30);
        _host.Clock.Now = _host.Clock.Now.AddHours(1);
        var after = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "after"));
        await _host.Client.IssueInvoiceAsync(new IssueInvoiceRequest { Id = draftedBefore.Id, RequestId = "issue-draft" });

        using var call = _host.ClientAs(Roles.CashApplier).StreamOpenInvoices(new StreamOpenInvoicesRequest
        {
            View = InvoiceView.OpenItem, IssuedSince = Timestamp.FromDateTimeOffset(since),
        });

        Assert.Equal(new[] { draftedBefore.Id, after.Id }.Order(StringComparer.Ordinal), (await call.ResponseStream.ReadAllAsync().ToListAsync()).Select(i => i.Id));
    }

    [Fact]
    public async Task Streamed_invoices_are_exactly_what_get_invoice_returns_and_basic_leaves_out_lines_and_flags()
    {
        var customerId = await CustomerAsync();
        var partlyPaid = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-1"));
        var disputed = await _host.Client.CreateInvoiceAsync(new CreateInvoiceRequest
        {
            RequestId = "i-2", Issue = true,
            Invoice = new Invoice
            {
                CustomerId = customerId, InvoiceDate = "2026-11-02", PoNumber = "PO-9", SalesRep = "sam",
                Lines =
                {
                    new InvoiceLine { Description = "Licence", Quantity = "2.5", UnitPrice = Requests.Usd("10.0125"), DiscountPercent = "5", TaxRatePercent = "7", ProductCode = "LIC" },
                    new InvoiceLine { Description = "Support", Quantity = "1", UnitPrice = Requests.Usd("99.00") },
                },
            },
        });
        await _host.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new ApplyPaymentRequest
        {
            RequestId = "a-1", PaymentReference = "R", AppliedOn = "2026-11-05",
            Allocations = { new PaymentAllocation { InvoiceId = partlyPaid.Id, Amount = Requests.Usd("24.75") } },
        });
        await _host.ClientAs(Roles.Service).MarkInvoiceDisputedAsync(new MarkInvoiceDisputedRequest
        {
            InvoiceId = disputed.Id, RequestId = "d-1", DisputeId = "01DISPUTE", Amount = Requests.Usd("10.00"), Sequence = 1,
        });

        async Task<List<Invoice>> Stream(InvoiceView view)
        {
            using var call = _host.ClientAs(Roles.CashApplier).StreamOpenInvoices(new StreamOpenInvoicesRequest { View = view });
            return await call.ResponseStream.ReadAllAsync().ToListAsync();
        }

        var full = await Stream(InvoiceView.Full);
        var basic = await Stream(InvoiceView.Basic);

        Assert.Equal(2, full.Count);
        foreach (var streamed in full)
            Assert.Equal(await _host.Client.GetInvoiceAsync(new GetInvoiceRequest { Id = streamed.Id }), streamed);
        Assert.Equal(full.Select(i => { var b = i.Clone(); b.Lines.Clear(); b.DisputeFlags.Clear(); return b; }), basic);
        var openItems = await Stream(InvoiceView.OpenItem);
        Assert.Equal(full.Select(i => new Invoice
        {
            Id = i.Id, Number = i.Number, CustomerId = i.CustomerId, Status = i.Status, Currency = i.Currency, PoNumber = i.PoNumber,
            DueDate = i.DueDate, OpenAmount = i.OpenAmount, DiscountDate = i.DiscountDate, DiscountAmount = i.DiscountAmount,
            DisputedAmount = i.DisputedAmount,
        }), openItems);
    }
}
