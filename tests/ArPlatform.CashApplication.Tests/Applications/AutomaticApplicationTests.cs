using Microsoft.Extensions.DependencyInjection;
using Microsoft.EntityFrameworkCore;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.Contracts.Disputes.V1;
using ArPlatform.ServiceDefaults.Security;
using BillingStatus = ArPlatform.Contracts.Billing.V1.InvoiceStatus;

namespace ArPlatform.CashApplication.Tests.Applications;

/// <summary>Bank files and payments applied without a person, carried out in the real Billing and Disputes (all in memory).</summary>
public sealed class AutomaticApplicationTests : IDisposable
{
    private readonly CashWorld _world = new();

    public void Dispose() => _world.Dispose();

    [Fact]
    public async Task A_bank_file_naming_its_invoices_applies_itself_and_Billing_shows_them_paid()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var first = await _world.InvoiceAsync(acme.Id, "i-1");
        var second = await _world.InvoiceAsync(acme.Id, "i-2", unitPrice: "200.00");

        var import = await _world.ImportAsync("f-1", CashWorld.Edi820("TRACE-1", 324.75m, "ACME CORP",
            (first.Number, 108.25m, 108.25m, ""), (second.Number, 216.50m, 216.50m, "")));

        Assert.Equal((1, 1, 0), (import.PaymentsCreated, import.AutoApplied, import.Unapplied));
        var payment = await _world.OnlyPaymentOfAsync(import);
        var application = Assert.Single(payment.Applications);
        Assert.Equal((PaymentStatus.Applied, acme.Id, "0.00"), (payment.Status, payment.CustomerId, payment.UnappliedAmount.Amount));
        Assert.Equal((ApplicationStatus.Applied, true, "1", "carl"), (application.Status, application.Automatic, application.Confidence, application.AppliedBy));
        Assert.Contains(application.Reasons, r => r.Contains($"is invoice {first.Number}"));
        Assert.NotEmpty(application.BillingApplicationId);
        Assert.Equal(BillingStatus.Paid, (await _world.InvoiceNowAsync(first.Id)).Status);
        Assert.Equal(BillingStatus.Paid, (await _world.InvoiceNowAsync(second.Id)).Status);
    }

    [Fact]
    public async Task An_import_larger_than_a_batch_is_committed_batch_by_batch_and_answers_once_Billing_has_every_application()
    {
        const int count = 2_500; // three batches of matching, each delivered while the next is matched
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var numbers = await SeedInvoicesAsync(acme.Id, count);
        var file = new System.Text.StringBuilder(CashApplication.BankFiles.CsvLockboxParser.Header + "\n");
        for (var i = 0; i < count; i++) file.Append($"2026-11-20,LB-1,1,{i + 1},CHK-{i + 1},100.00,USD,ACME CORP,,{numbers[i]},100.00\n");

        var import = await _world.ImportAsync("f-1", file.ToString(), "lockbox.csv");
        var again = await _world.ImportAsync("f-1", file.ToString(), "lockbox.csv");

        Assert.Equal((count, count, count), (import.PaymentsCreated, import.AutoApplied, again.AutoApplied));
        var statuses = await _world.Cash.QueryAsync(db => db.Applications.Select(a => a.Status).ToListAsync());
        Assert.Equal(count, statuses.Count(s => s == CashApplication.Applications.ApplicationStatus.Applied));
        Assert.Equal(count, statuses.Count);
        Assert.Equal(count, await _world.Billing.QueryAsync(db => db.Invoices.CountAsync(i => i.Status == Billing.Invoices.InvoiceStatus.Paid)));
    }

    /// <summary>Open invoices of 100.00 written straight into Billing's database (thousands through the API would take long); their numbers.</summary>
    private async Task<List<string>> SeedInvoicesAsync(string customerId, int count)
    {
        var now = _world.Cash.Clock.Now.UtcDateTime;
        await using var scope = _world.Billing.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<Billing.Data.BillingDbContext>();
        var numbers = Enumerable.Range(1, count).Select(n => $"INV-SEED-{n:D6}").ToList();
        foreach (var number in numbers)
        {
            var invoice = new Billing.Invoices.Invoice
            {
                Id = Ulid.NewUlid().ToString(), CustomerId = customerId, Currency = "USD", InvoiceDate = new DateOnly(2026, 10, 1),
                DueDate = new DateOnly(2026, 10, 31), Subtotal = 100.00m, Total = 100.00m, CreatedAt = now,
            };
            invoice.Issue(number, now);
            db.Invoices.Add(invoice);
        }
        await db.SaveChangesAsync();
        return numbers;
    }

    [Fact]
    public async Task A_short_pay_within_tolerance_is_written_off_with_the_cash()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1");

        var payment = await _world.RecordAsync("p-1", "105.00", "ACME CORP", "", invoice.Number);

        var line = payment.Applications.Single().Lines.Single();
        Assert.Equal(("105.00", "3.25", ShortfallTreatment.WriteOff), (line.Amount.Amount, line.Shortfall.Amount, line.Treatment));
        Assert.Equal(BillingStatus.Paid, (await _world.InvoiceNowAsync(invoice.Id)).Status);
        Assert.Equal(["INVOICE_ISSUED 108.25", "PAYMENT_APPLIED -105.00", "WRITE_OFF -3.25"], await _world.LedgerKindsAsync(invoice.Id));
    }

    [Fact]
    public async Task A_short_pay_with_the_payers_reason_opens_a_deduction_case_in_Disputes()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1", unitPrice: "200.00");

        var import = await _world.ImportAsync("f-1", CashWorld.Edi820("TRACE-2", 208.25m, "ACME CORP", (invoice.Number, 208.25m, 216.50m, "01")));

        var line = (await _world.OnlyPaymentOfAsync(import)).Applications.Single().Lines.Single();
        Assert.Equal((ShortfallTreatment.Deduction, "8.25", "01"), (line.Treatment, line.Shortfall.Amount, line.DeductionReason));
        var dispute = await _world.Disputes.Client.GetDisputeAsync(new GetDisputeRequest { Id = line.DisputeId });
        Assert.Equal((DisputeSource.ShortPay, "8.25", "TRACE-2", "01"),
            (dispute.Source, dispute.Amount.Amount, dispute.PaymentReference, dispute.RemittanceReference));
        var billed = await _world.InvoiceNowAsync(invoice.Id);
        Assert.Equal(("8.25", "8.25", BillingStatus.PartiallyPaid), (billed.OpenAmount.Amount, billed.DisputedAmount.Amount, billed.Status));
    }

    [Fact]
    public async Task A_bai2_wire_short_paid_with_the_reason_in_words_opens_a_deduction_under_that_reason()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1", unitPrice: "200.00"); // 216.50
        var bai2 = $"""
            01,122099999,123456789,261103,0800,1,,,2/
            02,123456789,122099999,1,261103,,USD,2/
            03,0004567890,USD,010,500000,,,/
            16,195,19650,,FED123,,WIRE TRANSFER CREDIT/
            88,ORG:=ACME CORP
            88,OBI:=INV {invoice.Number} LESS DAMAGED GOODS
            49,519650,5/
            98,519650,1,7/
            99,519650,1,9/
            """;

        var import = await _world.ImportAsync("f-1", bai2, "wires.bai2");

        var payment = await _world.OnlyPaymentOfAsync(import);
        Assert.Equal("ACME CORP", payment.PayerName);
        var line = payment.Applications.Single().Lines.Single();
        Assert.Equal((ShortfallTreatment.Deduction, "20.00", "QUALITY_DAMAGE"), (line.Treatment, line.Shortfall.Amount, line.DeductionReason));
        var dispute = await _world.Disputes.Client.GetDisputeAsync(new GetDisputeRequest { Id = line.DisputeId });
        Assert.Equal(DisputeReasonCode.QualityDamage, dispute.ReasonCode);
    }

    [Fact]
    public async Task Tax_the_payer_says_it_withheld_is_booked_as_a_receivable_not_disputed()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1", unitPrice: "200.00");

        var import = await _world.ImportAsync("f-1", CashWorld.Edi820("TRACE-3", 194.85m, "ACME CORP", (invoice.Number, 194.85m, 216.50m, "WHT")));

        var line = (await _world.OnlyPaymentOfAsync(import)).Applications.Single().Lines.Single();
        Assert.Equal((ShortfallTreatment.WithholdingTax, "21.65", ""), (line.Treatment, line.Shortfall.Amount, line.DisputeId));
        Assert.Equal(["INVOICE_ISSUED 216.50", "PAYMENT_APPLIED -194.85", "WITHHOLDING_TAX -21.65"], await _world.LedgerKindsAsync(invoice.Id));
        Assert.Empty((await _world.Disputes.Client.ListDisputesAsync(new ListDisputesRequest { InvoiceId = invoice.Id })).Disputes);
    }

    [Fact]
    public async Task An_over_payment_settles_the_invoice_and_keeps_the_rest_on_account()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1");

        var payment = await _world.RecordAsync("p-1", "150.00", "ACME CORP", "", invoice.Number);

        Assert.Equal((PaymentStatus.OnAccount, "41.75", "0.00"),
            (payment.Status, payment.Applications.Single().OnAccount.Amount, payment.UnappliedAmount.Amount));
        Assert.Equal(BillingStatus.Paid, (await _world.InvoiceNowAsync(invoice.Id)).Status);
    }

    [Fact]
    public async Task A_payment_no_one_can_place_waits_unapplied_with_suggestions_and_ages_into_the_metric()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1");
        var today = _world.Cash.Clock.Now.ToString("yyyy-MM-dd");

        // One digit misread: found, but not sure enough to apply alone.
        var slip = invoice.Number[..^1] + (invoice.Number[^1] == '9' ? '8' : '9');
        var payment = await _world.RecordOnAsync(today, "p-1", "108.25", "J SMITH", "", slip);

        Assert.Equal((PaymentStatus.Unapplied, 0), (payment.Status, payment.Applications.Count));
        var suggestions = await _world.Carl.GetMatchSuggestionsAsync(new GetMatchSuggestionsRequest { PaymentId = payment.Id });
        Assert.False(suggestions.AutoApply);
        Assert.Equal(invoice.Id, suggestions.Suggestions[0].Allocations.Single().InvoiceId);
        Assert.Contains("one digit slip", suggestions.Suggestions[0].Reasons[0]);

        var fresh = await _world.Carl.GetCashApplicationMetricsAsync(new GetCashApplicationMetricsRequest());
        _world.Cash.Clock.Now = _world.Cash.Clock.Now.AddDays(8);
        var aged = await _world.Carl.GetCashApplicationMetricsAsync(new GetCashApplicationMetricsRequest());

        Assert.Equal((1, "108.25", 0), (fresh.UnappliedCount, fresh.UnappliedAmounts.Single().Amount, fresh.UnappliedOver7DaysCount));
        Assert.Equal((1, "108.25"), (aged.UnappliedOver7DaysCount, aged.UnappliedOver7DaysAmounts.Single().Amount));
    }

    [Fact]
    public async Task Metrics_rate_automatic_matching_per_payment_remittance_line_and_invoice()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var first = await _world.InvoiceAsync(acme.Id, "i-1");
        var second = await _world.InvoiceAsync(acme.Id, "i-2", unitPrice: "200.00");
        await _world.ImportAsync("f-1", CashWorld.Edi820("TRACE-1", 324.75m, "ACME CORP",
            (first.Number, 108.25m, 108.25m, ""), (second.Number, 216.50m, 216.50m, "")));
        var unknown = await _world.RecordAsync("p-2", "99.00", "Nobody We Know", "", "no such invoice");
        await _world.Cora.ApplyPaymentManuallyAsync(new ApplyPaymentManuallyRequest
        {
            Id = unknown.Id, RequestId = "m-1", CustomerId = acme.Id, RestOnAccount = true, Note = "customer confirmed by phone",
        });

        var metrics = await _world.Carl.GetCashApplicationMetricsAsync(new GetCashApplicationMetricsRequest { FromDate = "2026-11-01", ToDate = "2026-11-30" });

        Assert.Equal((2, 1, "0.5"), (metrics.Payments, metrics.PaymentsAutoApplied, metrics.EnvelopeAutoMatchRate));
        Assert.Equal((3, 2, "0.6667"), (metrics.RemittanceLines, metrics.RemittanceLinesAutoMatched, metrics.LineAutoMatchRate));
        Assert.Equal((2, 2, "1"), (metrics.InvoicesApplied, metrics.InvoicesAutoApplied, metrics.InvoiceAutoMatchRate));
        Assert.Equal((1, "99.00", 0), (metrics.OnAccountCount, metrics.OnAccountAmounts.Single().Amount, metrics.UnappliedCount));
    }

    [Fact]
    public async Task A_payers_bank_account_learned_from_a_persons_application_identifies_their_next_payment()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var first = await _world.InvoiceAsync(acme.Id, "i-1");
        var second = await _world.InvoiceAsync(acme.Id, "i-2", unitPrice: "200.00");
        var unknown = await _world.RecordAsync("p-1", "108.25", "ZZ TRADING", "DE44500105175407324931");
        Assert.Equal(PaymentStatus.Unapplied, unknown.Status);
        await _world.Carl.ApplyPaymentManuallyAsync(new ApplyPaymentManuallyRequest
        {
            Id = unknown.Id, RequestId = "m-1", Allocations = { new ManualAllocation { InvoiceId = first.Id, Amount = Requests.Usd("108.25") } },
        });

        var next = await _world.RecordAsync("p-2", "216.50", "ZZ TRADING", "DE44500105175407324931");

        var application = next.Applications.Single();
        Assert.Equal((PaymentStatus.Applied, second.Id), (next.Status, application.Lines.Single().InvoiceId));
        Assert.Contains(application.Reasons, r => r.Contains("bank account ending 4931 paid this customer's invoices before"));
    }

    [Fact]
    public async Task Two_payments_in_one_file_never_both_take_the_same_invoice()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1");
        var twice = CashWorld.Edi820("TRACE-A", 108.25m, "ACME CORP", (invoice.Number, 108.25m, 108.25m, ""));
        var file = twice + CashWorld.Edi820("TRACE-B", 108.25m, "ACME CORP", (invoice.Number, 108.25m, 108.25m, ""));

        var import = await _world.ImportAsync("f-1", file);

        Assert.Equal((2, 1, 1), (import.PaymentsCreated, import.AutoApplied, import.Unapplied));
        Assert.Equal(BillingStatus.Paid, (await _world.InvoiceNowAsync(invoice.Id)).Status);
    }

    [Fact]
    public async Task Auditors_see_each_application_in_the_audit_trail_and_it_verifies()
    {
        var acme = await _world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await _world.InvoiceAsync(acme.Id, "i-1");
        await _world.RecordAsync("p-1", "108.25", "ACME CORP", "", invoice.Number);
        var auditor = _world.Cash.ClientAs("audrey", Roles.Auditor);

        var entries = await auditor.ListAuditEntriesAsync(new Contracts.Common.V1.ListAuditEntriesRequest { EntityType = "payment-application" });

        Assert.Equal(("AutoApply", "carl"), (entries.Entries.Single().Operation, entries.Entries.Single().Actor));
        Assert.True((await auditor.VerifyAuditLogAsync(new Contracts.Common.V1.VerifyAuditLogRequest())).Intact);
    }
}
