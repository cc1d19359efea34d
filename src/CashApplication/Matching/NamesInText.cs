namespace ArPlatform.CashApplication.Matching;

/// <summary>A customer's name found in a payment's free text: the words as written, and every customer they may name.</summary>
public sealed record NameInText(string Written, IReadOnlyList<CustomerName> Customers);

/// <summary>
/// Customers' names where a bank writes the payer without a key: "DIRECT CREDIT 524442 CORAL
/// COAST REFR INV 7011", "NPP CREDIT SUNSHINE COAST PLBG SUPP PTY 4512". A person reads the name
/// in the text as readily as in a field; so does this, word by word in the customer's order:
/// each word written as the customer's, or shortened as payers and banks shorten words (its
/// first letters, "ELEC"; its letters in order, "SVCS", "PLBG"), legal forms at the end left out.
/// The whole name must be there, or enough of its start (the bank's field cut it) that what
/// follows cannot be more of another name.
/// </summary>
public sealed class NamesInText
{
    /// <summary>
    /// Names by their first word and the first letter of their second (which a shortened word keeps):
    /// names sharing a common first word ("GLOBAL", "NORTHERN") are many, and every one of them would
    /// otherwise be tried at each place that word stands in a text.
    /// </summary>
    private readonly Dictionary<string, List<Entry>> _byFirstWord = new(StringComparer.Ordinal);
    /// <summary>Names by their first two words as written in full: tried first, the initial's list only when no name there fits.</summary>
    private readonly Dictionary<string, List<Entry>> _byFirstTwoWords = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<Entry>> _byCustomer = new(StringComparer.Ordinal);

    private sealed record Entry(CustomerName Customer, string[] Words);

    public NamesInText(IEnumerable<CustomerName> customers)
    {
        foreach (var customer in customers)
        {
            var words = Significant(PayerNames.Normalise(customer.Name).Split(' ', StringSplitOptions.RemoveEmptyEntries));
            if (words.Length == 0 || words.Sum(w => w.Length) < ShortestName) continue;
            var key = Key(words[0], words.Length > 1 ? words[1] : null);
            if (!_byFirstWord.TryGetValue(key, out var entries)) _byFirstWord[key] = entries = [];
            entries.Add(new Entry(customer, words));
            if (words.Length > 1)
            {
                if (!_byFirstTwoWords.TryGetValue(words[0] + " " + words[1], out var pair)) _byFirstTwoWords[words[0] + " " + words[1]] = pair = [];
                pair.Add(entries[^1]);
            }
            if (!_byCustomer.TryGetValue(customer.Id, out var theirs)) _byCustomer[customer.Id] = theirs = [];
            theirs.Add(new Entry(customer, words));
        }
    }

    /// <summary>
    /// Whether the text holds the start of this customer's name, cut anywhere after its first two
    /// words ("HUNTER VALLEY CI"): too little to single them out among all customers, enough to
    /// agree with what else names them (their invoice's number).
    /// </summary>
    public bool Names(string text, string customerId)
    {
        if (text.Length == 0 || !_byCustomer.TryGetValue(customerId, out var entries)) return false;
        var words = PayerNames.Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        foreach (var entry in entries)
            for (var start = 0; start < words.Length; start++)
            {
                if (words[start] != entry.Words[0]) continue;
                var matched = 1;
                while (matched < entry.Words.Length && start + matched < words.Length
                       && (Agreement(words[start + matched], entry.Words[matched]) != Agrees.No
                           || entry.Words[matched].StartsWith(words[start + matched], StringComparison.Ordinal)))
                    matched++;
                if (matched == entry.Words.Length || matched >= 2 && string.Join(' ', words[start..(start + matched)]).Length >= NameSimilarity.MinimumCut) return true;
            }
        return false;
    }

    /// <summary>Fewer letters than this in a whole name (legal form aside) could be any word in a text: "ABC", "ACE".</summary>
    private const int ShortestName = 5;

    /// <summary>
    /// The longest name the text holds and the customers it may be (several when it is the start
    /// of several names), or null when it names no customer.
    /// </summary>
    public NameInText? Find(string text)
    {
        if (text.Length == 0 || _byFirstWord.Count == 0) return null;
        var words = PayerNames.Normalise(text).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        var (bestLength, bestStart) = (0, -1);
        var found = new List<CustomerName>();
        for (var start = 0; start < words.Length; start++)
        {
            var single = _byFirstWord.GetValueOrDefault(Key(words[start], null)) ?? [];
            var written = start + 1 < words.Length ? _byFirstTwoWords.GetValueOrDefault(words[start] + " " + words[start + 1]) ?? [] : [];
            // The second word shortened ("EUREKA ELEC SVCS"): only then are the names sharing its initial tried
            // (a list that holds the names written in full too).
            var paired = start + 1 < words.Length && !written.Any(e => Matched(words, start, e.Words) > 0)
                ? _byFirstWord.GetValueOrDefault(Key(words[start], words[start + 1])) ?? []
                : written;
            foreach (var entry in single.Concat(paired))
            {
                var length = Matched(words, start, entry.Words);
                if (length == 0 || length < bestLength || (length == bestLength && start != bestStart)) continue;
                if (length > bestLength) (bestLength, bestStart, found) = (length, start, []);
                if (found.All(f => f.Id != entry.Customer.Id)) found.Add(entry.Customer);
            }
        }
        return bestStart < 0 ? null : new NameInText(string.Join(' ', words[bestStart..(bestStart + bestLength)]), found);
    }

    private static string Key(string first, string? second) => second is null ? first : first + " " + second[0];

    /// <summary>How many text words from <paramref name="start"/> are the name, or 0 when they are not (enough of) it.</summary>
    private static int Matched(string[] text, int start, string[] name)
    {
        var matched = 0;
        var lastShortened = false;
        while (matched < name.Length && start + matched < text.Length && Agreement(text[start + matched], name[matched]) is var agreement && agreement != Agrees.No)
        {
            lastShortened = agreement == Agrees.Shortened;
            matched++;
        }
        if (matched == name.Length) return matched;
        if (matched < 2 || string.Join(' ', text[start..(start + matched)]).Length < NameSimilarity.MinimumCut) return 0;
        // Cut short: in the middle of a word, or at the end of the text, or before a word that is no name's ("INV", a number).
        var next = start + matched;
        return lastShortened || next == text.Length || !text[next].All(char.IsLetter) || RemittanceWords.Contains(text[next]) ? matched : 0;
    }

    private enum Agrees { No, Same, Shortened }

    private const int ShortestCut = 3;

    /// <summary>A text word is the name's word, or shortened from it: its start ("ELEC", "REFR") or its letters in order from the first ("SVCS", "PLBG").</summary>
    private static Agrees Agreement(string written, string word)
    {
        if (written == word) return Agrees.Same;
        if (written.Length >= word.Length || written[0] != word[0]) return Agrees.No;
        // A word cut to one or two letters ("SUNSHINE COAST B") could be the start of any word.
        if (word.StartsWith(written, StringComparison.Ordinal)) return written.Length >= ShortestCut ? Agrees.Shortened : Agrees.No;
        if (written.Length < 3 || !written.All(char.IsLetter)) return Agrees.No;
        var at = 1;
        foreach (var c in written.AsSpan(1))
        {
            at = word.IndexOf(c, at) + 1;
            if (at == 0) return Agrees.No;
        }
        return Agrees.Shortened;
    }

    /// <summary>The name without the legal form banks leave off its end ("PTY LTD", "P L", "SDN BHD", "GMBH & CO KG").</summary>
    private static string[] Significant(string[] words)
    {
        var end = words.Length;
        while (end > 1 && LegalFormWords.Contains(words[end - 1])) end--;
        return words[..end];
    }

    private static readonly HashSet<string> LegalFormWords = new(StringComparer.Ordinal)
    {
        "INC", "INCORPORATED", "CORP", "CORPORATION", "CO", "COMPANY", "LLC", "LLP", "LP", "LTD", "LIMITED", "PLC", "PTY", "PTE", "P", "L",
        "PVT", "PRIVATE", "SDN", "BHD", "S", "B", "GMBH", "AG", "KG", "BV", "NV", "SA", "SAS", "SARL", "SRL", "SPA", "A", "R", "DE", "CV", "C", "V",
        "LTDA", "CC", "OY", "AB", "AS", "APS", "NZ", "AU", "TRUST", "T", "THE",
    };

    /// <summary>Words that follow a payer's name in bank texts and are no part of one: a cut name may end before them.</summary>
    private static readonly HashSet<string> RemittanceWords = new(StringComparer.Ordinal)
    {
        "INV", "INVS", "INVOICE", "INVOICES", "PYMT", "PMT", "PMNT", "PAYMT", "PAYMENT", "PAYMENTS", "PAY", "REF", "REFERENCE", "ACC", "ACCT",
        "ACCOUNT", "CUST", "CUSTOMER", "NO", "NR", "NUM", "RE", "PART", "TAX", "EFT", "TRANSFER", "REMIT", "REMITTANCE", "PO", "ORDER", "STMT",
        "STATEMENT", "LESS", "FOR", "BILL", "SEE", "YOUR", "OUR", "AP", "SUPPLIER", "VENDOR", "RECHNUNG", "ZAHLUNG", "FACTURE", "FACTURA",
        "FATTURA", "FACTUUR", "FAKTURA", "PAGO", "PAGTO", "PAIEMENT", "BETALING",
    };
}
