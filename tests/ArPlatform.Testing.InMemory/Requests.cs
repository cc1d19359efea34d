using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Common.V1;

namespace ArPlatform.Testing.InMemory;

/// <summary>Requests as internal apps send them, with the API.md example as the default.</summary>
public static class Requests
{
    public static Money Usd(string amount) => new() { Currency = "USD", Amount = amount };

    public static CreateCustomerRequest Customer(string requestId = "c-1", string currency = "USD") => new()
    {
        RequestId = requestId,
        Customer = new Contracts.Billing.V1.Customer
        {
            Name = "Acme Corp",
            Currency = currency,
            Region = "AMER",
            PaymentTerms = new PaymentTerms { NetDays = 30, DiscountPercent = "2", DiscountDays = 10 },
            CreditLimit = new Money { Currency = currency, Amount = "50000.00" },
            Contacts = { new Contact { Name = "Ana Li", Email = "ap@acme.example" } },
        },
    };

    public static CreateInvoiceRequest Invoice(string customerId, string requestId = "i-1", bool issue = true,
        string invoiceDate = "2026-10-01", string quantity = "3", string unitPrice = "100.00") => new()
    {
        RequestId = requestId,
        Issue = issue,
        Invoice = new Contracts.Billing.V1.Invoice
        {
            CustomerId = customerId,
            InvoiceDate = invoiceDate,
            PoNumber = "PO-778",
            Lines =
            {
                new InvoiceLine
                {
                    Description = "Platform fee", Quantity = quantity, UnitPrice = Usd(unitPrice), TaxRatePercent = "8.25",
                },
            },
        },
    };
}
