using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using Contact = ArPlatform.Contracts.Billing.V1.Contact;
using Invoice = ArPlatform.Contracts.Billing.V1.Invoice;
using InvoiceLine = ArPlatform.Contracts.Billing.V1.InvoiceLine;
using PaymentTerms = ArPlatform.Contracts.Billing.V1.PaymentTerms;
using ArPlatform.ServiceDefaults.Errors;

namespace ArPlatform.Billing.Tests.Domain;

public class InvoiceRequestValidationTests
{
    private static IEnumerable<string> FieldsRejected(Action parse) =>
        Assert.Throws<RequestValidationException>(parse).Violations.Select(v => v.Field);

    [Fact]
    public void The_api_example_is_valid() =>
        Assert.Equal(3m, InvoiceRequests.Parse(Requests.Invoice("cust")).Lines[0].Pricing.Quantity);

    [Fact]
    public void Every_bad_field_is_reported_at_once()
    {
        var request = Requests.Invoice("cust", requestId: "", invoiceDate: "2026-13-01", quantity: "-1", unitPrice: "1.00001");
        request.Invoice.Lines.Add(new InvoiceLine { Description = "", Quantity = "1e3", UnitPrice = Requests.Usd("1"), TaxRatePercent = "101" });

        Assert.Equal(
            [
                "request_id", "invoice.invoice_date", "invoice.lines[0].quantity", "invoice.lines[0].unit_price.amount",
                "invoice.lines[1].description", "invoice.lines[1].quantity", "invoice.lines[1].tax_rate_percent",
            ],
            FieldsRejected(() => InvoiceRequests.Parse(request)));
    }

    [Fact]
    public void Lines_in_two_currencies_are_refused()
    {
        var request = Requests.Invoice("cust");
        request.Invoice.Lines.Add(new InvoiceLine
        {
            Description = "Support", Quantity = "1",
            UnitPrice = new ArPlatform.Contracts.Common.V1.Money { Currency = "EUR", Amount = "10" },
        });
        Assert.Equal(["invoice.lines[1].unit_price.currency"], FieldsRejected(() => InvoiceRequests.Parse(request)));
    }

    [Fact]
    public void An_invoice_needs_a_customer_and_a_line()
    {
        var request = new CreateInvoiceRequest { RequestId = "r", Invoice = new Invoice { InvoiceDate = "2026-10-01" } };
        Assert.Equal(["invoice.customer_id", "invoice.lines"], FieldsRejected(() => InvoiceRequests.Parse(request)));
    }

    [Fact]
    public void A_yen_price_with_decimals_finer_than_storage_is_refused()
    {
        var request = Requests.Invoice("cust");
        request.Invoice.Lines[0].UnitPrice = new ArPlatform.Contracts.Common.V1.Money { Currency = "JPY", Amount = "1.00005" };
        Assert.Equal(["invoice.lines[0].unit_price.amount"], FieldsRejected(() => InvoiceRequests.Parse(request)));
    }

    [Fact]
    public void Customer_terms_region_and_credit_limit_are_checked()
    {
        var request = Requests.Customer();
        request.Customer.Region = "MARS";
        request.Customer.PaymentTerms = new PaymentTerms { NetDays = 10, DiscountPercent = "2", DiscountDays = 15 };
        request.Customer.CreditLimit = new ArPlatform.Contracts.Common.V1.Money { Currency = "EUR", Amount = "10.00" };
        request.Customer.Contacts.Add(new Contact { Email = "not-an-email" });

        Assert.Equal(
            ["customer.region", "customer.payment_terms.discount_days", "customer.credit_limit.currency", "customer.contacts[1].email"],
            FieldsRejected(() => CustomerRequests.Parse(request)));
    }
}
