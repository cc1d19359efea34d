using Microsoft.Extensions.Options;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// One match index for the batches of payments that arrive close together (a bank's morning
/// files): reading a million open invoices once rather than per file. Reused for
/// <see cref="MatchPolicy.ContextCacheSeconds"/> after it was read, by one batch at a time (it
/// tracks what each batch's applications took, so the next sees what is still open). A batch
/// naming an invoice the index does not know brings in what Billing issued since the read (a
/// typo or a stranger's reference costs that small read, not a million invoices). What others
/// did in Billing meanwhile is not in it: Billing refuses an application to an invoice paid in
/// the meantime, and that payment returns to the queue — never a double application.
/// </summary>
public sealed class SharedMatchIndex(IOptions<MatchPolicy> policy, TimeProvider clock)
{
    /// <summary>How far before the read the catch-up reaches back: the two services' clocks need not agree to the second.</summary>
    private static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    private readonly SemaphoreSlim _gate = new(1, 1);
    private MatchIndex? _index;
    private DateTime _readAt;

    /// <summary>
    /// Runs <paramref name="match"/> alone with an index holding the currencies: read afresh when
    /// none fresh enough is held, else brought up to date with what is learned now of the batch's
    /// payers (taught since, or forgotten) and, when it knows no invoice for one of the batch's
    /// references, the invoices issued since.
    /// </summary>
    public async Task<T> WithIndexAsync<T>(IReadOnlyCollection<string> currencies, IReadOnlyCollection<string> payerAccounts,
        IReadOnlyCollection<string> payerNames, IReadOnlyCollection<string> references, MatchContextLoader loader,
        Func<MatchIndex, Task<T>> match, CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var fresh = _index is not null && now - _readAt < TimeSpan.FromSeconds(policy.Value.ContextCacheSeconds)
                        && currencies.All(_index.Currencies.Contains);
            if (fresh)
            {
                if (!references.All(_index!.Knows))
                    _index.AddInvoices(await loader.IssuedSinceAsync(_index.Currencies, _readAt - ClockSkew, ct));
                _index.Relearn(await loader.LearnedPayersAsync(payerAccounts, payerNames, ct));
            }
            else
            {
                _index = null; // let the old one go before the new one is read
                _index = await loader.LoadAsync(currencies, payerAccounts, payerNames, ct);
                _readAt = now;
            }
            return await match(_index);
        }
        catch
        {
            // A batch that failed may have consumed invoices it never applied: read afresh next time.
            _index = null;
            throw;
        }
        finally
        {
            _gate.Release();
        }
    }
}
