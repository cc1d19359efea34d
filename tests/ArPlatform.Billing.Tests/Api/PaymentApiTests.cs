using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Cash into the ledger: applied, never beyond what is open, reversible.</summary>
public sealed class PaymentApiTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);
    private BillingService.BillingServiceClient Cash => _host.ClientAs(Roles.CashApplier);

    public void Dispose() => _host.Dispose();

    private async Task<(string CustomerId, Invoice First, Invoice Second)> TwoInvoicesAsync()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        var first = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-1"));
        var second = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-2", quantity: "1"));
        return (customerId, first, second);
    }

    private static ApplyPaymentRequest Payment(string requestId, params (string InvoiceId, string Amount)[] allocations) => new()
    {
        RequestId = requestId,
        PaymentReference = "BANK-REF-991",
        AppliedOn = "2026-11-05",
        Allocations = { allocations.Select(a => new PaymentAllocation { InvoiceId = a.InvoiceId, Amount = Requests.Usd(a.Amount) }) },
    };

    private Task<Invoice> Reload(string id) => _host.Client.GetInvoiceAsync(new GetInvoiceRequest { Id = id }).ResponseAsync;

    [Fact]
    public async Task One_payment_can_pay_one_invoice_in_full_and_another_in_part()
    {
        var (customerId, first, second) = await TwoInvoicesAsync();

        var applied = await Cash.ApplyPaymentAsync(Payment("a-1", (first.Id, "324.75"), (second.Id, "50.00")));

        Assert.Equal(("374.75", PaymentApplicationStatus.Applied), (applied.Total.Amount, applied.Status));
        var paid = await Reload(first.Id);
        var partial = await Reload(second.Id);
        Assert.Equal((InvoiceStatus.Paid, "0.00"), (paid.Status, paid.OpenAmount.Amount));
        Assert.Equal((InvoiceStatus.PartiallyPaid, "58.25"), (partial.Status, partial.OpenAmount.Amount));
        var balance = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        Assert.Equal("58.25", balance.Balances.Single().Open.Amount);
        Assert.Equal(1, balance.OpenInvoiceCount);
        var entries = await _host.QueryAsync(db => db.LedgerEntries.Where(e => e.Kind == LedgerEntryKind.PaymentApplied).ToListAsync());
        Assert.Equal([-324.75m, -50.00m], entries.OrderBy(e => e.Amount).Select(e => e.Amount));
        Assert.All(entries, e => Assert.Equal(("BANK-REF-991", new DateOnly(2026, 11, 5)), (e.Reference, e.EffectiveDate)));
    }

    [Fact]
    public async Task A_batch_applies_each_application_on_its_own_refusing_one_without_undoing_the_others()
    {
        var (_, first, second) = await TwoInvoicesAsync();
        await Cash.ApplyPaymentAsync(Payment("a-0", (second.Id, "10.00")));

        var batch = await Cash.ApplyPaymentsAsync(new ApplyPaymentsRequest
        {
            Applications =
            {
                Payment("a-1", (first.Id, "324.75")),
                Payment("a-2", (second.Id, "999.00")), // more than is open
                Payment("a-0", (second.Id, "10.00")), // a repeat: replayed
                Payment("a-3", (second.Id, "20.00")),
            },
        });

        Assert.Equal([("a-1", ""), ("a-2", "FailedPrecondition"), ("a-0", ""), ("a-3", "")], batch.Results.Select(r => (r.RequestId, r.ErrorCode)));
        Assert.Contains("cannot be applied", batch.Results[1].ErrorMessage);
        Assert.Equal("0.00", (await Reload(first.Id)).OpenAmount.Amount);
        Assert.Equal("78.25", (await Reload(second.Id)).OpenAmount.Amount); // 108.25 − 10 − 20: the refused one changed nothing
        Assert.Equal(3, await _host.CountAsync<Payments.PaymentApplication>());
    }

    [Fact]
    public async Task In_a_batch_each_application_sees_what_the_ones_before_it_took_and_a_repeated_request_id_replays_or_is_refused()
    {
        var (customerId, first, second) = await TwoInvoicesAsync();
        var invalid = Payment("b-5", (second.Id, "1.00"));
        invalid.AppliedOn = "2026-13-01";

        var batch = await Cash.ApplyPaymentsAsync(new ApplyPaymentsRequest
        {
            Applications =
            {
                Payment("b-1", (first.Id, "200.00")),
                Payment("b-2", (first.Id, "200.00")), // only 124.75 left after b-1
                Payment("b-3", (first.Id, "124.75"), (second.Id, "8.25")),
                Payment("b-1", (first.Id, "200.00")), // the same request again: b-1's result
                Payment("b-3", (second.Id, "1.00")), // b-3's id for another request
                Payment("b-4", ("no-such-invoice", "1.00")),
                invalid,
            },
        });

        Assert.Equal(["", "FailedPrecondition", "", "", "AlreadyExists", "NotFound", "InvalidArgument"], batch.Results.Select(r => r.ErrorCode));
        Assert.Equal(batch.Results[0].Application, batch.Results[3].Application);
        Assert.Contains("124.75 USD open", batch.Results[1].ErrorMessage);
        Assert.Contains("applied_on", batch.Results[6].ErrorMessage);
        Assert.Equal(("0.00", "100.00"), ((await Reload(first.Id)).OpenAmount.Amount, (await Reload(second.Id)).OpenAmount.Amount));
        Assert.Equal(2, await _host.CountAsync<Payments.PaymentApplication>());
        var ledger = await _host.QueryAsync(db => db.LedgerEntries.Where(e => e.CustomerId == customerId).Select(e => e.Amount).ToListAsync());
        Assert.Equal(100.00m, ledger.Sum());
        var balance = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        Assert.Equal("100.00", balance.Balances.Single().Open.Amount);
        var audited = await _host.QueryAsync(db => db.Set<ServiceDefaults.Audit.AuditEntry>()
            .Where(a => a.Operation == "ApplyPayment").Select(a => a.EntityType).ToListAsync());
        Assert.Equal(["invoice", "invoice", "invoice", "payment-application", "payment-application"], audited.Order());

        var again = await Cash.ApplyPaymentsAsync(new ApplyPaymentsRequest { Applications = { Payment("b-3", (first.Id, "124.75"), (second.Id, "8.25")) } });

        Assert.Equal(batch.Results[2].Application, again.Results.Single().Application);
        Assert.Equal(2, await _host.CountAsync<Payments.PaymentApplication>());
    }

    [Fact]
    public async Task A_short_pay_written_off_withholding_tax_and_a_discount_settle_the_invoice_with_the_cash_each_in_its_own_entry()
    {
        var (_, first, second) = await TwoInvoicesAsync();
        var request = Payment("a-1", (first.Id, "300.00"), (second.Id, "100.00"));
        request.Allocations[0].WriteOffAmount = Requests.Usd("4.75");
        request.Allocations[0].WithholdingTaxAmount = Requests.Usd("20.00");
        request.Allocations[1].WriteOffAmount = Requests.Usd("30.00"); // above Billing:ShortPayWriteOffLimit (25)

        var refused = await Assert.ThrowsAsync<RpcException>(() => Cash.ApplyPaymentAsync(request).ResponseAsync);
        request.Allocations[1].WriteOffAmount = Requests.Usd("8.25");
        request.RequestId = "a-2";
        await Cash.ApplyPaymentAsync(request);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Equal((InvoiceStatus.Paid, InvoiceStatus.Paid), ((await Reload(first.Id)).Status, (await Reload(second.Id)).Status));
        var kinds = await _host.QueryAsync(db => db.LedgerEntries.Where(e => e.InvoiceId == first.Id).OrderBy(e => e.Id).Select(e => e.Kind).ToListAsync());
        Assert.Equal([LedgerEntryKind.InvoiceIssued, LedgerEntryKind.PaymentApplied, LedgerEntryKind.WriteOff, LedgerEntryKind.WithholdingTax], kinds);
    }

    [Fact]
    public async Task More_than_the_open_amount_is_refused_and_nothing_is_applied()
    {
        var (_, first, second) = await TwoInvoicesAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() =>
            Cash.ApplyPaymentAsync(Payment("a-1", (second.Id, "10.00"), (first.Id, "324.76"))).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Contains("324.75 USD open", ex.Status.Detail);
        Assert.Equal("108.25", (await Reload(second.Id)).OpenAmount.Amount);
        Assert.Equal(0, await _host.QueryAsync(db => db.LedgerEntries.CountAsync(e => e.Kind == LedgerEntryKind.PaymentApplied)));
    }

    [Fact]
    public async Task Concurrent_applications_to_one_invoice_never_exceed_its_open_amount()
    {
        var (_, first, _) = await TwoInvoicesAsync();

        // 20 × 40.00 against 324.75 open: exactly 8 fit.
        var outcomes = await Task.WhenAll(Enumerable.Range(0, 20).Select(async i =>
        {
            try
            {
                await Cash.ApplyPaymentAsync(Payment($"race-{i}", (first.Id, "40.00")));
                return StatusCode.OK;
            }
            catch (RpcException ex)
            {
                return ex.StatusCode;
            }
        }));

        Assert.Equal(8, outcomes.Count(o => o == StatusCode.OK));
        Assert.All(outcomes.Where(o => o != StatusCode.OK), o => Assert.Equal(StatusCode.FailedPrecondition, o));
        var invoice = await Reload(first.Id);
        Assert.Equal(("4.75", InvoiceStatus.PartiallyPaid), (invoice.OpenAmount.Amount, invoice.Status));
        var ledger = await _host.QueryAsync(db => db.LedgerEntries.Where(e => e.InvoiceId == first.Id).Select(e => e.Amount).ToListAsync());
        Assert.Equal(4.75m, ledger.Sum());
    }

    [Fact]
    public async Task A_retried_application_applies_once()
    {
        var (_, first, _) = await TwoInvoicesAsync();
        var once = await Cash.ApplyPaymentAsync(Payment("a-1", (first.Id, "100.00")));
        var again = await Cash.ApplyPaymentAsync(Payment("a-1", (first.Id, "100.00")));

        Assert.Equal(once, again);
        Assert.Equal("224.75", (await Reload(first.Id)).OpenAmount.Amount);
    }

    [Fact]
    public async Task Reversing_a_returned_payment_reopens_its_invoices_once()
    {
        var (customerId, first, second) = await TwoInvoicesAsync();
        var applied = await Cash.ApplyPaymentAsync(Payment("a-1", (first.Id, "324.75"), (second.Id, "8.25")));

        var reversed = await Cash.ReversePaymentApplicationAsync(new ReversePaymentApplicationRequest
        {
            Id = applied.Id, RequestId = "r-1", Reason = "NSF",
        });

        Assert.Equal((PaymentApplicationStatus.Reversed, "NSF"), (reversed.Status, reversed.ReversalReason));
        Assert.Equal((InvoiceStatus.Issued, "324.75"), ((await Reload(first.Id)).Status, (await Reload(first.Id)).OpenAmount.Amount));
        Assert.Equal((InvoiceStatus.Issued, "108.25"), ((await Reload(second.Id)).Status, (await Reload(second.Id)).OpenAmount.Amount));
        var balance = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        Assert.Equal("433.00", balance.Balances.Single().Open.Amount);

        var twice = await Assert.ThrowsAsync<RpcException>(() => Cash.ReversePaymentApplicationAsync(
            new ReversePaymentApplicationRequest { Id = applied.Id, RequestId = "r-2", Reason = "NSF" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, twice.StatusCode);
    }

    [Fact]
    public async Task A_malformed_payment_names_every_bad_field()
    {
        var (_, first, _) = await TwoInvoicesAsync();
        var request = Payment("", (first.Id, "0.00"), (first.Id, "1.001"));
        request.AppliedOn = "yesterday";
        request.Allocations.Add(new PaymentAllocation { InvoiceId = "x", Amount = new Contracts.Common.V1.Money { Currency = "EUR", Amount = "1" } });

        var ex = await Assert.ThrowsAsync<RpcException>(() => Cash.ApplyPaymentAsync(request).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, ex.StatusCode);
        Assert.Equal(
            ["request_id", "applied_on", "allocations[0].amount.amount", "allocations[1].invoice_id", "allocations[1].amount.amount", "allocations[2].amount.currency"],
            ex.GetRpcStatus()!.FieldViolations());
    }

    [Fact]
    public async Task Cash_is_applied_by_cash_appliers_and_managers_not_by_clerks_or_collectors()
    {
        var (_, first, _) = await TwoInvoicesAsync();
        foreach (var role in new[] { Roles.ArClerk, Roles.Collector, Roles.Auditor })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() =>
                _host.ClientAs(role).ApplyPaymentAsync(Payment("a-" + role, (first.Id, "1.00"))).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        }
        await _host.ClientAs(Roles.ArManager).ApplyPaymentAsync(Payment("a-mgr", (first.Id, "1.00")));
    }
}
