using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;

namespace ArPlatform.Billing.Ledger;

/// <summary>
/// The only way an entry enters the ledger: inserted with its customer's balance version bumped,
/// in the caller's transaction. The returned version is what the balance cache is invalidated at
/// once that transaction commits.
/// </summary>
public sealed class LedgerPoster(BillingDbContext db)
{
    public long Post(Customer customer, LedgerEntry entry)
    {
        if (entry.CustomerId != customer.Id)
            throw new InvalidOperationException("A ledger entry must be posted to its own customer.");
        db.LedgerEntries.Add(entry);
        customer.BalanceVersion++;
        return customer.BalanceVersion;
    }
}
