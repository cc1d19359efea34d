using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Grpc.Core;
using Grpc.Net.Client;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Credit memos: small ones post at once; large ones need a second person, never the requester.</summary>
public sealed class CreditMemoApiTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);
    private GrpcChannel? _channel;

    public void Dispose()
    {
        _channel?.Dispose();
        _host.Dispose();
    }

    /// <summary>Billing as a named person with roles: segregation of duties is about who, not only what.</summary>
    private BillingService.BillingServiceClient As(string user, params string[] roles)
    {
        _channel ??= GrpcChannel.ForAddress(_host.Server.BaseAddress, new GrpcChannelOptions { HttpHandler = _host.Server.CreateHandler() });
        return new BillingService.BillingServiceClient(_channel.WithBearer(TestTokens.For(user, roles)));
    }

    private async Task<Invoice> InvoiceAsync(string quantity = "3", string unitPrice = "100.00")
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        return await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, quantity: quantity, unitPrice: unitPrice));
    }

    private static CreateCreditMemoRequest Credit(string invoiceId, string amount, string requestId = "m-1") => new()
    {
        RequestId = requestId,
        CreditMemo = new CreditMemo { InvoiceId = invoiceId, Reason = "pricing", Amount = Requests.Usd(amount) },
    };

    private Task<Invoice> Reload(string id) => _host.Client.GetInvoiceAsync(new GetInvoiceRequest { Id = id }).ResponseAsync;

    [Fact]
    public async Task A_credit_below_the_threshold_posts_at_once_and_reduces_the_invoice()
    {
        var invoice = await InvoiceAsync();

        var memo = await As("ana", Roles.ArClerk).CreateCreditMemoAsync(Credit(invoice.Id, "24.75"));

        Assert.Equal((CreditMemoStatus.Posted, "ana"), (memo.Status, memo.RequestedBy));
        Assert.StartsWith("CM-", memo.Number);
        Assert.Equal(("300.00", InvoiceStatus.PartiallyPaid), ((await Reload(invoice.Id)).OpenAmount.Amount, (await Reload(invoice.Id)).Status));
        var entry = await _host.QueryAsync(db => db.LedgerEntries.SingleAsync(e => e.Kind == LedgerEntryKind.CreditMemo));
        Assert.Equal((-24.75m, memo.Number), (entry.Amount, entry.Reference));
    }

    [Fact]
    public async Task A_large_credit_waits_and_its_requester_cannot_approve_it()
    {
        var invoice = await InvoiceAsync(quantity: "30");   // 3,247.50
        var memo = await As("mark", Roles.ArManager).CreateCreditMemoAsync(Credit(invoice.Id, "1500.00"));
        Assert.Equal(CreditMemoStatus.PendingApproval, memo.Status);
        Assert.Equal("3247.50", (await Reload(invoice.Id)).OpenAmount.Amount);

        var self = await Assert.ThrowsAsync<RpcException>(() => As("mark", Roles.ArManager)
            .ApproveCreditMemoAsync(new ApproveCreditMemoRequest { Id = memo.Id, RequestId = "ap-1" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, self.StatusCode);
        Assert.Contains("cannot also approve", self.Status.Detail);
        Assert.Equal("3247.50", (await Reload(invoice.Id)).OpenAmount.Amount);

        var approved = await As("carol", Roles.Controller)
            .ApproveCreditMemoAsync(new ApproveCreditMemoRequest { Id = memo.Id, RequestId = "ap-2", Note = "agreed with sales" });
        Assert.Equal((CreditMemoStatus.Posted, "carol", "mark"), (approved.Status, approved.DecidedBy, approved.RequestedBy));
        Assert.Equal("1747.50", (await Reload(invoice.Id)).OpenAmount.Amount);
    }

    [Fact]
    public async Task A_rejected_credit_changes_nothing_and_cannot_be_approved_later()
    {
        var invoice = await InvoiceAsync(quantity: "30");
        var memo = await As("ana", Roles.ArClerk).CreateCreditMemoAsync(Credit(invoice.Id, "2000.00"));

        var rejected = await As("carol", Roles.Controller).RejectCreditMemoAsync(new RejectCreditMemoRequest { Id = memo.Id, RequestId = "rj-1", Note = "no" });
        Assert.Equal(CreditMemoStatus.Rejected, rejected.Status);
        var late = await Assert.ThrowsAsync<RpcException>(() => As("dave", Roles.ArManager)
            .ApproveCreditMemoAsync(new ApproveCreditMemoRequest { Id = memo.Id, RequestId = "ap-1" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, late.StatusCode);
        Assert.Equal(0, await _host.QueryAsync(db => db.LedgerEntries.CountAsync(e => e.Kind == LedgerEntryKind.CreditMemo)));
    }

    [Fact]
    public async Task Only_managers_and_controllers_decide_credits()
    {
        var invoice = await InvoiceAsync(quantity: "30");
        var memo = await As("ana", Roles.ArClerk).CreateCreditMemoAsync(Credit(invoice.Id, "2000.00"));
        var clerk = await Assert.ThrowsAsync<RpcException>(() => As("bob", Roles.ArClerk)
            .ApproveCreditMemoAsync(new ApproveCreditMemoRequest { Id = memo.Id, RequestId = "ap-1" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, clerk.StatusCode);
    }

    [Fact]
    public async Task A_credit_larger_than_what_is_open_is_refused()
    {
        var invoice = await InvoiceAsync();
        var ex = await Assert.ThrowsAsync<RpcException>(() => As("ana", Roles.ArClerk).CreateCreditMemoAsync(Credit(invoice.Id, "324.76")).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, ex.StatusCode);
        Assert.Equal(0, await _host.CountAsync<Credits.CreditMemo>());
    }

    [Fact]
    public async Task A_credit_on_account_reduces_the_customer_balance()
    {
        var invoice = await InvoiceAsync();
        var memo = await As("ana", Roles.ArClerk).CreateCreditMemoAsync(new CreateCreditMemoRequest
        {
            RequestId = "m-acct",
            CreditMemo = new CreditMemo { CustomerId = invoice.CustomerId, Reason = "goodwill", Amount = Requests.Usd("50.00") },
        });

        Assert.Equal("", memo.InvoiceId);
        var balance = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = invoice.CustomerId });
        Assert.Equal("274.75", balance.Balances.Single().Open.Amount);
        Assert.Equal("324.75", (await Reload(invoice.Id)).OpenAmount.Amount);
    }
}
