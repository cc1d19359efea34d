using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Disputes.V1;
using ArPlatform.ServiceDefaults.Security;

namespace ArPlatform.Disputes.Tests.Api;

/// <summary>Billing and Disputes in memory, Disputes calling Billing over real gRPC; a customer with invoices.</summary>
public sealed class DisputesWorld : IDisposable
{
    public DisputesWorld(IReadOnlyDictionary<string, string>? disputesSettings = null, string? disputesDatabase = null)
    {
        Billing = new BillingHost(redis: null);
        Disputes = new DisputesHost(Billing, disputesDatabase, disputesSettings);
    }

    public BillingHost Billing { get; }
    public DisputesHost Disputes { get; }

    public BillingService.BillingServiceClient BillingClient => Billing.Client;

    /// <summary>An issued invoice of 3 × 100.00 plus 8.25 % tax: 324.75 USD.</summary>
    public async Task<Invoice> InvoiceAsync(string customerId = "", string requestId = "i-1")
    {
        if (customerId.Length == 0) customerId = (await BillingClient.CreateCustomerAsync(Requests.Customer())).Id;
        return await BillingClient.CreateInvoiceAsync(Requests.Invoice(customerId, requestId));
    }

    public Task<Invoice> ReloadAsync(string invoiceId) =>
        BillingClient.GetInvoiceAsync(new GetInvoiceRequest { Id = invoiceId }).ResponseAsync;

    public static OpenDisputeRequest Open(string invoiceId, string amount = "24.75", string requestId = "d-1",
        DisputeReasonCode reason = DisputeReasonCode.Pricing) => new()
    {
        RequestId = requestId,
        Dispute = new Dispute
        {
            InvoiceId = invoiceId, ReasonCode = reason, Source = DisputeSource.Customer,
            Amount = Requests.Usd(amount), Description = "Unit price differs from contract",
        },
    };

    /// <summary>A manager who decides disputes (and may approve credit memos in Billing).</summary>
    public DisputesService.DisputesServiceClient Manager(string user = "mia") => Disputes.ClientAs(user, Roles.ArManager);

    public void Dispose()
    {
        Disputes.Dispose();
        Billing.Dispose();
    }
}
