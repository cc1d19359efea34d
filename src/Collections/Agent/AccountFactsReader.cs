using ArPlatform.Collections.BillingReads;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.SharedKernel;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Collections.Agent;

/// <summary>Reads one customer's balance and invoices from Billing: the only facts a reply to them may state.</summary>
public sealed class AccountFactsReader(BillingReader billing)
{
    public async Task<AccountFacts> ReadAsync(Billing.Customer customer, string contactEmail, DateOnly asOf, CancellationToken ct)
    {
        var balance = await billing.BalanceAsync(customer.Id, ct);
        var invoices = await billing.InvoicesAsync(customer.Id, ct);
        var contact = customer.Contacts.FirstOrDefault(c => c.Email.Equals(contactEmail, StringComparison.OrdinalIgnoreCase))?.Name ?? "";
        return new AccountFacts(
            customer.Id, customer.Name, customer.CustomerNumber, contact,
            [.. balance.Balances.Select(b => new BalanceLine(b.Currency, b.Open.ToDecimal(), b.Overdue.ToDecimal()))],
            [.. invoices.Where(i => i.Status is not (Billing.InvoiceStatus.Draft or Billing.InvoiceStatus.Void))
                .Select(i => new InvoiceFact(i.Id, i.Number, Status(i.Status), i.Currency, BusinessDate.Parse(i.InvoiceDate), BusinessDate.Parse(i.DueDate), i.Total.ToDecimal(), i.OpenAmount.ToDecimal()))],
            asOf);
    }

    /// <summary>The status as API.md names it ("PARTIALLY_PAID"): the enum value's proto name without its prefix.</summary>
    private static string Status(Billing.InvoiceStatus status) =>
        Billing.BillingReflection.Descriptor.EnumTypes.Single(e => e.Name == "InvoiceStatus").FindValueByNumber((int)status).Name["INVOICE_STATUS_".Length..];
}
