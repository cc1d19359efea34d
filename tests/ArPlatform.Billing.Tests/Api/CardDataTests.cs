using System.Text;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>A card number typed into any free-text field never reaches the database.</summary>
public sealed class CardDataTests : IDisposable
{
    private const string Pan = "4111111111111111";
    private const string Grouped = "4111 1111 1111 1111";
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    [Fact]
    public async Task Card_numbers_in_every_free_text_field_are_masked_before_storage()
    {
        var customerRequest = Requests.Customer();
        customerRequest.Customer.Name = $"Acme {Pan}";
        customerRequest.Customer.Contacts.Add(new Contact
        {
            Name = $"Ana {Grouped}", Email = $"{Pan}@acme.example", Phone = Grouped, Role = $"pays with {Pan}",
        });
        var customer = await _host.Client.CreateCustomerAsync(customerRequest);

        var invoiceRequest = Requests.Invoice(customer.Id);
        invoiceRequest.Invoice.PoNumber = Grouped;
        invoiceRequest.Invoice.Lines[0].Description = $"Fee, card {Pan}";
        invoiceRequest.Invoice.Lines[0].ProductCode = Pan;
        var invoice = await _host.Client.CreateInvoiceAsync(invoiceRequest);

        await _host.Client.CreateCreditMemoAsync(new CreateCreditMemoRequest
        {
            RequestId = "m-1", CreditMemo = new CreditMemo { CustomerId = customer.Id, Reason = $"refund to {Pan}", Amount = Requests.Usd("5.00") },
        });
        var cash = _host.ClientAs(ArPlatform.ServiceDefaults.Security.Roles.CashApplier);
        var applied = await cash.ApplyPaymentAsync(new ApplyPaymentRequest
        {
            RequestId = "a-1", PaymentReference = $"card {Grouped}", AppliedOn = "2026-11-05",
            Allocations = { new PaymentAllocation { InvoiceId = invoice.Id, Amount = Requests.Usd("10.00") } },
        });
        await cash.ReversePaymentApplicationAsync(new ReversePaymentApplicationRequest { Id = applied.Id, RequestId = "r-1", Reason = $"chargeback {Pan}" });

        Assert.Equal("Acme ************1111", customer.Name);
        Assert.Equal("**** **** **** 1111", invoice.PoNumber);
        Assert.Equal("Fee, card ************1111", invoice.Lines[0].Description);
        Assert.DoesNotContain(Pan, customer.ToString() + invoice);

        // What the database stores (a SQLite file with its write-ahead log, or every row) holds no trace of it.
        var stored = await _host.StoredTextAsync();
        Assert.DoesNotContain(Pan, stored);
        Assert.DoesNotContain(Grouped, stored);
        Assert.DoesNotContain("4111-1111", stored);
    }
}
