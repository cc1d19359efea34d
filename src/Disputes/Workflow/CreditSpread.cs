namespace ArPlatform.Disputes.Workflow;

/// <summary>
/// How a resolution's credit is shared among a case's items: in item order, each item taking
/// what is still uncredited of it until the credit is used up. Exact: the shares sum to the credit.
/// </summary>
public static class CreditSpread
{
    public static IReadOnlyList<decimal> Spread(IReadOnlyList<decimal> uncredited, decimal credit)
    {
        if (credit < 0m) throw new ArgumentOutOfRangeException(nameof(credit), "a credit is never negative");
        if (credit > uncredited.Sum()) throw new ArgumentOutOfRangeException(nameof(credit), "more than is disputed");
        var left = credit;
        var shares = new decimal[uncredited.Count];
        for (var i = 0; i < shares.Length && left > 0m; i++)
        {
            shares[i] = Math.Min(uncredited[i], left);
            left -= shares[i];
        }
        return shares;
    }
}
