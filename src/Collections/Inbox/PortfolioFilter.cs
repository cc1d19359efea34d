using System.Linq.Expressions;
using ArPlatform.Collections.BillingReads;
using ArPlatform.ServiceDefaults.Audit;

namespace ArPlatform.Collections.Inbox;

/// <summary>
/// Lists of mail and drafts as the caller may see them: one customer when named (theirs, for a
/// collector); for a collector naming none, their portfolio's customers. Mail from senders tied
/// to no customer carries no account data and stays visible to everyone who works the inbox.
/// </summary>
public static class PortfolioFilter
{
    public static async Task<IQueryable<T>> ApplyAsync<T>(IQueryable<T> query, string customerId, Expression<Func<T, string>> customerOf,
        BillingReader billing, CallerContext caller, CancellationToken ct)
    {
        if (customerId.Length > 0)
        {
            await billing.EnsureListableAsync(customerId, ct);
            return query.Where(Equals(customerOf, customerId));
        }
        if (caller.PortfolioOwner is not { } owner) return query;
        var mine = (await billing.CustomersAsync(owner, ct)).Keys.Append("").ToList();
        return query.Where(Expression.Lambda<Func<T, bool>>(
            Expression.Call(Expression.Constant(mine), typeof(List<string>).GetMethod(nameof(List<string>.Contains))!, customerOf.Body), customerOf.Parameters));
    }

    private static Expression<Func<T, bool>> Equals<T>(Expression<Func<T, string>> customerOf, string customerId) =>
        Expression.Lambda<Func<T, bool>>(Expression.Equal(customerOf.Body, Expression.Constant(customerId)), customerOf.Parameters);
}
