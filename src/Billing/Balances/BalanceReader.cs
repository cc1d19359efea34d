using ArPlatform.Billing.Data;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Balances;

/// <summary>
/// Reads a customer's balance: from Redis when the cached copy carries the customer's current
/// balance version and today's date, otherwise summed from the ledger (and then cached).
/// The version check costs one primary-key read and makes a stale cache impossible to serve,
/// even one that missed an invalidation while Redis was unreachable.
/// </summary>
public sealed class BalanceReader(BillingDbContext db, BalanceCache cache, Customers.Portfolio portfolio, TimeProvider clock, BillingMetrics metrics)
{
    private static readonly Func<BillingDbContext, string, Task<long?>> VersionQuery =
        EF.CompileAsyncQuery((BillingDbContext context, string id) =>
            context.Customers.Where(c => c.Id == id).Select(c => (long?)c.BalanceVersion).FirstOrDefault());

    public async Task<AccountBalance> GetAsync(string customerId, CancellationToken ct)
    {
        await portfolio.EnsureVisibleAsync(customerId, ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var day = today.ToText();

        var cachedRead = cache.GetAsync(customerId);
        var version = await VersionQuery(db, customerId) ?? throw new NotFoundException("customer", customerId);
        var cached = await cachedRead;
        if (cached is not null && cached.Version == version && cached.Day == day)
        {
            Count(BalanceSource.Cache);
            var hit = AccountBalance.Parser.ParseFrom(cached.Payload);
            hit.Source = BalanceSource.Cache;
            return hit;
        }

        var balance = await ComputeAsync(customerId, today, now, ct);
        // Cache only what is provably current: no ledger change committed while we summed.
        if (cache.Enabled && await VersionQuery(db, customerId) == version)
            await cache.StoreAsync(customerId, new CachedBalance(version, day, balance.ToByteArray()));
        Count(BalanceSource.Database);
        balance.Source = BalanceSource.Database;
        return balance;
    }

    private async Task<AccountBalance> ComputeAsync(string customerId, DateOnly today, DateTimeOffset now, CancellationToken ct)
    {
        var items = await (
            from entry in db.LedgerEntries.AsNoTracking()
            where entry.CustomerId == customerId
            join invoice in db.Invoices on entry.InvoiceId equals invoice.Id into invoices
            from invoice in invoices.DefaultIfEmpty()
            group entry.Amount by new
            {
                entry.InvoiceId, entry.Currency,
                DueDate = (DateOnly?)invoice!.DueDate, Disputed = (decimal?)invoice.DisputedAmount,
            }
            into g
            select new OpenItem(g.Key.InvoiceId, g.Key.Currency, g.Key.DueDate, g.Sum(), g.Key.Disputed ?? 0m))
            .ToListAsync(ct);

        var figures = AccountBalanceCalculator.Summarise(items, today);
        return new AccountBalance
        {
            CustomerId = customerId,
            OpenInvoiceCount = figures.OpenInvoiceCount,
            AsOf = Timestamp.FromDateTimeOffset(now),
            Balances =
            {
                figures.Currencies.Select(c => new CurrencyBalance
                {
                    Currency = c.Open.Currency.Code,
                    Open = c.Open.ToProto(),
                    Overdue = c.Overdue.ToProto(),
                    Disputed = c.Disputed.ToProto(),
                }),
            },
        };
    }

    private void Count(BalanceSource source) =>
        metrics.BalanceReads.Add(1, new KeyValuePair<string, object?>("source", source == BalanceSource.Cache ? "cache" : "database"));
}
