namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// How alike a payer's name on a bank statement and a customer's name are (0–1): case, accents,
/// punctuation and legal forms ("Inc", "GmbH", "B.V.") ignored, then the Sørensen–Dice
/// coefficient of character pairs — robust to word order and to truncation by banks.
/// </summary>
public static class NameSimilarity
{
    private static readonly HashSet<string> LegalForms = new(StringComparer.Ordinal)
    {
        "inc", "incorporated", "corp", "corporation", "co", "company", "llc", "ltd", "limited", "plc", "gmbh", "ag", "bv", "nv",
        "sa", "sas", "sarl", "srl", "spa", "oy", "ab", "as", "kg", "the", "pty", "pte", "private", "pvt", "sdn", "bhd", "berhad", "llp", "ltda", "cv",
    };

    public static decimal Score(string a, string b) => Score(Tokens(a), Tokens(b));

    /// <summary>Banks cut names to the width of their field (16, 22, 35 characters): a cut shorter than this could be anyone's.</summary>
    public const int MinimumCut = 12;

    /// <summary>
    /// Whether two names are the same once case, accents, punctuation and legal forms are set
    /// aside, or one is the other cut short by a bank's field width ("ACME INDUSTRIAL SUPPL").
    /// </summary>
    public static bool IsSameName(string payer, string customer)
    {
        var (a, b) = (Normalise(payer, sortWords: false), Normalise(customer, sortWords: false));
        if (a.Length == 0 || b.Length == 0) return false;
        if (a == b) return true;
        var (shorter, longer) = a.Length <= b.Length ? (a, b) : (b, a);
        return shorter.Length >= MinimumCut && longer.StartsWith(shorter, StringComparison.Ordinal);
    }

    /// <summary>
    /// Of several customers alike, the one whose name the payer's is exactly — legal form kept,
    /// dotted abbreviations closed up ("S.p.A." is SPA), in the same word order or, failing a
    /// single such, in any — or null when none or several are.
    /// </summary>
    public static CustomerName? ExactlyOne(string payer, IReadOnlyList<CustomerName> customers)
    {
        foreach (var sorted in new[] { false, true })
        {
            var key = FullKey(payer, sorted);
            var exact = customers.Where(c => FullKey(c.Name, sorted) == key).DistinctBy(c => c.Id).Take(2).ToList();
            if (exact.Count == 1) return exact[0];
            if (exact.Count > 1) return null;
        }
        return null;
    }

    /// <summary>The whole name as <see cref="PayerNames.Normalise"/> keys it, with runs of single letters ("S P A", "E K") joined.</summary>
    private static string FullKey(string name, bool sortWords)
    {
        var words = new List<string>();
        var previousWasLetter = false;
        foreach (var word in PayerNames.Normalise(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            var letter = word.Length == 1 && char.IsLetter(word[0]);
            if (letter && previousWasLetter) words[^1] += word;
            else words.Add(word);
            previousWasLetter = letter;
        }
        var spelled = words.Select(w => LegalFormSpelling.GetValueOrDefault(w, w));
        return string.Join(" ", sortWords ? spelled.Order(StringComparer.Ordinal) : spelled);
    }

    /// <summary>One legal form written two ways is one legal form: "Corp." is "Corporation", "Ltd" is "Limited".</summary>
    private static readonly Dictionary<string, string> LegalFormSpelling = new(StringComparer.Ordinal)
    {
        ["CORP"] = "CORPORATION", ["INC"] = "INCORPORATED", ["CO"] = "COMPANY", ["LTD"] = "LIMITED",
    };

    /// <summary>
    /// The name's character pairs, each occurrence numbered ("an#1", "an#2"), so that the
    /// pairs two names share (counted with repeats) is a plain set intersection: what an
    /// index of names needs.
    /// </summary>
    public static IReadOnlySet<string> Tokens(string name)
    {
        var seen = new Dictionary<string, int>(StringComparer.Ordinal);
        var tokens = new HashSet<string>(StringComparer.Ordinal);
        foreach (var pair in Pairs(Normalise(name)))
        {
            seen[pair] = seen.GetValueOrDefault(pair) + 1;
            tokens.Add($"{pair}#{seen[pair]}");
        }
        return tokens;
    }

    /// <summary>The Sørensen–Dice coefficient of two names' tokens.</summary>
    public static decimal Score(IReadOnlySet<string> x, IReadOnlySet<string> y)
    {
        if (x.Count == 0 || y.Count == 0) return 0m;
        return Dice(x.Count(y.Contains), x.Count + y.Count);
    }

    /// <summary>2 × shared / (both sizes), to three places: the score of two names sharing <paramref name="shared"/> tokens.</summary>
    public static decimal Dice(int shared, int sizes) => Math.Round(2m * shared / sizes, 3);

    /// <summary>
    /// The fewest tokens a name must share with one of <paramref name="count"/> tokens to score at
    /// least the threshold: from 2c/(|x|+|y|) ≥ t and |y| ≥ c follows c ≥ t·|x|/(2−t).
    /// </summary>
    public static int MinimumOverlap(int count, decimal threshold) =>
        (int)Math.Ceiling(threshold * count / (2m - threshold));

    /// <summary>
    /// Lower case, accents folded and umlauts transliterated (as payer names are keyed, by
    /// <see cref="PayerNames.Normalise"/>), legal forms dropped, the abbreviations banks and
    /// payers print spelled out (BLDG, HDWE, MFG, SVCS …), words sorted unless the order matters.
    /// </summary>
    /// <param name="sortWords">Word order ignored (for pairs), or kept (for a name cut short at its end).</param>
    public static string Normalise(string name, bool sortWords = true)
    {
        var words = PayerNames.Normalise(name).ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !LegalForms.Contains(w))
            .Select(w => Abbreviations.GetValueOrDefault(w, w));
        return string.Join(" ", sortWords ? words.Order(StringComparer.Ordinal) : words);
    }

    /// <summary>Abbreviations of business words as US and UK banks and lockbox keyers print them.</summary>
    private static readonly Dictionary<string, string> Abbreviations = new(StringComparer.Ordinal)
    {
        ["hdwe"] = "hardware", ["hdw"] = "hardware", ["bldg"] = "building", ["bldgs"] = "buildings", ["ofc"] = "office",
        ["mfg"] = "manufacturing", ["mfrs"] = "manufacturers", ["svc"] = "services", ["svcs"] = "services", ["srvcs"] = "services",
        ["enrgy"] = "energy", ["distrib"] = "distribution", ["distr"] = "distribution", ["prods"] = "products",
        ["mdwst"] = "midwest", ["sols"] = "solutions", ["intl"] = "international", ["natl"] = "national",
        ["assoc"] = "associates", ["grp"] = "group", ["hldg"] = "holdings", ["hldgs"] = "holdings", ["mgmt"] = "management",
        ["sys"] = "systems", ["bros"] = "brothers", ["ctr"] = "center", ["eqpt"] = "equipment", ["equip"] = "equipment",
        ["inds"] = "industries", ["chem"] = "chemicals", ["pharm"] = "pharmaceuticals", ["mktg"] = "marketing",
        ["constr"] = "construction", ["cnstr"] = "construction", ["contr"] = "contractors", ["elec"] = "electric",
        ["labs"] = "laboratories", ["lab"] = "laboratories", ["med"] = "medical", ["so"] = "southern", ["no"] = "northern",
        ["mtn"] = "mountain", ["indl"] = "industrial", ["hlth"] = "health", ["pkg"] = "packaging",
        ["aero"] = "aerospace", ["hld"] = "holdings", ["hlds"] = "holdings", ["tex"] = "textiles", ["sup"] = "supply", ["supp"] = "supply",
        ["whsl"] = "wholesale", ["whsle"] = "wholesale", ["whse"] = "warehouse", ["rest"] = "restaurant", ["rstrnt"] = "restaurant",
        ["mfr"] = "manufacturer", ["prod"] = "products", ["ntwk"] = "network", ["trans"] = "transportation",
        ["transp"] = "transportation", ["auto"] = "automotive", ["mach"] = "machinery", ["engrg"] = "engineering",
        ["univ"] = "university", ["hosp"] = "hospital", ["pharma"] = "pharmaceuticals", ["fin"] = "financial", ["amer"] = "america",
    };

    private static List<string> Pairs(string text)
    {
        var pairs = new List<string>();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            for (var i = 0; i + 1 < word.Length; i++) pairs.Add(word.Substring(i, 2));
        return pairs;
    }
}
