using ArPlatform.CashApplication.Tests.Applications;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;

namespace ArPlatform.CashApplication.Tests.Api;

/// <summary>
/// A collector and nothing more reads the payments applied for their own customers (the
/// customer's collector in Billing): any other payment reads as not found, lists name one
/// customer of theirs, and what covers every customer (bank files, metrics) is refused.
/// </summary>
public sealed class PortfolioScopingTests : IDisposable
{
    private readonly CashWorld _world = new();

    public void Dispose() => _world.Dispose();

    private CashApplicationService.CashApplicationServiceClient Cole => _world.Cash.ClientAs("cole", Roles.Collector);

    private async Task<(string Customer, Payment Payment)> PaidAccountAsync(string name, string requestId, string collector)
    {
        var request = Requests.Customer(requestId);
        (request.Customer.Name, request.Customer.Collector) = (name, collector);
        var customer = await _world.Billing.Client.CreateCustomerAsync(request);
        var invoice = await _world.InvoiceAsync(customer.Id, "i-" + requestId);
        return (customer.Id, await _world.RecordAsync("p-" + requestId, "108.25", name, "", invoice.Number));
    }

    [Fact]
    public async Task A_collector_reads_the_payments_of_their_customers_and_no_others()
    {
        var (mine, myPayment) = await PaidAccountAsync("Acme Corp", "c-mine", "cole");
        var (theirs, theirPayment) = await PaidAccountAsync("Globex Inc", "c-theirs", "ana");
        Assert.Equal((mine, theirs), (myPayment.CustomerId, theirPayment.CustomerId));

        Assert.Equal(myPayment.Id, (await Cole.GetPaymentAsync(new GetPaymentRequest { Id = myPayment.Id })).Id);
        Assert.Equal([myPayment.Id], (await Cole.ListPaymentsAsync(new ListPaymentsRequest { CustomerId = mine })).Payments.Select(p => p.Id));

        async Task Refused(StatusCode code, Func<Task> call) => Assert.Equal(code, (await Assert.ThrowsAsync<RpcException>(call)).StatusCode);
        await Refused(StatusCode.NotFound, () => Cole.GetPaymentAsync(new GetPaymentRequest { Id = theirPayment.Id }).ResponseAsync);
        await Refused(StatusCode.NotFound, () => Cole.GetMatchSuggestionsAsync(new GetMatchSuggestionsRequest { PaymentId = theirPayment.Id }).ResponseAsync);
        await Refused(StatusCode.NotFound, () => Cole.ListPaymentsAsync(new ListPaymentsRequest { CustomerId = theirs }).ResponseAsync);
        await Refused(StatusCode.InvalidArgument, () => Cole.ListPaymentsAsync(new ListPaymentsRequest()).ResponseAsync);
        await Refused(StatusCode.PermissionDenied, () => Cole.ListBankFileImportsAsync(new ListBankFileImportsRequest()).ResponseAsync);
        await Refused(StatusCode.PermissionDenied, () => Cole.GetCashApplicationMetricsAsync(new GetCashApplicationMetricsRequest()).ResponseAsync);

        // Every other role reads every payment.
        var auditor = _world.Cash.ClientAs("aud", Roles.Auditor);
        Assert.Equal(2, (await auditor.ListPaymentsAsync(new ListPaymentsRequest())).Payments.Count);
    }
}
