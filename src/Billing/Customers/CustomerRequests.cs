using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Customers;

public sealed record NewCustomer(
    string Name, Currency Currency, string Region, PaymentTerms Terms, Money? CreditLimit,
    IReadOnlyList<CustomerContact> Contacts);

/// <summary>Turns a CreateCustomer request into a valid <see cref="NewCustomer"/> or every reason it is not.</summary>
public static class CustomerRequests
{
    public static readonly IReadOnlySet<string> Regions = new HashSet<string>(StringComparer.Ordinal) { "AMER", "EMEA", "APAC" };

    public const int MaxContacts = 50;

    public static NewCustomer Parse(CreateCustomerRequest request)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        var c = v.Resource("customer", request.Customer);

        v.Require("customer.name", c.Name).MaxLength("customer.name", c.Name, 200);
        var currency = v.Currency("customer.currency", c.Currency);
        if (c.Region.Length > 0 && !Regions.Contains(c.Region))
            v.Add("customer.region", $"must be one of {string.Join(", ", Regions)}");
        var terms = ParseTerms(v, c.PaymentTerms);
        var creditLimit = v.Money("customer.credit_limit", c.CreditLimit, required: false);
        if (creditLimit is { } limit && currency is not null && limit.Currency != currency)
            v.Add("customer.credit_limit.currency", $"must be the customer's currency {currency.Code}");

        if (c.Contacts.Count > MaxContacts) v.Add("customer.contacts", $"at most {MaxContacts} contacts");
        var contacts = c.Contacts.Select((contact, i) =>
        {
            var field = $"customer.contacts[{i}]";
            if (string.IsNullOrWhiteSpace(contact.Name) && string.IsNullOrWhiteSpace(contact.Email))
                v.Add(field, "needs a name or an email");
            if (contact.Email.Length > 0 && !IsPlausibleEmail(contact.Email))
                v.Add(field + ".email", "is not an email address");
            v.MaxLength(field + ".name", contact.Name, 200).MaxLength(field + ".email", contact.Email, 200)
                .MaxLength(field + ".phone", contact.Phone, 50).MaxLength(field + ".role", contact.Role, 100);
            return new CustomerContact
            {
                Name = CardNumbers.Mask(contact.Name), Email = CardNumbers.Mask(contact.Email),
                Phone = CardNumbers.Mask(contact.Phone), Role = CardNumbers.Mask(contact.Role),
            };
        }).ToList();

        v.ThrowIfInvalid();
        // Free text never carries a card number into storage.
        return new NewCustomer(CardNumbers.Mask(c.Name.Trim()), currency!, c.Region, terms, creditLimit, contacts);
    }

    private static PaymentTerms ParseTerms(Validator v, Contracts.Billing.V1.PaymentTerms? terms)
    {
        if (terms is null) return PaymentTerms.Net30;
        const string field = "customer.payment_terms";
        if (terms.NetDays is < 0 or > 365) v.Add(field + ".net_days", "must be between 0 and 365");
        var percent = v.Percent(field + ".discount_percent", terms.DiscountPercent);
        if (terms.DiscountDays < 0) v.Add(field + ".discount_days", "must not be negative");
        if (percent > 0m && terms.DiscountDays == 0)
            v.Add(field + ".discount_days", "is required when a discount percent is given");
        if (terms.DiscountDays > 0 && terms.DiscountDays > terms.NetDays)
            v.Add(field + ".discount_days", "must not be later than net_days");
        return new PaymentTerms(terms.NetDays, percent, terms.DiscountDays);
    }

    private static bool IsPlausibleEmail(string email)
    {
        var at = email.IndexOf('@');
        return at > 0 && at == email.LastIndexOf('@') && at < email.Length - 1 && !email.Any(char.IsWhiteSpace);
    }
}
