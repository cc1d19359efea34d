using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>What dispute cases hold on invoices, as the Disputes service sets it.</summary>
public sealed class InvoiceDisputeFlagTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private BillingService.BillingServiceClient Disputes => _host.ClientFor("disputes", Roles.Service);

    private async Task<Invoice> InvoiceAsync()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        return await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId));
    }

    private static MarkInvoiceDisputedRequest Mark(string invoiceId, string dispute, string amount, long sequence) => new()
    {
        InvoiceId = invoiceId, RequestId = $"{dispute}-{sequence}", DisputeId = dispute, Amount = Requests.Usd(amount), Sequence = sequence,
    };

    [Fact]
    public async Task Each_case_holds_its_own_amount_and_the_invoice_shows_their_sum()
    {
        var invoice = await InvoiceAsync();

        await Disputes.MarkInvoiceDisputedAsync(Mark(invoice.Id, "case-a", "20.00", 1));
        var both = await Disputes.MarkInvoiceDisputedAsync(Mark(invoice.Id, "case-b", "4.75", 1));
        var one = await Disputes.ClearInvoiceDisputeAsync(new() { InvoiceId = invoice.Id, RequestId = "case-a-2", DisputeId = "case-a", Sequence = 2 });

        Assert.Equal(("24.75", 2), (both.DisputedAmount.Amount, both.DisputeFlags.Count));
        Assert.Equal(("4.75", "case-b"), (one.DisputedAmount.Amount, one.DisputeFlags.Single().DisputeId));
        var balance = await _host.Client.GetAccountBalanceAsync(new() { CustomerId = invoice.CustomerId });
        Assert.Equal("4.75", balance.Balances.Single().Disputed.Amount);
    }

    [Fact]
    public async Task An_older_change_arriving_late_is_ignored()
    {
        var invoice = await InvoiceAsync();
        await Disputes.MarkInvoiceDisputedAsync(Mark(invoice.Id, "case-a", "20.00", 1));
        await Disputes.ClearInvoiceDisputeAsync(new() { InvoiceId = invoice.Id, RequestId = "case-a-2", DisputeId = "case-a", Sequence = 2 });

        var late = Mark(invoice.Id, "case-a", "20.00", 1);
        late.RequestId = "redelivered-by-another-replica";
        var answer = await Disputes.MarkInvoiceDisputedAsync(late);

        Assert.Equal("0.00", answer.DisputedAmount.Amount);
        Assert.Equal("0.00", (await _host.Client.GetInvoiceAsync(new() { Id = invoice.Id })).DisputedAmount.Amount);
    }

    [Fact]
    public async Task A_draft_cannot_be_disputed_nor_more_than_its_total()
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        var draft = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, issue: false));
        var issued = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, "i-2"));

        await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Disputes.MarkInvoiceDisputedAsync(Mark(draft.Id, "case-a", "1.00", 1)).ResponseAsync);
        await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => Disputes.MarkInvoiceDisputedAsync(Mark(issued.Id, "case-a", "324.76", 1)).ResponseAsync);
    }

    [Fact]
    public async Task A_batch_of_holds_takes_each_on_its_own_in_order_replaying_repeats_and_refusing_only_the_bad_ones()
    {
        var invoice = await InvoiceAsync();
        var customerId = invoice.CustomerId;
        var draft = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, "i-2", issue: false));
        await Disputes.MarkInvoiceDisputedAsync(Mark(invoice.Id, "case-a", "20.00", 1));
        var noAmount = Mark(invoice.Id, "case-d", "1.00", 1);
        noAmount.Amount = null;

        var batch = await Disputes.MarkInvoicesDisputedAsync(new MarkInvoicesDisputedRequest
        {
            Marks =
            {
                Mark(invoice.Id, "case-a", "20.00", 1), // delivered before: replayed
                Mark(invoice.Id, "case-b", "4.75", 1),
                Mark(invoice.Id, "case-b", "5.00", 2), // the same case's next change, after its first
                Mark(draft.Id, "case-c", "1.00", 1),
                Mark("no-such-invoice", "case-e", "1.00", 1),
                noAmount,
            },
        });

        Assert.Equal(["", "", "", "FailedPrecondition", "NotFound", "InvalidArgument"], batch.Results.Select(r => r.ErrorCode));
        Assert.Equal(["case-a-1", "case-b-1", "case-b-2", "case-c-1", "case-e-1", "case-d-1"], batch.Results.Select(r => r.RequestId));
        Assert.Equal("25.00", batch.Results[2].Invoice.DisputedAmount.Amount);
        Assert.Equal("25.00", (await _host.Client.GetInvoiceAsync(new() { Id = invoice.Id })).DisputedAmount.Amount);
        Assert.Equal("0.00", (await _host.Client.GetInvoiceAsync(new() { Id = draft.Id })).DisputedAmount.Amount);
        var balance = await _host.Client.GetAccountBalanceAsync(new() { CustomerId = customerId });
        Assert.Equal("25.00", balance.Balances.Single().Disputed.Amount);

        var again = await Disputes.MarkInvoicesDisputedAsync(new MarkInvoicesDisputedRequest { Marks = { Mark(invoice.Id, "case-b", "5.00", 2) } });
        Assert.Equal(batch.Results[2].Invoice, again.Results.Single().Invoice);
    }

    [Fact]
    public async Task Holds_of_different_cases_together_never_exceed_what_is_open()
    {
        var invoice = await InvoiceAsync(); // 324.75

        var holds = await Disputes.MarkInvoicesDisputedAsync(new MarkInvoicesDisputedRequest
        {
            Marks = { Mark(invoice.Id, "case-a", "150.00", 1), Mark(invoice.Id, "case-b", "150.00", 1), Mark(invoice.Id, "case-c", "150.00", 1) },
        });

        Assert.Equal(["", "", "FailedPrecondition"], holds.Results.Select(r => r.ErrorCode));
        Assert.Contains("24.75", holds.Results[2].ErrorMessage);
        Assert.Equal("300.00", (await _host.Client.GetInvoiceAsync(new() { Id = invoice.Id })).DisputedAmount.Amount);
    }

    [Fact]
    public async Task Parallel_holds_on_one_invoice_are_each_checked_against_the_others()
    {
        var invoice = await InvoiceAsync(); // 324.75

        var answers = await Task.WhenAll(Enumerable.Range(1, 40).Select(async n =>
        {
            try
            {
                await Disputes.MarkInvoiceDisputedAsync(Mark(invoice.Id, $"case-{n}", "10.00", 1));
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        // Every hold taken is counted and they never pass the invoice's 324.75. A hold is refused
        // for want of room only once 32 are taken; on a server database, where writers race
        // instead of queueing, one that lost every race is told to retry (ABORTED).
        var disputed = decimal.Parse((await _host.Client.GetInvoiceAsync(new() { Id = invoice.Id })).DisputedAmount.Amount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(10.00m * answers.Count(a => a == StatusCode.OK), disputed);
        Assert.InRange(disputed, 0m, 324.75m);
        var refusedForRoom = answers.Count(a => a == StatusCode.FailedPrecondition);
        Assert.True(refusedForRoom == 0 || disputed == 320.00m, $"{refusedForRoom} refused for room with {disputed} held");
        Assert.True(answers.Count(a => a == StatusCode.OK) + answers.Count(a => a == StatusCode.Aborted) >= 32);
        Assert.All(answers.Where(a => a != StatusCode.OK), a => Assert.True(a is StatusCode.FailedPrecondition or StatusCode.Aborted, a.ToString()));
    }

    [Fact]
    public async Task Cash_is_not_applied_over_what_disputes_hold_but_a_credit_resolving_a_case_may_use_its_hold()
    {
        var invoice = await InvoiceAsync(); // 324.75
        await Disputes.MarkInvoiceDisputedAsync(Mark(invoice.Id, "case-a", "100.00", 1));

        var refused = await Assert.ThrowsAsync<RpcException>(() => _host.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new ApplyPaymentRequest
        {
            RequestId = "a-1", PaymentReference = "BANK-1", AppliedOn = "2026-11-05",
            Allocations = { new PaymentAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("324.75") } },
        }).ResponseAsync);
        var credited = await Disputes.CreateCreditMemoAsync(new CreateCreditMemoRequest
        {
            RequestId = "case-a-2",
            CreditMemo = new CreditMemo { InvoiceId = invoice.Id, DisputeId = "case-a", Reason = "valid dispute", Amount = Requests.Usd("100.00") },
        });

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("disputes hold 100", refused.Status.Detail);
        Assert.Equal(CreditMemoStatus.Posted, credited.Status);
        var after = await _host.Client.GetInvoiceAsync(new() { Id = invoice.Id });
        Assert.Equal(("224.75", "0.00"), (after.OpenAmount.Amount, after.DisputedAmount.Amount));
    }

    [Fact]
    public async Task An_invoice_that_disputes_hold_is_not_voided_until_they_are_resolved()
    {
        var invoice = await InvoiceAsync();
        await Disputes.MarkInvoiceDisputedAsync(Mark(invoice.Id, "case-a", "100.00", 1));

        var refused = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _host.Client.VoidInvoiceAsync(new() { Id = invoice.Id, RequestId = "v-1", Reason = "billed twice" }).ResponseAsync);
        await Disputes.ClearInvoiceDisputeAsync(new() { InvoiceId = invoice.Id, RequestId = "case-a-2", DisputeId = "case-a", Sequence = 2 });
        var voided = await _host.Client.VoidInvoiceAsync(new() { Id = invoice.Id, RequestId = "v-2", Reason = "billed twice" });

        Assert.Contains("held by open disputes", refused.Message);
        Assert.Equal(InvoiceStatus.Void, voided.Status);
    }

    [Fact]
    public async Task A_hold_redelivered_after_a_newer_change_is_no_change_even_on_a_void_invoice()
    {
        var invoice = await InvoiceAsync();
        await Disputes.MarkInvoiceDisputedAsync(Mark(invoice.Id, "case-a", "20.00", 1));
        await Disputes.ClearInvoiceDisputeAsync(new() { InvoiceId = invoice.Id, RequestId = "case-a-2", DisputeId = "case-a", Sequence = 2 });
        await _host.Client.VoidInvoiceAsync(new() { Id = invoice.Id, RequestId = "v-1", Reason = "billed twice" });

        var late = Mark(invoice.Id, "case-a", "20.00", 1);
        late.RequestId = "redelivered";
        var answer = await Disputes.MarkInvoiceDisputedAsync(late);

        Assert.Equal(("0.00", InvoiceStatus.Void), (answer.DisputedAmount.Amount, answer.Status));
    }

    [Fact]
    public async Task A_service_retrying_across_the_upgrade_to_caller_scoped_keys_replays_its_first_credit()
    {
        var invoice = await InvoiceAsync();
        var request = new CreateCreditMemoRequest
        {
            RequestId = "case-a-3", CreditMemo = new CreditMemo { InvoiceId = invoice.Id, Reason = "valid dispute", Amount = Requests.Usd("10.00") },
        };
        var first = await Disputes.CreateCreditMemoAsync(request);
        // The record as an earlier version stored it: "{operation}:{request id}", not scoped by caller.
        await _host.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """UPDATE "IdempotencyRecords" SET "Key" = 'CreateCreditMemo:case-a-3' WHERE "Key" LIKE 'CreateCreditMemo@%:case-a-3'"""));

        var retried = await Disputes.CreateCreditMemoAsync(request);

        Assert.Equal(first.Id, retried.Id);
        Assert.Equal("314.75", (await _host.Client.GetInvoiceAsync(new() { Id = invoice.Id })).OpenAmount.Amount);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public async Task A_cases_credit_awaiting_approval_stays_held_until_it_is_posted_or_rejected(bool approved)
    {
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        var invoice = await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, quantity: "30")); // 3,247.50
        await Disputes.MarkInvoiceDisputedAsync(Mark(invoice.Id, "case-a", "2000.00", 1));
        // The case resolved valid: its credit (above the approval threshold) waits, then its hold is cleared.
        var memo = await Disputes.CreateCreditMemoAsync(new CreateCreditMemoRequest
        {
            RequestId = "case-a-2",
            CreditMemo = new CreditMemo { InvoiceId = invoice.Id, DisputeId = "case-a", Reason = "valid dispute", Amount = Requests.Usd("2000.00") },
        }, new Metadata { { "x-on-behalf-of", "mia" } });
        var cleared = await Disputes.ClearInvoiceDisputeAsync(new() { InvoiceId = invoice.Id, RequestId = "case-a-3", DisputeId = "case-a", Sequence = 3 });

        Assert.Equal((CreditMemoStatus.PendingApproval, "2000.00"), (memo.Status, cleared.DisputedAmount.Amount));
        await GrpcAssert.FailsWith(StatusCode.FailedPrecondition, () => _host.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new ApplyPaymentRequest
        {
            RequestId = "a-1", PaymentReference = "BANK-1", AppliedOn = "2026-11-05",
            Allocations = { new PaymentAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("3247.50") } },
        }).ResponseAsync);
        var manager = _host.ClientFor("mark", Roles.ArManager);
        var decided = approved
            ? await manager.ApproveCreditMemoAsync(new ApproveCreditMemoRequest { Id = memo.Id, RequestId = "ap-1" })
            : await manager.RejectCreditMemoAsync(new RejectCreditMemoRequest { Id = memo.Id, RequestId = "rj-1", Note = "not agreed" });

        var after = await _host.Client.GetInvoiceAsync(new() { Id = invoice.Id });
        Assert.Equal(approved ? CreditMemoStatus.Posted : CreditMemoStatus.Rejected, decided.Status);
        Assert.Equal((approved ? "1247.50" : "3247.50", "0.00"), (after.OpenAmount.Amount, after.DisputedAmount.Amount));
    }

    [Fact]
    public async Task Only_the_disputes_service_names_the_case_a_credit_resolves()
    {
        var invoice = await InvoiceAsync();

        var refused = await Assert.ThrowsAsync<RpcException>(() => _host.Client.CreateCreditMemoAsync(new CreateCreditMemoRequest
        {
            RequestId = "m-1",
            CreditMemo = new CreditMemo { InvoiceId = invoice.Id, DisputeId = "case-a", Reason = "pricing", Amount = Requests.Usd("10.00") },
        }).ResponseAsync);

        var byAnotherService = await Assert.ThrowsAsync<RpcException>(() => _host.ClientFor("cashapp", Roles.Service).CreateCreditMemoAsync(new CreateCreditMemoRequest
        {
            RequestId = "m-2",
            CreditMemo = new CreditMemo { InvoiceId = invoice.Id, DisputeId = "case-a", Reason = "pricing", Amount = Requests.Usd("10.00") },
        }).ResponseAsync);

        Assert.Equal(StatusCode.InvalidArgument, refused.StatusCode);
        Assert.Contains("credit_memo.dispute_id", refused.Status.Detail);
        Assert.Equal(StatusCode.InvalidArgument, byAnotherService.StatusCode);
    }

    [Fact]
    public async Task An_empty_batch_of_holds_is_invalid()
    {
        await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => Disputes.MarkInvoicesDisputedAsync(new MarkInvoicesDisputedRequest()).ResponseAsync);
    }

    [Fact]
    public async Task Only_the_disputes_service_and_managers_set_dispute_holds()
    {
        var invoice = await InvoiceAsync();

        var denied = await Assert.ThrowsAsync<RpcException>(() =>
            _host.ClientFor("clara", Roles.ArClerk).MarkInvoiceDisputedAsync(Mark(invoice.Id, "case-a", "1.00", 1)).ResponseAsync);

        Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
    }
}
