using ArPlatform.Contracts.CashApplication.V1;
using Grpc.Core;
using BillingStatus = ArPlatform.Contracts.Billing.V1.InvoiceStatus;

namespace ArPlatform.CashApplication.Tests.Applications;

/// <summary>A person's decisions — apply, unapply, return — carried out in the real Billing (in memory).</summary>
public sealed class ManualApplicationTests : IDisposable
{
    private readonly CashWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_person_applies_an_exception_and_only_another_person_may_take_it_back()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1");
        var payment = await _world.RecordAsync("p-1", "108.25", "Unknown Payer");
        Assert.Equal(PaymentStatus.Unapplied, payment.Status);

        var applied = await _world.Carl.ApplyPaymentManuallyAsync(new ApplyPaymentManuallyRequest
        {
            Id = payment.Id, RequestId = "m-1", Note = "remittance came by email",
            Allocations = { new ManualAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("108.25") } },
        });
        Assert.Equal((PaymentStatus.Applied, false, ApplicationStatus.Applied),
            (applied.Status, applied.Applications.Single().Automatic, applied.Applications.Single().Status));
        Assert.Equal(BillingStatus.Paid, (await _world.InvoiceNowAsync(invoice.Id)).Status);

        var own = await Assert.ThrowsAsync<RpcException>(() => _world.Carl.UnapplyPaymentAsync(
            new UnapplyPaymentRequest { Id = payment.Id, RequestId = "u-1", Reason = "wrong customer" }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, own.StatusCode);
        Assert.Contains("carl applied", own.Status.Detail);

        var undone = await _world.Cora.UnapplyPaymentAsync(new UnapplyPaymentRequest { Id = payment.Id, RequestId = "u-2", Reason = "wrong customer" });

        Assert.Equal((PaymentStatus.Unapplied, ApplicationStatus.Reversed, "cora"),
            (undone.Status, undone.Applications.Single().Status, undone.Applications.Single().ReversedBy));
        var reopened = await _world.InvoiceNowAsync(invoice.Id);
        Assert.Equal((BillingStatus.Issued, "108.25"), (reopened.Status, reopened.OpenAmount.Amount));
    }

    [Fact]
    public async Task A_returned_payment_reverses_its_applications_reopens_the_invoices_and_stays_returned()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1");
        var payment = await _world.RecordAsync("p-1", "108.25", "ACME CORP", "", invoice.Number);
        Assert.Equal(PaymentStatus.Applied, payment.Status);

        var returned = await _world.Carl.ReturnPaymentAsync(new ReturnPaymentRequest { Id = payment.Id, RequestId = "r-1", Reason = "R01 insufficient funds" });

        Assert.Equal((PaymentStatus.Returned, ApplicationStatus.Reversed), (returned.Status, returned.Applications.Single().Status));
        Assert.Equal(BillingStatus.Issued, (await _world.InvoiceNowAsync(invoice.Id)).Status);
        Assert.Equal(["INVOICE_ISSUED 108.25", "PAYMENT_APPLIED -108.25", "PAYMENT_REVERSED 108.25"], await _world.LedgerKindsAsync(invoice.Id));
        var again = await Assert.ThrowsAsync<RpcException>(() => _world.Carl.ApplyPaymentManuallyAsync(new ApplyPaymentManuallyRequest
        {
            Id = payment.Id, RequestId = "m-1", Allocations = { new ManualAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("108.25") } },
        }).ResponseAsync);
        Assert.Equal(StatusCode.FailedPrecondition, again.StatusCode);
    }

    [Fact]
    public async Task A_person_may_not_return_a_payment_they_applied_themselves_but_another_person_may()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1");
        var payment = await _world.RecordAsync("p-1", "108.25", "Unknown Payer");
        await _world.Carl.ApplyPaymentManuallyAsync(new ApplyPaymentManuallyRequest
        {
            Id = payment.Id, RequestId = "m-1", Allocations = { new ManualAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("108.25") } },
        });

        var own = await Assert.ThrowsAsync<RpcException>(() => _world.Carl.ReturnPaymentAsync(
            new ReturnPaymentRequest { Id = payment.Id, RequestId = "r-1", Reason = "R01 insufficient funds" }).ResponseAsync);

        Assert.Equal(StatusCode.FailedPrecondition, own.StatusCode);
        Assert.Contains("carl applied", own.Status.Detail);
        Assert.Equal(BillingStatus.Paid, (await _world.InvoiceNowAsync(invoice.Id)).Status);
        var returned = await _world.Cora.ReturnPaymentAsync(new ReturnPaymentRequest { Id = payment.Id, RequestId = "r-2", Reason = "R01 insufficient funds" });
        Assert.Equal(PaymentStatus.Returned, returned.Status);
        Assert.Equal(BillingStatus.Issued, (await _world.InvoiceNowAsync(invoice.Id)).Status);
    }

    [Fact]
    public async Task Parallel_manual_applications_that_billing_refuses_answer_an_error_and_leave_their_payments_unapplied()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1"); // 108.25
        var payments = new List<Payment>();
        for (var n = 1; n <= 8; n++) payments.Add(await _world.RecordAsync($"p-{n}", "50.00", "Unknown Payer"));

        var answers = await Task.WhenAll(payments.Select(async (payment, n) =>
        {
            try
            {
                await _world.Carl.ApplyPaymentManuallyAsync(new ApplyPaymentManuallyRequest
                {
                    Id = payment.Id, RequestId = $"m-{n}", Allocations = { new ManualAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("50.00") } },
                });
                return StatusCode.OK;
            }
            catch (RpcException e)
            {
                return e.StatusCode;
            }
        }));

        Assert.Equal(2, answers.Count(a => a == StatusCode.OK));
        Assert.All(answers.Where(a => a != StatusCode.OK), a => Assert.True(a is StatusCode.FailedPrecondition or StatusCode.InvalidArgument, a.ToString()));
        Assert.Equal("8.25", (await _world.InvoiceNowAsync(invoice.Id)).OpenAmount.Amount);
        foreach (var (payment, answer) in payments.Zip(answers).Where(p => p.Second != StatusCode.OK))
        {
            var now = await _world.Carl.GetPaymentAsync(new GetPaymentRequest { Id = payment.Id });
            Assert.Equal(PaymentStatus.Unapplied, now.Status);
            Assert.DoesNotContain(now.Applications, a => a.Status is ApplicationStatus.Pending or ApplicationStatus.Applied);
        }
    }

    [Fact]
    public async Task A_manual_application_names_every_field_it_cannot_take_and_changes_nothing()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1");
        var payment = await _world.RecordAsync("p-1", "50.00", "Unknown Payer");

        var error = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Carl.ApplyPaymentManuallyAsync(new ApplyPaymentManuallyRequest
        {
            Id = payment.Id, RequestId = "m-1",
            Allocations =
            {
                new ManualAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("40.00"), ShortfallTreatment = ShortfallTreatment.WriteOff },
            },
        }).ResponseAsync);
        var tooMuch = await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => _world.Carl.ApplyPaymentManuallyAsync(new ApplyPaymentManuallyRequest
        {
            Id = payment.Id, RequestId = "m-2", Allocations = { new ManualAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("60.00") } },
        }).ResponseAsync);

        // 40 of 108.25 leaves 68.25, far above the write-off tolerance; 60 is more than the payment's 50.
        Assert.Contains("allocations[0].shortfall_treatment", error.FieldViolations());
        Assert.Contains("allocations", tooMuch.FieldViolations());
        Assert.Equal(PaymentStatus.Unapplied, (await _world.Carl.GetPaymentAsync(new GetPaymentRequest { Id = payment.Id })).Status);
        Assert.Equal("108.25", (await _world.InvoiceNowAsync(invoice.Id)).OpenAmount.Amount);
    }

    [Fact]
    public async Task A_short_pay_a_person_sends_to_Disputes_opens_a_deduction_with_their_reason()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1");
        var payment = await _world.RecordAsync("p-1", "90.00", "Unknown Payer");

        var applied = await _world.Carl.ApplyPaymentManuallyAsync(new ApplyPaymentManuallyRequest
        {
            Id = payment.Id, RequestId = "m-1",
            Allocations =
            {
                new ManualAllocation
                {
                    InvoiceId = invoice.Id, Amount = Requests.Usd("90.00"), ShortfallTreatment = ShortfallTreatment.Deduction, DeductionReason = "PRICING",
                },
            },
        });

        var line = applied.Applications.Single().Lines.Single();
        Assert.Equal(("18.25", "PRICING"), (line.Shortfall.Amount, line.DeductionReason));
        Assert.NotEmpty(line.DisputeId);
        Assert.Equal("18.25", (await _world.InvoiceNowAsync(invoice.Id)).DisputedAmount.Amount);
    }
}
