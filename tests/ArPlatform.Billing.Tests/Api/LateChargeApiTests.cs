using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>Late charges: only by command, only per contract, shown before they are issued, never twice.</summary>
public sealed class LateChargeApiTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private BillingService.BillingServiceClient Manager => _host.ClientAs(Roles.ArManager);

    private async Task<(string CustomerId, Invoice Invoice)> OverdueAsync(bool withTerms = true)
    {
        var request = Requests.Customer(withTerms ? "c-1" : "c-2");
        if (withTerms) request.Customer.LateChargeTerms = new LateChargeTerms { AnnualRatePercent = "18", GraceDays = 10 };
        var customerId = (await _host.Client.CreateCustomerAsync(request)).Id;
        // Invoiced 2026-10-01, due 2026-10-31: 30 days overdue on the host's 2026-11-30.
        return (customerId, await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-" + customerId)));
    }

    [Fact]
    public async Task A_dry_run_shows_the_charge_and_its_basis_without_issuing_anything()
    {
        var (customerId, invoice) = await OverdueAsync();

        var preview = await Manager.AssessLateChargesAsync(new AssessLateChargesRequest { RequestId = "lc-1", DryRun = true });

        var assessment = Assert.Single(preview.Assessments);
        // 324.75 × 18 % × 30 / 365 = 4.8045… → 4.80.
        Assert.Equal((customerId, "4.80", ""), (assessment.CustomerId, assessment.Total.Amount, assessment.ChargeInvoiceId));
        var line = Assert.Single(assessment.Lines);
        Assert.Equal((invoice.Number, 30), (line.InvoiceNumber, line.Days));
        Assert.Single((await _host.Client.ListInvoicesAsync(new ListInvoicesRequest { CustomerId = customerId })).Invoices);
    }

    [Fact]
    public async Task Assessing_issues_one_charge_invoice_and_repeating_it_charges_nothing_more()
    {
        var (customerId, invoice) = await OverdueAsync();
        await OverdueAsync(withTerms: false);

        var first = await Manager.AssessLateChargesAsync(new AssessLateChargesRequest { RequestId = "lc-1" });
        var second = await Manager.AssessLateChargesAsync(new AssessLateChargesRequest { RequestId = "lc-2" });

        var assessment = Assert.Single(first.Assessments);
        var charge = await _host.Client.GetInvoiceAsync(new GetInvoiceRequest { Id = assessment.ChargeInvoiceId });
        Assert.Equal((InvoiceKind.LateCharge, InvoiceStatus.Issued, "4.80", "2026-11-30"),
            (charge.Kind, charge.Status, charge.Total.Amount, charge.InvoiceDate));
        Assert.Contains(invoice.Number, Assert.Single(charge.Lines).Description);
        Assert.Null(charge.DiscountAmount);
        Assert.Empty(second.Assessments);
        var balance = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        Assert.Equal("329.55", balance.Balances.Single().Open.Amount);
    }

    [Fact]
    public async Task Charges_are_a_managers_command_and_never_for_a_future_date()
    {
        await OverdueAsync();

        var ex = await Assert.ThrowsAsync<RpcException>(() => _host.ClientAs(Roles.Collector)
            .AssessLateChargesAsync(new AssessLateChargesRequest { RequestId = "lc-1" }).ResponseAsync);
        Assert.Equal(StatusCode.PermissionDenied, ex.StatusCode);
        Assert.Contains("as_of", (await GrpcAssert.FailsWith(StatusCode.InvalidArgument, () => Manager
            .AssessLateChargesAsync(new AssessLateChargesRequest { RequestId = "lc-2", AsOf = "2026-12-01" }).ResponseAsync)).FieldViolations());
    }
}
