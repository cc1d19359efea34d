namespace ArPlatform.Billing.Customers;

public sealed class Customer
{
    public required string Id { get; init; }
    public required string CustomerNumber { get; init; }
    public required string Name { get; set; }
    public required string Currency { get; set; }
    public string Region { get; set; } = "";
    public int NetDays { get; set; } = 30;
    public decimal DiscountPercent { get; set; }
    public int DiscountDays { get; set; }
    public decimal? CreditLimit { get; set; }
    public List<CustomerContact> Contacts { get; set; } = [];
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
