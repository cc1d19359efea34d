using System.Buffers.Text;
using System.Linq.Expressions;
using System.Text;
using ArPlatform.ServiceDefaults.Errors;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Paging;

/// <summary>
/// Keyset paging over sortable ids: a page token is the opaque (base64url) last id of the page
/// before, so pages stay stable while rows are added and no page costs an OFFSET scan.
/// </summary>
public readonly record struct PageRequest(int Size, string? After)
{
    public const int DefaultSize = 50;
    public const int MaxSize = 500;

    public static PageRequest Parse(int pageSize, string pageToken, Validator validator)
    {
        if (pageSize < 0 || pageSize > MaxSize)
            validator.Add("page_size", $"must be between 0 and {MaxSize}");
        string? after = null;
        if (!string.IsNullOrEmpty(pageToken))
        {
            try
            {
                after = Encoding.UTF8.GetString(Base64Url.DecodeFromChars(pageToken));
            }
            catch (FormatException)
            {
                validator.Add("page_token", "is not a token this API returned");
            }
        }
        return new PageRequest(pageSize == 0 ? DefaultSize : pageSize, after);
    }

    /// <summary>For lists keyed by a number (ledger entry ids, audit sequences): the number to continue after.</summary>
    public long? AfterNumber(Validator validator)
    {
        if (After is null) return null;
        if (long.TryParse(After, System.Globalization.CultureInfo.InvariantCulture, out var number)) return number;
        validator.Add("page_token", "is not a token this API returned");
        return null;
    }

    /// <summary>
    /// Given up to <see cref="Size"/> + 1 rows read in id order, the rows of this page and the
    /// token of the next one (empty on the last page).
    /// </summary>
    public (IReadOnlyList<T> Items, string NextToken) Slice<T>(IReadOnlyList<T> rows, Func<T, string> id)
    {
        if (rows.Count <= Size) return (rows, "");
        var page = rows.Take(Size).ToList();
        return (page, Base64Url.EncodeToString(Encoding.UTF8.GetBytes(id(page[^1]))));
    }
}

public static class PagingQueries
{
    /// <summary>
    /// Reads one page of <paramref name="query"/> in id order: rows after the token's id, one
    /// more than the page size to know whether a next page exists. One indexed range read.
    /// </summary>
    public static async Task<(IReadOnlyList<T> Items, string NextToken)> ToPageAsync<T>(
        this IQueryable<T> query, PageRequest page, Expression<Func<T, string>> id,
        CancellationToken ct)
    {
        if (page.After is { } after)
        {
            // id(row) > after, as string.Compare so that EF translates it to the column's own order.
            // The id is read from a closure, as a captured variable is: EF sends it as a parameter and
            // compiles the query once, instead of once per page for an id written into the SQL.
            Expression<Func<string>> afterId = () => after;
            var compare = Expression.Call(
                typeof(string).GetMethod(nameof(string.Compare), [typeof(string), typeof(string)])!,
                id.Body, afterId.Body);
            query = query.Where(Expression.Lambda<Func<T, bool>>(
                Expression.GreaterThan(compare, Expression.Constant(0)), id.Parameters));
        }
        var rows = await query.OrderBy(id).Take(page.Size + 1).ToListAsync(ct);
        return page.Slice(rows, id.Compile());
    }
}
