using ArPlatform.Contracts.Common.V1;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Collections.BillingReads;

/// <summary>What Collections reads off Billing's customer master, the one way each is read.</summary>
public static class CustomerFacts
{
    /// <summary>The credit limit and its currency (the customer's own when the limit names none); no amount without a limit.</summary>
    public static (string Currency, decimal? Amount) CreditLine(this Billing.Customer customer) =>
        (customer.CreditLimit?.Currency is { Length: > 0 } currency ? currency : customer.Currency, customer.CreditLimit?.ToDecimal());

    /// <summary>Where letters go: the first contact with an e-mail address, or null.</summary>
    public static string? EmailAddress(this Billing.Customer customer) =>
        customer.Contacts.FirstOrDefault(c => c.Email.Length > 0)?.Email;
}
