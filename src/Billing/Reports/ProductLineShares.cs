using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Reports;

/// <summary>
/// How an invoice's open amount is shared among its product lines when receivables are aged by
/// product line: in proportion to each line's gross amount (net + tax), rounded to the currency,
/// the last share taking the rounding so the shares always add up to the open amount exactly.
/// </summary>
public static class ProductLineShares
{
    public static IReadOnlyList<(string ProductCode, decimal Amount)> Split(
        decimal open, IReadOnlyList<(string ProductCode, decimal Gross)> lines, Currency currency)
    {
        var byCode = lines.GroupBy(l => l.ProductCode, StringComparer.Ordinal)
            .Select(g => (Code: g.Key, Gross: g.Sum(l => l.Gross)))
            .OrderBy(g => g.Code, StringComparer.Ordinal).ToList();
        var gross = byCode.Sum(g => g.Gross);
        if (byCode.Count == 0 || gross == 0m) return [("", open)];

        var shares = new List<(string, decimal)>(byCode.Count);
        var given = 0m;
        for (var i = 0; i < byCode.Count; i++)
        {
            var amount = i == byCode.Count - 1 ? open - given : currency.Round(open * byCode[i].Gross / gross);
            given += amount;
            shares.Add((byCode[i].Code, amount));
        }
        return shares;
    }
}
