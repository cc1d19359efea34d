using ArPlatform.Billing.Balances;
using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Gl;
using ArPlatform.ServiceDefaults.Data;

namespace ArPlatform.Billing.Ledger;

/// <summary>
/// The only way an entry enters the ledger: inserted with its customer's balance version bumped,
/// in the current command's transaction, never into a closed period; once that transaction commits, the customer's cached
/// balance is invalidated at the newest version (once per customer, however many entries).
/// </summary>
public sealed class LedgerPoster(
    BillingDbContext db, CommandExecutor<BillingDbContext> commands, BalanceCache balances, PeriodLock periods)
{
    /// <summary>Posts the entry; an accounting date in a closed period is refused (PERIOD_CLOSED).</summary>
    public async Task PostAsync(Customer customer, LedgerEntry entry, CancellationToken ct)
    {
        if (entry.CustomerId != customer.Id)
            throw new InvalidOperationException("A ledger entry must be posted to its own customer.");
        await periods.EnsureOpenAsync(entry.EffectiveDate, ct);
        db.LedgerEntries.Add(entry);
        BalanceChanged(customer);
    }

    /// <summary>
    /// For a change to the balance that is not a ledger entry (an amount flagged disputed): the
    /// cached balance goes stale all the same.
    /// </summary>
    public void BalanceChanged(Customer customer)
    {
        var version = ++customer.BalanceVersion;
        commands.AfterCommit($"balance:{customer.Id}", () => balances.InvalidateAsync(customer.Id, version));
    }
}
