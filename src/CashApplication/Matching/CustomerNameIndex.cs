namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Customers' names indexed by their pair tokens, for finding the similar ones without scoring
/// every customer. A name scoring at least t against the payer's shares at least m of its tokens
/// (<see cref="NameSimilarity.MinimumOverlap"/>), so it shares one of any |x| − m + 1 of them:
/// those are taken from the payer's rarest tokens, whose lists of customers are the shortest.
/// Tokens are numbered and each name kept as its sorted numbers, so scoring a candidate is one
/// merge of two short arrays.
/// </summary>
public sealed class CustomerNameIndex
{
    private readonly List<(CustomerName Customer, int[] Tokens)> _customers = [];
    private readonly Dictionary<string, int> _tokenIds = new(StringComparer.Ordinal);
    private readonly List<List<int>> _postings = [];
    /// <summary>Per customer, the last query that made it a candidate (no set to clear per query).</summary>
    private readonly List<int> _seenBy = [];
    private int _query;

    public CustomerNameIndex(IEnumerable<CustomerName> customers)
    {
        foreach (var customer in customers)
        {
            var tokens = NameSimilarity.Tokens(customer.Name).Select(Id).Order().ToArray();
            foreach (var token in tokens) _postings[token].Add(_customers.Count);
            _customers.Add((customer, tokens));
            _seenBy.Add(0);
        }

        int Id(string token)
        {
            if (_tokenIds.TryGetValue(token, out var id)) return id;
            _tokenIds[token] = id = _postings.Count;
            _postings.Add([]);
            return id;
        }
    }

    /// <summary>Customers whose name scores at least the threshold against the payer's, best first. Not thread-safe.</summary>
    public IReadOnlyList<(CustomerName Customer, decimal Score)> Similar(string name, decimal threshold)
    {
        var words = NameSimilarity.Tokens(name);
        if (words.Count == 0) return [];
        // Tokens no customer has cannot be shared, but still count in the payer's size.
        var known = words.Select(t => _tokenIds.TryGetValue(t, out var id) ? id : -1).ToList();
        var tokens = known.Where(id => id >= 0).Order().ToArray();
        var prefix = words.Count - NameSimilarity.MinimumOverlap(words.Count, threshold) + 1 - (known.Count - tokens.Length);
        _query++;
        var found = new List<(CustomerName, decimal)>();
        // Dice ≥ t needs the other name's size within [t·|x|/(2−t), |x|·(2−t)/t]; checked before any merge.
        var shortest = (int)Math.Floor(threshold * words.Count / (2m - threshold));
        var longest = (int)Math.Ceiling(words.Count * (2m - threshold) / threshold);
        var perMille = (long)(threshold * 1000m);
        foreach (var token in tokens.OrderBy(t => _postings[t].Count).ThenBy(t => t).Take(Math.Max(0, prefix)))
        {
            foreach (var candidate in _postings[token])
            {
                if (_seenBy[candidate] == _query) continue;
                _seenBy[candidate] = _query;
                var (customer, theirs) = _customers[candidate];
                if (theirs.Length < shortest || theirs.Length > longest) continue;
                var shared = Shared(tokens, theirs);
                var size = words.Count + theirs.Length;
                // In whole numbers first (loosened by the rounding to three places), exactly only for those that pass.
                if (2000L * shared + size < perMille * size) continue;
                var score = NameSimilarity.Dice(shared, size);
                if (score >= threshold) found.Add((customer, score));
            }
        }
        return found.OrderByDescending(c => c.Item2).ThenBy(c => c.Item1.Id, StringComparer.Ordinal).ToList();
    }

    /// <summary>How many numbers two sorted arrays share.</summary>
    private static int Shared(int[] a, int[] b)
    {
        int i = 0, j = 0, shared = 0;
        while (i < a.Length && j < b.Length)
        {
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
    }
}
