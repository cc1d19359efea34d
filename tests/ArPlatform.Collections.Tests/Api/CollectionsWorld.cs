using ArPlatform.Collections.Mail;
using ArPlatform.Collections.WriteOffs;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace ArPlatform.Collections.Tests.Api;

/// <summary>
/// Billing and Collections in memory, Collections calling Billing over real gRPC and sending
/// mail to a real SMTP server on loopback; today is 30 November 2026.
/// </summary>
public sealed class CollectionsWorld : IAsyncDisposable
{
    public CollectionsWorld(string? collectionsDatabase = null, IReadOnlyDictionary<string, string>? settings = null)
    {
        Billing = new BillingHost(redis: null);
        Collections = new CollectionsHost(Billing, Smtp.Port, collectionsDatabase, settings);
    }

    public SmtpSink Smtp { get; } = new();
    public BillingHost Billing { get; }
    public CollectionsHost Collections { get; }

    /// <summary>A customer of collector "cole" (Acme Corp, USD, net 30, limit 50,000.00, ap@acme.example).</summary>
    public async Task<Customer> CustomerAsync(string requestId = "c-1", string segment = "", string email = "ap@acme.example")
    {
        var request = Requests.Customer(requestId);
        request.Customer.Collector = "cole";
        request.Customer.Segment = segment;
        request.Customer.Contacts[0].Email = email;
        return await Billing.Client.CreateCustomerAsync(request);
    }

    /// <summary>An issued invoice of 324.75 USD dated 1 October, due 31 October: 30 days late today.</summary>
    public Task<Invoice> InvoiceAsync(string customerId, string requestId = "i-1", string invoiceDate = "2026-10-01") =>
        Billing.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId, invoiceDate: invoiceDate)).ResponseAsync;

    public Task<PaymentApplication> PayAsync(string invoiceId, string amount, string appliedOn, string requestId) =>
        Billing.ClientAs(Roles.CashApplier).ApplyPaymentAsync(new ApplyPaymentRequest
        {
            RequestId = requestId, PaymentReference = requestId, AppliedOn = appliedOn,
            Allocations = { new PaymentAllocation { InvoiceId = invoiceId, Amount = Requests.Usd(amount) } },
        }).ResponseAsync;

    public Task<Invoice> ReloadAsync(string invoiceId) => Billing.Client.GetInvoiceAsync(new GetInvoiceRequest { Id = invoiceId }).ResponseAsync;

    /// <summary>Moves both services' clocks.</summary>
    public void SetToday(DateOnly date)
    {
        var now = new DateTimeOffset(date.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        Billing.Clock.Now = now;
        Collections.Clock.Now = now;
    }

    /// <summary>What the mail worker would do on its next tick.</summary>
    public Task<int> SendMailAsync() => Collections.Services.GetRequiredService<MailDispatcher>().SendDueAsync(CancellationToken.None);

    /// <summary>What the write-off worker would do on its next tick.</summary>
    public Task<int> PostWriteOffsAsync() => Collections.Services.GetRequiredService<WriteOffPoster>().PostDueAsync(CancellationToken.None);

    public async ValueTask DisposeAsync()
    {
        Collections.Dispose();
        Billing.Dispose();
        await Smtp.DisposeAsync();
    }
}
