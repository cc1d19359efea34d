namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Customers' names indexed by their pair tokens, for finding the similar ones without scoring
/// every customer (prefix filtering, as in PPJoin). Tokens are numbered by rarity, rarest first,
/// and each name kept as its sorted numbers. Two names scoring at least t share at least
/// m = ⌈t·|x|/(2−t)⌉ tokens (<see cref="NameSimilarity.MinimumOverlap"/>), so their first
/// |x| − m + 1 tokens (the rarest) have one in common: only those are indexed, and only those of
/// the payer's name looked up. The lists stay short even where every name shares common pairs.
/// </summary>
public sealed class CustomerNameIndex
{
    private readonly List<CustomerName> _customers = [];
    /// <summary>Every customer's token numbers end to end, customer i's from <c>_starts[i]</c> to <c>_starts[i + 1]</c>: one read per candidate, not two.</summary>
    private readonly int[] _tokens;
    private readonly int[] _starts;
    private readonly Dictionary<string, int> _tokenIds = new(StringComparer.Ordinal);
    /// <summary>Per token, the customers having it among their indexed rarest: enough to rule most out without reading their names.</summary>
    private readonly Posting[][] _postings;
    /// <summary>Per customer, the last query that made it a candidate (no set to clear per query).</summary>
    private readonly int[] _seenBy;
    private int _query;

    /// <param name="lowestThreshold">The lowest score <see cref="Similar"/> will be asked for: it sets how much of each name is indexed.</param>
    public CustomerNameIndex(IEnumerable<CustomerName> customers, decimal lowestThreshold)
    {
        LowestThreshold = lowestThreshold;
        var named = customers.Select(c => (Customer: c, Tokens: NameSimilarity.Tokens(c.Name))).ToList();
        var frequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var (_, tokens) in named)
            foreach (var token in tokens) frequency[token] = frequency.GetValueOrDefault(token) + 1;
        foreach (var token in frequency.OrderBy(t => t.Value).ThenBy(t => t.Key, StringComparer.Ordinal).Select(t => t.Key))
            _tokenIds[token] = _tokenIds.Count;

        var postings = new List<Posting>[_tokenIds.Count];
        for (var t = 0; t < postings.Length; t++) postings[t] = [];
        var all = new List<int>();
        _starts = new int[named.Count + 1];
        foreach (var (customer, words) in named)
        {
            var tokens = words.Select(t => _tokenIds[t]).Order().ToArray();
            var indexed = Prefix(tokens.Length, lowestThreshold);
            for (var position = 0; position < indexed; position++)
                postings[tokens[position]].Add(new Posting(_customers.Count, position, tokens.Length));
            _customers.Add(customer);
            all.AddRange(tokens);
            _starts[_customers.Count] = all.Count;
        }
        _tokens = [.. all];
        // By the names' length, so a search reads only the names long enough and short enough to score alike.
        _postings = [.. postings.Select(p => p.OrderBy(posting => posting.Length).ToArray())];
        _seenBy = new int[_customers.Count];
    }

    public decimal LowestThreshold { get; }

    /// <summary>Customers whose name scores at least the threshold against the payer's, best first. Not thread-safe.</summary>
    public IReadOnlyList<(CustomerName Customer, decimal Score)> Similar(string name, decimal threshold)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(threshold, LowestThreshold);
        var words = NameSimilarity.Tokens(name);
        if (words.Count == 0) return [];
        // Tokens no customer has are the rarest of all: they come first, and are shared by no one.
        var unknown = words.Count(t => !_tokenIds.ContainsKey(t));
        var tokens = words.Where(_tokenIds.ContainsKey).Select(t => _tokenIds[t]).Order().ToArray();
        _query++;
        var found = new List<(CustomerName, decimal)>();
        // Dice ≥ t needs the other name's size within [t·|x|/(2−t), |x|·(2−t)/t]; checked before any merge.
        var shortest = (int)Math.Floor(threshold * words.Count / (2m - threshold));
        var longest = (int)Math.Ceiling(words.Count * (2m - threshold) / threshold);
        var perMille = (long)(threshold * 1000m);
        var probed = Math.Min(Prefix(words.Count, threshold) - unknown, tokens.Length);
        for (var i = 0; i < probed; i++)
        {
            var postings = _postings[tokens[i]];
            for (var p = FirstOfLength(postings, shortest); p < postings.Length && postings[p].Length <= longest; p++)
            {
                var (candidate, position, length) = postings[p];
                if (_seenBy[candidate] == _query) continue;
                _seenBy[candidate] = _query;
                var size = words.Count + length;
                // Met first here, so neither name's rarer tokens are shared: at most this one and what follows it in both.
                var most = 1 + Math.Min(tokens.Length - i - 1, length - position - 1);
                if (!CanReach(most, size, perMille)) continue;
                var shared = 1 + Shared(tokens, i + 1, _tokens.AsSpan(_starts[candidate] + position + 1, length - position - 1), Needed(size, perMille) - 1);
                if (!CanReach(shared, size, perMille)) continue;
                var score = NameSimilarity.Dice(shared, size);
                if (score >= threshold) found.Add((_customers[candidate], score));
            }
        }
        return found.OrderByDescending(c => c.Item2).ThenBy(c => c.Item1.Id, StringComparer.Ordinal).ToList();
    }

    private readonly record struct Posting(int Customer, int Position, int Length);

    /// <summary>How many of a name's rarest tokens must be looked at: |x| − m + 1.</summary>
    private static int Prefix(int count, decimal threshold) => count - NameSimilarity.MinimumOverlap(count, threshold) + 1;

    /// <summary>Whether sharing this many tokens could score the threshold, in whole numbers (loosened by the rounding to three places).</summary>
    private static bool CanReach(int shared, int size, long perMille) => 2000L * shared + size >= perMille * size;

    /// <summary>The first of the postings (sorted by length) of a name at least this long.</summary>
    private static int FirstOfLength(Posting[] postings, int shortest)
    {
        var (low, high) = (0, postings.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (postings[middle].Length < shortest) low = middle + 1;
            else high = middle;
        }
        return low;
    }

    /// <summary>The fewest tokens two names of these sizes together must share to reach the threshold (<see cref="CanReach"/>).</summary>
    private static int Needed(int size, long perMille) => (int)Math.Max(0, (perMille * size - size + 1999) / 2000);

    /// <summary>
    /// How many numbers two sorted runs share (<paramref name="a"/> from <paramref name="i"/> on, and
    /// all of <paramref name="b"/>), or fewer than <paramref name="needed"/> as soon as what is left
    /// cannot make that many: most candidates fall short within a few steps.
    /// </summary>
    private static int Shared(int[] a, int i, ReadOnlySpan<int> b, int needed)
    {
        var (shared, j) = (0, 0);
        while (i < a.Length && j < b.Length)
        {
            if (shared + Math.Min(a.Length - i, b.Length - j) < needed) return shared;
            if (a[i] == b[j]) { shared++; i++; j++; }
            else if (a[i] < b[j]) i++;
            else j++;
        }
        return shared;
    }
}
