using ApplicationDispatcher = ArPlatform.CashApplication.Applications.ApplicationDispatcher;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http;
using BillingStatus = ArPlatform.Contracts.Billing.V1.InvoiceStatus;

namespace ArPlatform.CashApplication.Tests.Applications;

/// <summary>
/// Applications survive either side dying between "committed here" and "applied in Billing":
/// nothing lost, nothing doubled.
/// </summary>
public sealed class ReliableDeliveryTests
{
    /// <summary>Commits applications but never delivers them itself: the process "dies" before the second step.</summary>
    private static readonly Dictionary<string, string> NoDelivery = new() { ["CashApplication:Dispatch:DeliverAfterCommit"] = "false" };

    [Fact]
    public async Task An_application_committed_before_a_crash_is_applied_once_by_the_restarted_service()
    {
        using var world = new CashWorld(NoDelivery);
        var acme = await world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await world.InvoiceAsync(acme.Id, "i-1");
        var payment = await world.RecordAsync("p-1", "108.25", "ACME CORP", "", invoice.Number);
        Assert.Equal(ApplicationStatus.Pending, payment.Applications.Single().Status);
        Assert.Equal(BillingStatus.Issued, (await world.InvoiceNowAsync(invoice.Id)).Status);

        var restarted = world.Restart();
        var dispatcher = restarted.Services.GetRequiredService<ApplicationDispatcher>();
        var first = await dispatcher.DeliverDueAsync(default);
        var again = await dispatcher.DeliverDueAsync(default);

        Assert.Equal((1, 0), (first, again));
        var now = await world.Carl.GetPaymentAsync(new GetPaymentRequest { Id = payment.Id });
        Assert.Equal(ApplicationStatus.Applied, now.Applications.Single().Status);
        Assert.Equal(BillingStatus.Paid, (await world.InvoiceNowAsync(invoice.Id)).Status);
        Assert.Equal(["INVOICE_ISSUED 108.25", "PAYMENT_APPLIED -108.25"], await world.LedgerKindsAsync(invoice.Id));
    }

    [Fact]
    public async Task When_Billing_applied_but_its_answer_was_lost_the_retry_is_a_replay_and_nothing_doubles()
    {
        var wire = new LoseFirstAnswer("/ar.billing.v1.BillingService/ApplyPayments");
        using var world = Losing(wire, nameof(Contracts.Billing.V1.BillingService.BillingServiceClient));
        var acme = await world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await world.InvoiceAsync(acme.Id, "i-1");
        var payment = await world.RecordAsync("p-1", "108.25", "ACME CORP", "", invoice.Number);

        // However the retry comes (the client's own, or the dispatcher's next pass after its back-off), Billing sees the same request id.
        await DeliverPassAfterPassAsync(world);

        Assert.True(wire.Lost);
        var now = await world.Carl.GetPaymentAsync(new GetPaymentRequest { Id = payment.Id });
        Assert.Equal(ApplicationStatus.Applied, now.Applications.Single().Status);
        Assert.Equal(["INVOICE_ISSUED 108.25", "PAYMENT_APPLIED -108.25"], await world.LedgerKindsAsync(invoice.Id));
    }

    [Fact]
    public async Task When_Disputes_opened_a_batch_of_deductions_but_its_answer_was_lost_the_retry_opens_each_case_once()
    {
        var wire = new LoseFirstAnswer("/ar.disputes.v1.DisputesService/OpenDisputes");
        using var world = Losing(wire, nameof(Contracts.Disputes.V1.DisputesService.DisputesServiceClient));
        var acme = await world.CustomerAsync("Acme Corp", "c-acme");
        var first = await world.InvoiceAsync(acme.Id, "i-1", unitPrice: "200.00");
        var second = await world.InvoiceAsync(acme.Id, "i-2", unitPrice: "200.00");
        var import = await world.ImportAsync("f-1", CashWorld.Edi820("TRACE-2", 408.25m, "ACME CORP",
            (first.Number, 208.25m, 216.50m, "01"), (second.Number, 200.00m, 216.50m, "02")));

        await DeliverPassAfterPassAsync(world);

        Assert.True(wire.Lost);
        var lines = (await world.OnlyPaymentOfAsync(import)).Applications.Single().Lines;
        Assert.All(lines, l => Assert.NotEmpty(l.DisputeId));
        Assert.Equal(2, await world.Disputes.QueryAsync(db => db.Disputes.CountAsync()));
        Assert.Equal(("8.25", "16.50"), ((await world.InvoiceNowAsync(first.Id)).DisputedAmount.Amount, (await world.InvoiceNowAsync(second.Id)).DisputedAmount.Amount));
    }

    [Fact]
    public async Task An_import_whose_matching_was_cut_short_is_finished_by_the_worker_counting_every_application_and_doubling_none()
    {
        using var world = new CashWorld();
        var acme = await world.CustomerAsync("Acme Corp", "c-acme");
        var first = await world.InvoiceAsync(acme.Id, "i-1");
        var file = $"{CashApplication.BankFiles.CsvLockboxParser.Header}\n" +
                   $"2026-11-20,LB-1,1,1,CHK-1,108.25,USD,ACME CORP,,{first.Number},108.25\n" +
                   "2026-11-20,LB-1,1,2,CHK-2,216.50,USD,ACME CORP,,PO-NOT-YET-BILLED,216.50\n";
        var import = await world.ImportAsync("f-1", file, "lockbox.csv");
        Assert.Equal((2, 1), (import.PaymentsCreated, import.AutoApplied));

        // As if the process died after the first batch committed, before the import's outcome was recorded;
        // meanwhile the invoice the second check names is billed.
        await world.Cash.QueryAsync(db => db.Database.ExecuteSqlRawAsync(
            """DELETE FROM "IdempotencyRecords" WHERE "Key" = {0}; UPDATE "BankFileImports" SET "MatchedAt" = NULL, "AutoApplied" = 0""", $"AutoApply:import:{import.ImportId}"));
        var second = await world.InvoiceAsync(acme.Id, "i-2", unitPrice: "200.00", poNumber: "PO-NOT-YET-BILLED");
        world.Cash.Clock.Now = world.Cash.Clock.Now.AddMinutes(2);
        await world.Cash.Services.GetRequiredService<CashApplication.Applications.DispatchWorker>().MatchForgottenImportsAsync(default);

        var now = await world.Carl.GetBankFileImportAsync(new GetBankFileImportRequest { ImportId = import.ImportId });
        Assert.Equal(2, now.AutoApplied);
        Assert.Equal(2, await world.Cash.QueryAsync(db => db.Applications.CountAsync()));
        Assert.Equal(["INVOICE_ISSUED 108.25", "PAYMENT_APPLIED -108.25"], await world.LedgerKindsAsync(first.Id));
        Assert.Equal(BillingStatus.Paid, (await world.InvoiceNowAsync(second.Id)).Status);
    }

    [Fact]
    public async Task A_payment_matched_on_reused_invoices_that_someone_paid_meanwhile_is_refused_by_Billing_and_waits_again()
    {
        using var world = new CashWorld(new Dictionary<string, string> { ["CashApplication:Matching:ContextCacheSeconds"] = "600" });
        var acme = await world.CustomerAsync("Acme Corp", "c-acme");
        var invoice = await world.InvoiceAsync(acme.Id, "i-1");
        await world.RecordAsync("p-0", "1.00", "Nobody", "", "nothing"); // reads Billing: the invoice is open
        await world.Billing.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new Contracts.Billing.V1.ApplyPaymentRequest
        {
            RequestId = "elsewhere", PaymentReference = "CHECK 7", AppliedOn = "2026-11-20",
            Allocations = { new Contracts.Billing.V1.PaymentAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("108.25") } },
        });

        var payment = await world.RecordAsync("p-1", "108.25", "ACME CORP", "", invoice.Number);

        var application = payment.Applications.Single();
        Assert.Equal((PaymentStatus.Unapplied, ApplicationStatus.Failed), (payment.Status, application.Status));
        Assert.Contains("FailedPrecondition", application.LastError);
        Assert.Equal(["INVOICE_ISSUED 108.25", "PAYMENT_APPLIED -108.25"], await world.LedgerKindsAsync(invoice.Id));
    }

    [Fact]
    public async Task A_reused_index_brings_in_an_invoice_issued_since_it_was_read_and_still_remembers_what_earlier_batches_took()
    {
        using var world = new CashWorld(new Dictionary<string, string>(NoDelivery) { ["CashApplication:Matching:ContextCacheSeconds"] = "600" });
        var acme = await world.CustomerAsync("Acme Corp", "c-acme");
        var first = await world.InvoiceAsync(acme.Id, "i-1");
        await world.RecordAsync("p-1", "108.25", "ACME CORP", "", first.Number); // reads Billing; committed here, not yet in Billing
        var issuedSince = await world.InvoiceAsync(acme.Id, "i-2", unitPrice: "200.00");

        var file = "deposit_date,lockbox,batch,item,check_number,amount,currency,payer_name,payer_account,invoice_number,invoice_amount\n" +
                   $"2026-11-20,LB-1,1,1,CHK-2,216.50,USD,ACME CORP,,{issuedSince.Number},216.50\n" +
                   $"2026-11-20,LB-1,1,2,CHK-3,108.25,USD,ACME CORP,,{first.Number},108.25\n";
        var import = await world.ImportAsync("f-1", file, "lockbox.csv");

        var payments = (await world.Carl.ListPaymentsAsync(new ListPaymentsRequest { ImportId = import.ImportId })).Payments
            .ToDictionary(p => p.Amount.Amount);
        Assert.Equal(issuedSince.Id, payments["216.50"].Applications.Single().Lines.Single().InvoiceId);
        // Billing still shows the first invoice open (its application is not delivered yet); the index knows it was taken.
        Assert.Empty(payments["108.25"].Applications);
        Assert.Equal(1, import.AutoApplied);
    }

    /// <summary>Lets the first call to a path reach Billing, then drops Billing's answer as a broken connection would.</summary>
    /// <summary>Cash application that delivers only when asked, its client of that name losing the wire's first answer.</summary>
    private static CashWorld Losing(LoseFirstAnswer wire, string client) => new(NoDelivery, services =>
        services.Configure<HttpClientFactoryOptions>(client, o => o.HttpMessageHandlerBuilderActions.Add(b => b.AdditionalHandlers.Add(wire))));

    /// <summary>Three dispatcher passes, each after any back-off the one before it set.</summary>
    private static async Task DeliverPassAfterPassAsync(CashWorld world)
    {
        var dispatcher = world.Cash.Services.GetRequiredService<ApplicationDispatcher>();
        for (var pass = 0; pass < 3; pass++)
        {
            await dispatcher.DeliverDueAsync(default);
            world.Cash.Clock.Now = world.Cash.Clock.Now.AddMinutes(10);
        }
    }

    private sealed class LoseFirstAnswer(string path) : DelegatingHandler
    {
        public bool Lost { get; private set; }

        protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken ct)
        {
            var response = await base.SendAsync(request, ct);
            if (Lost || request.RequestUri?.AbsolutePath != path) return response;
            // The whole answer is read first, so Billing has finished (and committed) the call.
            await response.Content.LoadIntoBufferAsync(ct);
            Lost = true;
            throw new HttpRequestException("connection reset by peer");
        }
    }
}
