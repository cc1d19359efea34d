using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Customers;

public sealed record NewCustomer(
    string Name, Currency Currency, string Region, PaymentTerms Terms, Money? CreditLimit,
    IReadOnlyList<CustomerContact> Contacts, CustomerProfile Profile);

/// <summary>The rest of the master record: who the customer legally is, where, and who owns the account.</summary>
public sealed record CustomerProfile(
    string LegalName, string TaxId, string Segment, string Collector, string? ParentCustomerId,
    CustomerAddress? BillingAddress, CustomerAddress? ShippingAddress, LateChargeTerms? LateCharges);

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

        v.MaxLength("customer.legal_name", c.LegalName, 200).MaxLength("customer.tax_id", c.TaxId, 50)
            .MaxLength("customer.segment", c.Segment, 32).MaxLength("customer.collector", c.Collector, 100)
            .MaxLength("customer.parent_customer_id", c.ParentCustomerId, 26);
        var profile = new CustomerProfile(
            CardNumbers.Mask(c.LegalName.Trim()), c.TaxId.Trim(), c.Segment.Trim().ToUpperInvariant(), c.Collector.Trim(),
            c.ParentCustomerId.Length > 0 ? c.ParentCustomerId : null,
            ParseAddress(v, "customer.billing_address", c.BillingAddress), ParseAddress(v, "customer.shipping_address", c.ShippingAddress),
            ParseLateCharges(v, c.LateChargeTerms, currency));

        v.ThrowIfInvalid();
        // Free text never carries a card number into storage.
        return new NewCustomer(CardNumbers.Mask(c.Name.Trim()), currency!, c.Region, terms, creditLimit, contacts, profile);
    }

    private static CustomerAddress? ParseAddress(Validator v, string field, Address? address)
    {
        if (address is null) return null;
        if (address.Country.Length > 0 && !(address.Country.Length == 2 && address.Country.All(char.IsAsciiLetterUpper)))
            v.Add(field + ".country", "must be an ISO 3166-1 alpha-2 code such as US or DE");
        v.MaxLength(field + ".line1", address.Line1, 200).MaxLength(field + ".line2", address.Line2, 200)
            .MaxLength(field + ".city", address.City, 100).MaxLength(field + ".region", address.Region, 100)
            .MaxLength(field + ".postal_code", address.PostalCode, 20);
        return new CustomerAddress
        {
            Line1 = CardNumbers.Mask(address.Line1), Line2 = CardNumbers.Mask(address.Line2), City = CardNumbers.Mask(address.City),
            Region = CardNumbers.Mask(address.Region), PostalCode = address.PostalCode, Country = address.Country,
        };
    }

    private static LateChargeTerms? ParseLateCharges(Validator v, Contracts.Billing.V1.LateChargeTerms? terms, Currency? currency)
    {
        if (terms is null) return null;
        const string field = "customer.late_charge_terms";
        var rate = terms.AnnualRatePercent.Length > 0 ? v.Percent(field + ".annual_rate_percent", terms.AnnualRatePercent) : (decimal?)null;
        var fee = v.Money(field + ".flat_fee", terms.FlatFee, required: false);
        if (fee is { } f && currency is not null && f.Currency != currency)
            v.Add(field + ".flat_fee.currency", $"must be the customer's currency {currency.Code}");
        if ((rate ?? 0m) == 0m && (fee is null || fee.Value.IsZero))
            v.Add(field, "needs an annual_rate_percent or a flat_fee");
        if (rate > 0m && fee is { IsZero: false }) v.Add(field, "either an annual_rate_percent or a flat_fee, not both");
        if (terms.GraceDays is < 0 or > 365) v.Add(field + ".grace_days", "must be between 0 and 365");
        return new LateChargeTerms { AnnualRatePercent = rate, FlatFee = fee?.Amount, GraceDays = terms.GraceDays };
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
