namespace ArPlatform.Billing.Customers;

public sealed class Customer
{
    public required string Id { get; init; }
    public required string CustomerNumber { get; init; }
    public required string Name { get; set; }
    public string LegalName { get; set; } = "";
    public string TaxId { get; set; } = "";
    public required string Currency { get; set; }
    public string Region { get; set; } = "";
    /// <summary>Portfolio segment ("ENTERPRISE", "SMB" …): dunning policies and worklists key on it.</summary>
    public string Segment { get; set; } = "";
    /// <summary>The user name of the collector who owns the account.</summary>
    public string Collector { get; set; } = "";
    public string? ParentCustomerId { get; set; }
    public int NetDays { get; set; } = 30;
    public decimal DiscountPercent { get; set; }
    public int DiscountDays { get; set; }
    public decimal? CreditLimit { get; set; }
    public List<CustomerContact> Contacts { get; set; } = [];
    public CustomerAddress? BillingAddress { get; set; }
    public CustomerAddress? ShippingAddress { get; set; }
    /// <summary>Contract terms for late-payment charges; none means none are ever assessed.</summary>
    public LateChargeTerms? LateCharges { get; set; }
    public DateTime CreatedAt { get; init; }

    /// <summary>
    /// Bumped in the same transaction as every ledger entry of this customer. It is the
    /// customer's concurrency token (two posters never interleave) and the version that keeps
    /// the Redis copy of the balance from ever going backwards.
    /// </summary>
    public long BalanceVersion { get; set; }

    /// <summary>Bumped by every master-data update: the etag editors send back (no lost update).</summary>
    public long MasterVersion { get; set; }

    public PaymentTerms Terms => new(NetDays, DiscountPercent, DiscountDays);
}

public sealed class CustomerContact
{
    public string Name { get; set; } = "";
    public string Email { get; set; } = "";
    public string Phone { get; set; } = "";
    public string Role { get; set; } = "";
}

public sealed class CustomerAddress
{
    public string Line1 { get; set; } = "";
    public string Line2 { get; set; } = "";
    public string City { get; set; } = "";
    public string Region { get; set; } = "";
    public string PostalCode { get; set; } = "";
    public string Country { get; set; } = "";
}

/// <summary>
/// Late-payment charges a customer's contract allows: interest per annum on each overdue
/// invoice's open amount (actual/365 per day overdue), or a flat fee once per overdue invoice,
/// either only after <see cref="GraceDays"/> past the due date.
/// </summary>
public sealed class LateChargeTerms
{
    public decimal? AnnualRatePercent { get; set; }
    public decimal? FlatFee { get; set; }
    public int GraceDays { get; set; }
}
