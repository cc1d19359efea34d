using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Disputes.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;

namespace ArPlatform.Disputes.Tests.Api;

public sealed class ResolutionTests : IDisposable
{
    private readonly DisputesWorld _world = new();

    public void Dispose() => _world.Dispose();

    private static ResolveDisputeRequest Resolve(string id, DisputeOutcome outcome, string? credit = null, string requestId = "r-1") => new()
    {
        Id = id, RequestId = requestId, Outcome = outcome, Note = "checked the contract",
        CreditedAmount = credit is null ? null : Requests.Usd(credit),
    };

    [Fact]
    public async Task A_valid_case_becomes_a_credit_memo_and_the_hold_comes_off()
    {
        var invoice = await _world.InvoiceAsync();
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));

        var resolved = await _world.Manager().ResolveDisputeAsync(Resolve(dispute.Id, DisputeOutcome.Valid));

        Assert.Equal((DisputeStatus.ResolvedValid, "24.75"), (resolved.Status, resolved.CreditedAmount.Amount));
        var after = await _world.ReloadAsync(invoice.Id);
        Assert.Equal(("300.00", "0.00", InvoiceStatus.PartiallyPaid), (after.OpenAmount.Amount, after.DisputedAmount.Amount, after.Status));
        var item = (await _world.Disputes.Client.GetDisputeAsync(new() { Id = dispute.Id })).Items.Single();
        var memo = await _world.BillingClient.GetCreditMemoAsync(new GetCreditMemoRequest { Id = item.CreditMemoId });
        Assert.Equal((memo.Number, "24.75", CreditMemoStatus.Posted, "mia"), (item.CreditMemoNumber, memo.Amount.Amount, memo.Status, memo.RequestedBy));
        Assert.Contains(dispute.Number, memo.Reason);
    }

    [Fact]
    public async Task An_invalid_case_returns_the_amount_to_collections_and_credits_nothing()
    {
        var invoice = await _world.InvoiceAsync();
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));

        var resolved = await _world.Disputes.Client.ResolveDisputeAsync(Resolve(dispute.Id, DisputeOutcome.Invalid));

        Assert.Equal((DisputeStatus.ResolvedInvalid, "0.00"), (resolved.Status, resolved.CreditedAmount.Amount));
        var after = await _world.ReloadAsync(invoice.Id);
        Assert.Equal(("324.75", "0.00"), (after.OpenAmount.Amount, after.DisputedAmount.Amount));
        Assert.Empty(after.DisputeFlags);
    }

    [Fact]
    public async Task A_large_partial_credit_waits_in_billing_and_its_resolver_cannot_approve_it()
    {
        var customer = (await _world.BillingClient.CreateCustomerAsync(Requests.Customer())).Id;
        var invoice = await _world.BillingClient.CreateInvoiceAsync(Requests.Invoice(customer, quantity: "30", unitPrice: "100.00"));
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "2000.00"));

        await _world.Manager("mia").ResolveDisputeAsync(Resolve(dispute.Id, DisputeOutcome.Partial, "1500.00"));

        var memoId = (await _world.Disputes.Client.GetDisputeAsync(new() { Id = dispute.Id })).Items.Single().CreditMemoId;
        var memo = await _world.BillingClient.GetCreditMemoAsync(new GetCreditMemoRequest { Id = memoId });
        Assert.Equal((CreditMemoStatus.PendingApproval, "mia", "1500.00"), (memo.Status, memo.RequestedBy, memo.Amount.Amount));
        await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _world.Billing.ClientFor("mia", Roles.ArManager)
            .ApproveCreditMemoAsync(new ApproveCreditMemoRequest { Id = memoId, RequestId = "a-1" }).ResponseAsync);
        var approved = await _world.Billing.ClientFor("omar", Roles.Controller)
            .ApproveCreditMemoAsync(new ApproveCreditMemoRequest { Id = memoId, RequestId = "a-2" });
        Assert.Equal(CreditMemoStatus.Posted, approved.Status);
    }

    [Fact]
    public async Task A_partial_credit_must_be_less_than_the_disputed_amount()
    {
        var invoice = await _world.InvoiceAsync();
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));

        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument,
            () => _world.Disputes.Client.ResolveDisputeAsync(Resolve(dispute.Id, DisputeOutcome.Partial, "24.75")).ResponseAsync);

        Assert.Equal(["credited_amount"], status.FieldViolations());
        Assert.Equal("24.75", (await _world.ReloadAsync(invoice.Id)).DisputedAmount.Amount);
    }

    [Fact]
    public async Task Resolving_twice_with_one_request_id_credits_once()
    {
        var invoice = await _world.InvoiceAsync();
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));

        var first = await _world.Manager().ResolveDisputeAsync(Resolve(dispute.Id, DisputeOutcome.Valid));
        var again = await _world.Manager().ResolveDisputeAsync(Resolve(dispute.Id, DisputeOutcome.Valid));

        Assert.Equal(first, again);
        Assert.Equal("300.00", (await _world.ReloadAsync(invoice.Id)).OpenAmount.Amount);
    }

    [Fact]
    public async Task A_decided_case_reopened_with_a_reason_is_held_disputed_again()
    {
        var invoice = await _world.InvoiceAsync();
        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));
        await _world.Disputes.Client.ResolveDisputeAsync(Resolve(dispute.Id, DisputeOutcome.Invalid));

        var reopened = await _world.Disputes.Client.TransitionDisputeAsync(new TransitionDisputeRequest
        {
            Id = dispute.Id, RequestId = "t-reopen", ToStatus = DisputeStatus.Open, Reason = "customer sent the signed price agreement",
        });

        Assert.Equal((DisputeStatus.Open, DisputeOutcome.Unspecified), (reopened.Status, reopened.Outcome));
        Assert.Equal("24.75", (await _world.ReloadAsync(invoice.Id)).DisputedAmount.Amount);
    }
}
