using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Google.Rpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Write-offs only by an approval's reference from Collections; credits on account used on invoices.</summary>
public sealed class WriteOffAndCreditTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private BillingService.BillingServiceClient Collections => _host.ClientFor("collections", Roles.Service);

    private async Task<Invoice> InvoiceAsync(string customerId, string requestId = "i-1") =>
        await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: requestId));   // 324.75 USD

    private static PostWriteOffRequest WriteOff(string invoiceId, string amount, string reference = "WO-2026-000001", string requestId = "w-1") => new()
    {
        InvoiceId = invoiceId, RequestId = requestId, Amount = Requests.Usd(amount), WriteOffId = "wo-" + reference, WriteOffReference = reference,
        Reason = "customer insolvent", RequestedBy = "ana", ApprovedBy = "mark",
    };

    /// <summary>The posting, once Collections has approved exactly that.</summary>
    private PostWriteOffRequest Approved(PostWriteOffRequest posting) => _host.Approvals.Approve(posting);

    private Task<Invoice> Reload(string id) => _host.Client.GetInvoiceAsync(new GetInvoiceRequest { Id = id }).ResponseAsync;

    [Fact]
    public async Task An_approved_write_off_settles_the_invoice_and_posts_once_per_approval()
    {
        var invoice = await InvoiceAsync((await _host.Client.CreateCustomerAsync(Requests.Customer())).Id);

        var posting = await Collections.PostWriteOffAsync(Approved(WriteOff(invoice.Id, "324.75")));

        Assert.Equal((InvoiceStatus.Paid, "0.00"), (posting.Invoice.Status, posting.Invoice.OpenAmount.Amount));
        Assert.Equal(("ana", "mark", "2026-11-30"), (posting.RequestedBy, posting.ApprovedBy, posting.EffectiveDate));
        var entry = await _host.QueryAsync(db => db.LedgerEntries.SingleAsync(e => e.Kind == LedgerEntryKind.WriteOff));
        Assert.Equal((-324.75m, "WO-2026-000001"), (entry.Amount, entry.Reference));
        // The same approval under another request id is not a second write-off.
        await GrpcAssert.FailsWith(StatusCode.AlreadyExists, () => Collections.PostWriteOffAsync(WriteOff(invoice.Id, "324.75", requestId: "w-2")).ResponseAsync);
        Assert.Equal(1, await _host.QueryAsync(db => db.LedgerEntries.CountAsync(e => e.Kind == LedgerEntryKind.WriteOff)));
    }

    [Fact]
    public async Task Nobody_but_a_service_may_post_a_write_off_and_never_a_self_approved_or_oversized_one()
    {
        var invoice = await InvoiceAsync((await _host.Client.CreateCustomerAsync(Requests.Customer())).Id);

        foreach (var role in new[] { Roles.ArManager, Roles.Controller, Roles.Collector })
        {
            var ex = await Assert.ThrowsAsync<RpcException>(() => _host.ClientAs(role).PostWriteOffAsync(WriteOff(invoice.Id, "10.00")).ResponseAsync);
            Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        }
        var selfApproved = WriteOff(invoice.Id, "10.00");
        selfApproved.ApprovedBy = "ana";
        Assert.Contains("approved_by", (await GrpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => Collections.PostWriteOffAsync(selfApproved).ResponseAsync)).FieldViolations());
        await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Collections.PostWriteOffAsync(Approved(WriteOff(invoice.Id, "324.76"))).ResponseAsync);

        Assert.Equal("324.75", (await Reload(invoice.Id)).OpenAmount.Amount);
    }

    [Fact]
    public async Task Only_collections_posts_a_write_off_and_only_one_it_approved_as_posted()
    {
        var invoice = await InvoiceAsync((await _host.Client.CreateCustomerAsync(Requests.Customer())).Id);
        var approved = Approved(WriteOff(invoice.Id, "100.00"));

        // Another service's identity, with the role it shares with Collections, may not post it.
        var otherService = await Assert.ThrowsAsync<RpcException>(() => _host.ClientFor("disputes", Roles.Service).PostWriteOffAsync(approved).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, otherService.StatusCode);
        // Collections' identity with a reference nobody approved, or with more than was approved.
        var invented = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => Collections.PostWriteOffAsync(WriteOff(invoice.Id, "100.00", reference: "WO-2026-999999", requestId: "w-2")).ResponseAsync);
        Assert.Equal("WRITE_OFF_NOT_APPROVED", invented.GetDetail<PreconditionFailure>()!.Violations[0].Type);
        var more = approved.Clone();
        (more.RequestId, more.Amount) = ("w-3", Requests.Usd("200.00"));
        await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Collections.PostWriteOffAsync(more).ResponseAsync);
        Assert.Equal("324.75", (await Reload(invoice.Id)).OpenAmount.Amount);

        Assert.Equal("224.75", (await Collections.PostWriteOffAsync(approved)).Invoice.OpenAmount.Amount);
    }

    [Fact]
    public async Task A_credit_on_account_settles_invoices_without_moving_the_balance()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        var first = await InvoiceAsync(customerId, "i-1");
        var second = await InvoiceAsync(customerId, "i-2");
        var credit = await _host.Client.CreateCreditMemoAsync(new CreateCreditMemoRequest
        {
            RequestId = "m-1", CreditMemo = new CreditMemo { CustomerId = customerId, Reason = "rebate", Amount = Requests.Usd("400.00") },
        });
        Assert.Equal("400.00", credit.UnappliedAmount.Amount);
        var balanceBefore = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });

        var applied = await _host.ClientAs(Roles.CashApplier).ApplyCreditMemoAsync(new ApplyCreditMemoRequest
        {
            Id = credit.Id, RequestId = "ac-1",
            Allocations =
            {
                new CreditAllocation { InvoiceId = first.Id, Amount = Requests.Usd("324.75") },
                new CreditAllocation { InvoiceId = second.Id, Amount = Requests.Usd("75.25") },
            },
        });

        Assert.Equal("0.00", applied.UnappliedAmount.Amount);
        Assert.Equal(2, applied.Applications.Count);
        Assert.Equal((InvoiceStatus.Paid, "249.50"), ((await Reload(first.Id)).Status, (await Reload(second.Id)).OpenAmount.Amount));
        var balanceAfter = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        Assert.Equal(balanceBefore.Balances.Single().Open.Amount, balanceAfter.Balances.Single().Open.Amount);
        Assert.Equal("249.50", balanceAfter.Balances.Single().Open.Amount);
    }

    [Fact]
    public async Task A_credit_is_never_used_beyond_what_is_left_nor_on_another_customers_invoice()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer("c-1"))).Id;
        var otherInvoice = await InvoiceAsync((await _host.Client.CreateCustomerAsync(Requests.Customer("c-2"))).Id, "i-9");
        var invoice = await InvoiceAsync(customerId);
        var credit = await _host.Client.CreateCreditMemoAsync(new CreateCreditMemoRequest
        {
            RequestId = "m-1", CreditMemo = new CreditMemo { CustomerId = customerId, Reason = "rebate", Amount = Requests.Usd("50.00") },
        });
        var applier = _host.ClientAs(Roles.CashApplier);

        await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => applier.ApplyCreditMemoAsync(new ApplyCreditMemoRequest
        {
            Id = credit.Id, RequestId = "ac-1", Allocations = { new CreditAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("50.01") } },
        }).ResponseAsync);
        await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => applier.ApplyCreditMemoAsync(new ApplyCreditMemoRequest
        {
            Id = credit.Id, RequestId = "ac-2", Allocations = { new CreditAllocation { InvoiceId = otherInvoice.Id, Amount = Requests.Usd("10.00") } },
        }).ResponseAsync);

        Assert.Equal("50.00", (await _host.Client.GetCreditMemoAsync(new GetCreditMemoRequest { Id = credit.Id })).UnappliedAmount.Amount);
        Assert.Equal("324.75", (await Reload(invoice.Id)).OpenAmount.Amount);
    }

    [Fact]
    public async Task A_debit_memo_is_a_further_charge_naming_the_invoice_it_corrects()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        var invoice = await InvoiceAsync(customerId);

        var memo = await _host.Client.CreateDebitMemoAsync(new CreateDebitMemoRequest
        {
            RequestId = "dm-1", InvoiceId = invoice.Id, Amount = Requests.Usd("40.00"), Reason = "freight not billed", TaxRatePercent = "10",
        });

        Assert.Equal((InvoiceKind.DebitMemo, InvoiceStatus.Issued, "44.00", "PO-778"), (memo.Kind, memo.Status, memo.Total.Amount, memo.PoNumber));
        Assert.Equal($"Debit memo on {invoice.Number}: freight not billed", Assert.Single(memo.Lines).Description);
        var balance = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        Assert.Equal("368.75", balance.Balances.Single().Open.Amount);
        var eur = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _host.Client.CreateDebitMemoAsync(new CreateDebitMemoRequest
        {
            RequestId = "dm-2", InvoiceId = invoice.Id, Amount = new Contracts.Common.V1.Money { Currency = "EUR", Amount = "1.00" }, Reason = "x",
        }).ResponseAsync);
        Assert.Equal(["amount.currency"], eur.FieldViolations());
    }
}
