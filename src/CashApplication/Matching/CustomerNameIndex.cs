namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Customers' names indexed by their pair tokens, for finding the similar ones without scoring
/// every customer. A name scoring at least t against the payer's shares at least m of its tokens
/// (<see cref="NameSimilarity.MinimumOverlap"/>), so it shares one of any |x| − m + 1 of them:
/// those are taken from the payer's rarest tokens, whose lists of customers are the shortest.
/// </summary>
public sealed class CustomerNameIndex
{
    private readonly List<(CustomerName Customer, IReadOnlySet<string> Tokens)> _customers = [];
    private readonly Dictionary<string, List<int>> _postings = new(StringComparer.Ordinal);

    public CustomerNameIndex(IEnumerable<CustomerName> customers)
    {
        foreach (var customer in customers)
        {
            var tokens = NameSimilarity.Tokens(customer.Name);
            foreach (var token in tokens)
            {
                if (!_postings.TryGetValue(token, out var list)) _postings[token] = list = [];
                list.Add(_customers.Count);
            }
            _customers.Add((customer, tokens));
        }
    }

    public IReadOnlyList<(CustomerName Customer, decimal Score)> Similar(string name, decimal threshold)
    {
        var tokens = NameSimilarity.Tokens(name);
        if (tokens.Count == 0) return [];
        var prefix = tokens.Count - NameSimilarity.MinimumOverlap(tokens.Count, threshold) + 1;
        var candidates = new HashSet<int>();
        foreach (var token in tokens.OrderBy(t => _postings.TryGetValue(t, out var l) ? l.Count : 0).ThenBy(t => t, StringComparer.Ordinal).Take(prefix))
            if (_postings.TryGetValue(token, out var list)) candidates.UnionWith(list);
        return candidates
            .Select(i => (_customers[i].Customer, Score: NameSimilarity.Score(tokens, _customers[i].Tokens)))
            .Where(c => c.Score >= threshold)
            .OrderByDescending(c => c.Score).ThenBy(c => c.Customer.Id, StringComparer.Ordinal)
            .ToList();
    }
}
