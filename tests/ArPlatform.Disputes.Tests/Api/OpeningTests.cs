using ArPlatform.Contracts.Disputes.V1;
using Grpc.Core;
using ArPlatform.Disputes.BillingSync;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ArPlatform.Disputes.Tests.Api;

public sealed class OpeningTests : IDisposable
{
    private readonly DisputesWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task Opening_a_case_holds_its_amount_disputed_in_billing()
    {
        var invoice = await _world.InvoiceAsync();

        var dispute = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));

        Assert.StartsWith("DSP-2026-", dispute.Number);
        Assert.Equal((DisputeStatus.Open, invoice.CustomerId, "24.75", "clara"), (dispute.Status, dispute.CustomerId, dispute.Amount.Amount, dispute.OpenedBy));
        Assert.Equal(invoice.Number, Assert.Single(dispute.Items).InvoiceNumber);
        // Pricing: 10 days from the opening day.
        Assert.Equal("2026-12-10", dispute.SlaDueDate);
        var flagged = await _world.ReloadAsync(invoice.Id);
        Assert.Equal("24.75", flagged.DisputedAmount.Amount);
        Assert.Equal(dispute.Id, Assert.Single(flagged.DisputeFlags).DisputeId);
        var balance = await _world.BillingClient.GetAccountBalanceAsync(new() { CustomerId = invoice.CustomerId });
        Assert.Equal("24.75", balance.Balances.Single().Disputed.Amount);
        Assert.Equal(new Contracts.Disputes.V1.BillingSync(), (await _world.Disputes.Client.GetDisputeAsync(new() { Id = dispute.Id })).BillingSync);
    }

    [Fact]
    public async Task Opening_again_with_the_same_request_id_returns_the_same_case_and_holds_nothing_more()
    {
        var invoice = await _world.InvoiceAsync();

        var first = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));
        var again = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id));

        Assert.Equal(first, again);
        Assert.Equal(1, await _world.Disputes.QueryAsync(db => db.Disputes.CountAsync()));
        Assert.Equal("24.75", (await _world.ReloadAsync(invoice.Id)).DisputedAmount.Amount);
    }

    [Fact]
    public async Task A_case_against_several_invoices_and_lines_holds_each_invoice_apart()
    {
        var invoice = await _world.InvoiceAsync();
        var second = await _world.InvoiceAsync(invoice.CustomerId, "i-2");
        var request = new OpenDisputeRequest
        {
            RequestId = "d-multi",
            Dispute = new Dispute
            {
                ReasonCode = DisputeReasonCode.Quantity, Description = "Short shipped on two orders",
                Items =
                {
                    new DisputeItem { InvoiceId = invoice.Id, LineNumber = 1, Amount = Requests.Usd("108.25") },
                    new DisputeItem { InvoiceId = second.Id, Amount = Requests.Usd("50.00") },
                },
            },
        };

        var dispute = await _world.Disputes.Client.OpenDisputeAsync(request);

        Assert.Equal(("158.25", DisputeSource.Customer), (dispute.Amount.Amount, dispute.Source));
        Assert.Equal("108.25", (await _world.ReloadAsync(invoice.Id)).DisputedAmount.Amount);
        Assert.Equal("50.00", (await _world.ReloadAsync(second.Id)).DisputedAmount.Amount);
    }

    [Fact]
    public async Task A_whole_invoice_of_several_products_is_disputed_without_a_product_and_a_line_with_its_own()
    {
        var customerId = (await _world.BillingClient.CreateCustomerAsync(Requests.Customer())).Id;
        var request = Requests.Invoice(customerId);
        request.Invoice.Lines[0].ProductCode = "SKU-A";
        request.Invoice.Lines.Add(new Contracts.Billing.V1.InvoiceLine
        {
            Description = "Support", Quantity = "1", UnitPrice = Requests.Usd("50.00"), ProductCode = "SKU-B",
        });
        var invoice = await _world.BillingClient.CreateInvoiceAsync(request);
        var lineRequest = DisputesWorld.Open(invoice.Id, "50.00", "d-2");
        lineRequest.Dispute.InvoiceId = "";
        lineRequest.Dispute.Amount = null;
        lineRequest.Dispute.Items.Add(new DisputeItem { InvoiceId = invoice.Id, LineNumber = 2, Amount = Requests.Usd("50.00") });

        var whole = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "10.00"));
        var line = await _world.Disputes.Client.OpenDisputeAsync(lineRequest);

        Assert.Equal("", whole.Items.Single().ProductCode);
        Assert.Equal(("SKU-B", 2), (line.Items.Single().ProductCode, line.Items.Single().LineNumber));
    }

    [Fact]
    public async Task Two_cases_cannot_dispute_more_than_is_open_on_an_invoice()
    {
        var invoice = await _world.InvoiceAsync();
        await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "300.00"));

        var status = await GrpcAssert.FailsWith(StatusCode.FailedPrecondition,
            () => _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "24.76", "d-2")).ResponseAsync);

        Assert.Contains("24.75", status.Message);
        Assert.Equal(1, await _world.Disputes.QueryAsync(db => db.Disputes.CountAsync()));
    }

    [Fact]
    public async Task Cases_opened_in_parallel_never_hold_more_than_is_open_and_those_billing_refuses_are_refused_and_closed()
    {
        var invoice = await _world.InvoiceAsync(); // 324.75

        var answers = await Task.WhenAll(Enumerable.Range(1, 40).Select(async n =>
        {
            try
            {
                await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "10.00", $"d-{n}"));
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        var held = await _world.ReloadAsync(invoice.Id);
        var disputed = decimal.Parse(held.DisputedAmount.Amount, System.Globalization.CultureInfo.InvariantCulture);
        Assert.InRange(disputed, 10.00m, 324.75m);
        var open = await _world.Disputes.Client.ListDisputesAsync(new() { PageSize = 100 });
        // Every case that says it is open holds its amount in Billing, and no other does.
        Assert.Equal(disputed, open.Disputes.Where(d => d.Status == DisputeStatus.Open).Sum(d => decimal.Parse(d.Amount.Amount, System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(disputed, answers.Count(a => a == StatusCode.OK) * 10.00m);
        Assert.All(answers.Where(a => a != StatusCode.OK), a => Assert.Equal(StatusCode.FailedPrecondition, a));
    }

    [Fact]
    public async Task A_case_whose_hold_billing_refuses_is_closed_and_its_request_answers_failed_precondition_with_billings_reason()
    {
        using var world = new DisputesWorld(new Dictionary<string, string> { ["Disputes:Outbox:DeliverAfterCommit"] = "false" });
        var invoice = await world.InvoiceAsync(); // 324.75
        // Both checked by Disputes before either hold reached Billing: together they claim more than is open.
        var first = await world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "300.00", "d-1"));
        var second = await world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "100.00", "d-2"));

        await world.Disputes.Services.GetRequiredService<BillingOutboxDispatcher>().DeliverDueAsync(CancellationToken.None);

        var refused = await Assert.ThrowsAsync<RpcException>(() => world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "100.00", "d-2")).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("24.75", refused.Status.Detail);
        Assert.Equal(DisputeStatus.Closed, (await world.Disputes.Client.GetDisputeAsync(new() { Id = second.Id })).Status);
        Assert.Equal(DisputeStatus.Open, (await world.Disputes.Client.GetDisputeAsync(new() { Id = first.Id })).Status);
        Assert.Equal("300.00", (await world.ReloadAsync(invoice.Id)).DisputedAmount.Amount);
    }

    [Fact]
    public async Task A_case_reopened_when_its_room_is_gone_answers_failed_precondition_and_stays_closed()
    {
        var invoice = await _world.InvoiceAsync(); // 324.75
        var first = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "300.00", "d-1"));
        await _world.Manager().ResolveDisputeAsync(new() { Id = first.Id, RequestId = "r-1", Outcome = DisputeOutcome.Invalid });
        await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "300.00", "d-2"));

        var refused = await Assert.ThrowsAsync<RpcException>(() => _world.Manager().TransitionDisputeAsync(new()
        {
            Id = first.Id, RequestId = "t-1", ToStatus = DisputeStatus.Open, Reason = "customer sent new evidence",
        }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, refused.StatusCode);
        Assert.Contains("24.75", refused.Status.Detail);
        Assert.Equal(DisputeStatus.Closed, (await _world.Disputes.Client.GetDisputeAsync(new() { Id = first.Id })).Status);
        Assert.Equal("300.00", (await _world.ReloadAsync(invoice.Id)).DisputedAmount.Amount);
    }

    [Fact]
    public async Task A_batch_opens_each_case_on_its_own_against_what_the_cases_before_it_hold_and_refuses_only_the_bad_ones()
    {
        var invoice = await _world.InvoiceAsync();
        var first = await _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open(invoice.Id, "24.75", "d-0"));
        var invalid = DisputesWorld.Open(invoice.Id, "1.00", "d-4");
        invalid.Dispute.ReasonCode = DisputeReasonCode.Unspecified;

        var batch = await _world.Disputes.Client.OpenDisputesAsync(new OpenDisputesRequest
        {
            Disputes =
            {
                DisputesWorld.Open(invoice.Id, "200.00", "d-1"),
                DisputesWorld.Open(invoice.Id, "100.01", "d-2"), // 100.00 left beside d-0 and d-1
                DisputesWorld.Open("01JD00000000000000000NOPE0", "1.00", "d-3"),
                invalid,
                DisputesWorld.Open(invoice.Id, "24.75", "d-0"), // opened before: replayed
                DisputesWorld.Open(invoice.Id, "100.00", "d-5"),
            },
        });

        Assert.Equal(["", "FailedPrecondition", "NotFound", "InvalidArgument", "", ""], batch.Results.Select(r => r.ErrorCode));
        Assert.Equal(["d-1", "d-2", "d-3", "d-4", "d-0", "d-5"], batch.Results.Select(r => r.RequestId));
        Assert.Contains("has 100 USD open and not yet disputed", batch.Results[1].ErrorMessage);
        Assert.Contains("reason_code", batch.Results[3].ErrorMessage);
        Assert.Equal(first, batch.Results[4].Dispute);
        Assert.Equal(3, await _world.Disputes.QueryAsync(db => db.Disputes.CountAsync()));
        Assert.Equal("324.75", (await _world.ReloadAsync(invoice.Id)).DisputedAmount.Amount);
        var again = await _world.Disputes.Client.OpenDisputesAsync(new OpenDisputesRequest { Disputes = { DisputesWorld.Open(invoice.Id, "100.00", "d-5") } });
        Assert.Equal(batch.Results[5].Dispute, again.Results.Single().Dispute);
        var audited = await _world.Disputes.QueryAsync(db => db.Set<ServiceDefaults.Audit.AuditEntry>().CountAsync(a => a.Operation == "OpenDispute"));
        Assert.Equal(3, audited);
    }

    [Fact]
    public async Task An_empty_batch_of_cases_is_invalid()
    {
        await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Disputes.Client.OpenDisputesAsync(new OpenDisputesRequest()).ResponseAsync);
    }

    [Fact]
    public async Task An_invalid_request_names_every_bad_field_and_creates_nothing()
    {
        var request = new OpenDisputeRequest
        {
            Dispute = new Dispute { InvoiceId = "x", Amount = new() { Currency = "USD", Amount = "-1" }, Source = DisputeSource.ShortPay },
        };

        var status = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Disputes.Client.OpenDisputeAsync(request).ResponseAsync);

        Assert.Equal(["request_id", "dispute.amount.amount", "dispute.reason_code", "dispute.payment_reference", "dispute.description"],
            status.FieldViolations());
        Assert.Equal(0, await _world.Disputes.QueryAsync(db => db.Disputes.CountAsync()));
    }

    [Fact]
    public async Task A_case_against_an_unknown_invoice_is_not_found()
    {
        await GrpcAssert.FailsWith(StatusCode.NotFound,
            () => _world.Disputes.Client.OpenDisputeAsync(DisputesWorld.Open("01JD00000000000000000NOPE0")).ResponseAsync);
    }

    [Fact]
    public async Task A_short_pay_deduction_carries_its_payment_and_remittance()
    {
        var invoice = await _world.InvoiceAsync();
        var request = DisputesWorld.Open(invoice.Id, "24.75", "ded-1", DisputeReasonCode.PromotionTrade);
        request.Dispute.Source = DisputeSource.ShortPay;
        request.Dispute.PaymentReference = "BANK-REF-991";
        request.Dispute.RemittanceReference = "ADX*24.75*04";

        var dispute = await _world.Disputes.Client.OpenDisputeAsync(request);

        Assert.Equal((DisputeSource.ShortPay, "BANK-REF-991", "ADX*24.75*04"), (dispute.Source, dispute.PaymentReference, dispute.RemittanceReference));
    }
}
