using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Invoices;

public sealed record NewInvoiceLine(string Description, string ProductCode, LineInput Pricing);

public sealed record NewInvoice(
    string CustomerId, DateOnly InvoiceDate, string PoNumber, Currency Currency, IReadOnlyList<NewInvoiceLine> Lines,
    string SalesRep = "");

/// <summary>Turns a CreateInvoice request into a valid <see cref="NewInvoice"/> or every reason it is not.</summary>
public static class InvoiceRequests
{
    public const int MaxLines = 1000;

    /// <summary>Unit prices may be finer than the currency (0.0125 per unit); storage keeps four decimals.</summary>
    public const int UnitPriceDecimals = 4;

    public static NewInvoice Parse(CreateInvoiceRequest request)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        var invoice = v.Resource("invoice", request.Invoice);

        v.Require("invoice.customer_id", invoice.CustomerId);
        var invoiceDate = v.Date("invoice.invoice_date", invoice.InvoiceDate, required: true);
        v.MaxLength("invoice.po_number", invoice.PoNumber, 64).MaxLength("invoice.sales_rep", invoice.SalesRep, 100);
        if (invoice.Lines.Count == 0) v.Add("invoice.lines", "at least one line is required");
        if (invoice.Lines.Count > MaxLines) v.Add("invoice.lines", $"at most {MaxLines} lines");

        Currency? currency = null;
        var lines = new List<NewInvoiceLine>(invoice.Lines.Count);
        for (var i = 0; i < invoice.Lines.Count; i++)
        {
            var line = invoice.Lines[i];
            var field = $"invoice.lines[{i}]";
            v.Require(field + ".description", line.Description).MaxLength(field + ".description", line.Description, 500);
            v.MaxLength(field + ".product_code", line.ProductCode, 64);
            var quantity = v.Decimal(field + ".quantity", line.Quantity, required: true);
            if (quantity <= 0m) v.Add(field + ".quantity", "must be greater than zero");
            else if (quantity is { } q && Math.Round(q, 4) != q) v.Add(field + ".quantity", "has more than 4 decimal places");
            var price = v.Money(field + ".unit_price", line.UnitPrice, maxDecimals: UnitPriceDecimals);
            if (price is { } p)
            {
                currency ??= p.Currency;
                if (p.Currency != currency)
                    v.Add(field + ".unit_price.currency", $"is {p.Currency.Code} but the invoice is in {currency.Code}: one currency per invoice");
            }
            var discount = v.Percent(field + ".discount_percent", line.DiscountPercent);
            var tax = v.Percent(field + ".tax_rate_percent", line.TaxRatePercent);
            lines.Add(new NewInvoiceLine(CardNumbers.Mask(line.Description.Trim()), CardNumbers.Mask(line.ProductCode),
                new LineInput(quantity ?? 0m, price?.Amount ?? 0m, discount, tax)));
        }

        v.ThrowIfInvalid();
        // Free text never carries a card number into storage.
        return new NewInvoice(invoice.CustomerId, invoiceDate!.Value, CardNumbers.Mask(invoice.PoNumber), currency!, lines,
            invoice.SalesRep.Trim());
    }
}
