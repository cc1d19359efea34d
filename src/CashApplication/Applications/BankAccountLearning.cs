using ArPlatform.CashApplication.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.CashApplication.Applications;

/// <summary>A payer's bank account and the customer whose invoices its payments were confirmed for.</summary>
public sealed class LearnedBankAccount
{
    public required string Account { get; init; }
    public required string CustomerId { get; set; }
    /// <summary>The application that taught it (the latest confirmation wins).</summary>
    public required string LearnedFrom { get; set; }
    public DateTime LearnedAt { get; set; }
}

/// <summary>
/// Learns who pays from which bank account: from every person's application and every automatic
/// one sure enough (an exact remittance), never from matches that only guessed the payer — so a
/// guess never teaches itself.
/// </summary>
public sealed class BankAccountLearning(CashApplicationDbContext db, TimeProvider clock)
{
    /// <summary>Accounts <see cref="ReadAsync"/> found nothing learned for: no need to ask the database again.</summary>
    private readonly HashSet<string> _unknown = new(StringComparer.Ordinal);

    /// <summary>
    /// Reads what is learned of a batch's payer accounts before its applications are committed:
    /// one query per 500 accounts instead of one per application.
    /// </summary>
    public async Task ReadAsync(IEnumerable<string> accounts, CancellationToken ct)
    {
        _unknown.Clear();
        _unknown.UnionWith(accounts.Where(a => a.Length > 0));
        foreach (var chunk in _unknown.ToList().Chunk(500))
            foreach (var row in await db.LearnedBankAccounts.Where(a => chunk.Contains(a.Account)).ToListAsync(ct))
                _unknown.Remove(row.Account);
    }

    public void Learn(string account, string customerId, string applicationId)
    {
        if (account.Length == 0) return;
        var now = clock.GetUtcNow().UtcDateTime;
        // Read before (and tracked since), known to be new, or else looked up now.
        var known = _unknown.Remove(account) ? null : db.LearnedBankAccounts.Find(account);
        if (known is null)
            db.LearnedBankAccounts.Add(new LearnedBankAccount { Account = account, CustomerId = customerId, LearnedFrom = applicationId, LearnedAt = now });
        else if (known.CustomerId != customerId)
        {
            known.CustomerId = customerId;
            known.LearnedFrom = applicationId;
            known.LearnedAt = now;
        }
    }

    /// <summary>The customers of these accounts, as far as learned.</summary>
    public async Task<Dictionary<string, string>> CustomersOfAsync(IReadOnlyCollection<string> accounts, CancellationToken ct)
    {
        var wanted = accounts.Where(a => a.Length > 0).Distinct(StringComparer.Ordinal).ToList();
        var found = new Dictionary<string, string>(StringComparer.Ordinal);
        // In chunks: one query per 500 accounts, whatever the batch size.
        foreach (var chunk in wanted.Chunk(500))
            foreach (var row in await db.LearnedBankAccounts.AsNoTracking().Where(a => chunk.Contains(a.Account)).ToListAsync(ct))
                found[row.Account] = row.CustomerId;
        return found;
    }
}
