namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// The match context, indexed once so that each payment costs lookups, not scans: invoices by
/// number key, by PO and by customer; customers by the rare character pairs of their names (a
/// name can only be similar enough if it shares one of them); bank accounts learned. Tracks
/// what is still open as a batch of payments consumes invoices, so two payments in one file
/// never both take the same open amount.
/// </summary>
public sealed class MatchIndex
{
    private readonly Dictionary<string, List<OpenInvoice>> _byKey = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OpenInvoice>> _byPo = new(StringComparer.Ordinal);
    private readonly Dictionary<string, List<OpenInvoice>> _byCustomer = new(StringComparer.Ordinal);
    private readonly Dictionary<string, decimal> _open = new(StringComparer.Ordinal);
    /// <summary>Every name each customer pays under (<see cref="CustomerAliases"/>), one entry per name.</summary>
    private readonly IReadOnlyList<CustomerName> _customers;
    private readonly Dictionary<string, IReadOnlyList<string>> _aliasesOf = new(StringComparer.Ordinal);
    /// <summary>Built on the first name search, for the threshold it asks (how much of each name it indexes depends on it).</summary>
    private CustomerNameIndex? _names;
    /// <summary>
    /// The names already searched for: a customer pays under the same name many times, and a file
    /// repeats the same few names of credits that are nobody's ("INTEREST CREDIT").
    /// </summary>
    private Dictionary<(string Name, decimal Threshold), IReadOnlyList<(CustomerName Customer, decimal Score)>> _similar = [];
    private const int MaxRemembered = 50_000;
    private readonly Dictionary<string, string> _nameOf = new(StringComparer.Ordinal);
    private readonly Dictionary<string, string> _customerByBankAccount;
    /// <summary>Customers by the number they are known under (<see cref="CustomerNumbers.Key"/>).</summary>
    private readonly Dictionary<string, string> _customerByNumber;
    /// <summary>Payer names people taught, normalised.</summary>
    private readonly Dictionary<string, string> _customerByPayerName = new(StringComparer.Ordinal);

    /// <param name="currencies">The currencies the context was read for (those of its invoices when not given).</param>
    public MatchIndex(MatchContext context, IEnumerable<string>? currencies = null)
    {
        Currencies = (currencies ?? context.OpenInvoices.Select(i => i.Currency)).ToHashSet(StringComparer.Ordinal);
        AddInvoices(context.OpenInvoices);
        var numbered = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var customer in context.Customers)
        {
            _nameOf[customer.Id] = customer.Name;
            if (customer.ParentId.Length > 0) _parentOf[customer.Id] = customer.ParentId;
            _aliasesOf[customer.Id] = CustomerAliases.Of(customer);
            // Their number, and their id where payers see it as one: a number two customers answer to names neither.
            foreach (var number in new[] { customer.Number, customer.Id }.Select(CustomerNumbers.Key).Where(k => k.Length > 0).Distinct())
                numbered[number] = numbered.TryGetValue(number, out var other) && other != customer.Id ? null : customer.Id;
        }
        _customerByNumber = numbered.Where(n => n.Value is not null).ToDictionary(n => n.Key, n => n.Value!, StringComparer.Ordinal);
        _customers = [.. context.Customers.SelectMany(c => _aliasesOf[c.Id].Select(alias => new CustomerName(c.Id, alias)))];
        _customerByBankAccount = new Dictionary<string, string>(context.CustomerByBankAccount, StringComparer.Ordinal);
        foreach (var (name, customer) in context.CustomerByPayerName ?? new Dictionary<string, string>())
            _customerByPayerName[PayerNames.Normalise(name)] = customer;
    }

    /// <summary>Invoices issued since the index was read; those it already holds are left as they are (it knows what it consumed of them).</summary>
    public void AddInvoices(IEnumerable<OpenInvoice> invoices)
    {
        var changed = new HashSet<List<OpenInvoice>>();
        foreach (var invoice in invoices)
        {
            if (!_open.TryAdd(invoice.Id, invoice.OpenAmount)) continue;
            foreach (var key in InvoiceNumbers.Keys(invoice.Number)) Add(_byKey, key, invoice);
            if (PurchaseOrders.Key(invoice.PoNumber) is { Length: > 0 } po) Add(_byPo, po, invoice);
            changed.Add(Add(_byCustomer, invoice.CustomerId, invoice));
        }
        // Oldest first, then by id: combinations and fallbacks look at a customer's oldest debts first.
        foreach (var list in changed)
            list.Sort((a, b) => a.DueDate != b.DueDate ? a.DueDate.CompareTo(b.DueDate) : string.CompareOrdinal(a.Id, b.Id));
    }

    /// <summary>Currencies whose open invoices the index holds.</summary>
    public IReadOnlySet<string> Currencies { get; }

    /// <summary>
    /// Brings what a reused index knows of these payers up to what is learned now: lessons taught
    /// since are known, and those forgotten (or taught for a second customer) no longer identify anyone.
    /// </summary>
    public void Relearn(LearnedPayers learned)
    {
        foreach (var account in learned.AccountsAsked)
            if (learned.CustomerByBankAccount.TryGetValue(account, out var customer)) _customerByBankAccount[account] = customer;
            else _customerByBankAccount.Remove(account);
        var taught = learned.CustomerByPayerName.ToDictionary(n => PayerNames.Normalise(n.Key), n => n.Value, StringComparer.Ordinal);
        foreach (var name in learned.NamesAsked.Select(PayerNames.Normalise))
            if (taught.TryGetValue(name, out var customer)) _customerByPayerName[name] = customer;
            else _customerByPayerName.Remove(name);
    }

    /// <summary>What is open of the invoice now (less what earlier payments of the batch took).</summary>
    public decimal OpenAmount(OpenInvoice invoice) => _open[invoice.Id];

    /// <summary>An application took this much of the invoice.</summary>
    public void Consume(string invoiceId, decimal amount)
    {
        if (_open.TryGetValue(invoiceId, out var open)) _open[invoiceId] = Math.Max(0m, open - amount);
    }

    public IEnumerable<OpenInvoice> ByNumberKey(string key) => Open(_byKey, key);

    /// <summary>
    /// Whether a written reference names an invoice this index holds (open or not), by number or
    /// PO, exactly: one slip from a held invoice is as likely the next invoice in the sequence,
    /// issued since.
    /// </summary>
    public bool Knows(string reference)
    {
        var keys = InvoiceNumbers.Keys(reference);
        return keys.Count == 0 || _byPo.ContainsKey(PurchaseOrders.Key(reference)) || keys.Any(_byKey.ContainsKey);
    }

    /// <summary>Open invoices of the purchase order, however it is written ("PO#4521996", "P.O. 4521996", "4521996").</summary>
    public IEnumerable<OpenInvoice> ByPo(string po) => Open(_byPo, PurchaseOrders.Key(po));

    /// <summary>The customer's open invoices, oldest due first.</summary>
    public IEnumerable<OpenInvoice> OfCustomer(string customerId) => Open(_byCustomer, customerId);

    /// <summary>Invoices whose number key is one OCR-style slip (a digit misread, two neighbours swapped) from the key.</summary>
    public IEnumerable<OpenInvoice> OneSlipFrom(string key) =>
        InvoiceNumbers.OneSlipVariants(key).SelectMany(ByNumberKey);

    public string? NameOf(string customerId) => _nameOf.GetValueOrDefault(customerId);

    private readonly Dictionary<string, string> _parentOf = new(StringComparer.Ordinal);

    /// <summary>Whether <paramref name="payer"/> is the parent company (or a parent's parent) of <paramref name="customerId"/> in the customer list.</summary>
    public bool IsParentOf(string payer, string customerId)
    {
        for (var (at, depth) = (customerId, 0); _parentOf.TryGetValue(at, out var parent) && depth < 10; (at, depth) = (parent, depth + 1))
            if (parent == payer) return true;
        return false;
    }

    /// <summary>The names the customer pays under: their name's parts around "d/b/a" and their legal name.</summary>
    public IReadOnlyList<string> NamesOf(string customerId) => _aliasesOf.GetValueOrDefault(customerId) ?? [];

    public string? CustomerOfBankAccount(string account) =>
        account.Length > 0 && _customerByBankAccount.TryGetValue(account, out var id) ? id : null;

    /// <summary>The customer people taught this payer name to be, written the same way (<see cref="PayerNames.Normalise"/>).</summary>
    public string? CustomerOfPayerName(string payerName) =>
        _customerByPayerName.Count > 0 && payerName.Length > 0 && _customerByPayerName.TryGetValue(PayerNames.Normalise(payerName), out var id) ? id : null;

    /// <summary>Customers whose name (any they pay under, so a customer may come twice) scores at least the threshold against the payer's, best first.</summary>
    public IReadOnlyList<(CustomerName Customer, decimal Score)> SimilarNames(string payerName, decimal threshold)
    {
        if (_names is null || _names.LowestThreshold > threshold) (_names, _similar) = (new CustomerNameIndex(_customers, threshold), []);
        if (_similar.TryGetValue((payerName, threshold), out var known)) return known;
        if (_similar.Count >= MaxRemembered) _similar.Clear();
        return _similar[(payerName, threshold)] = _names.Similar(payerName, threshold);
    }

    /// <summary>Customers' names normalised in their own word order, sorted: built on the first search for a name cut short.</summary>
    private (string Name, CustomerName Customer)[]? _sortedNames;

    /// <summary>
    /// Customers whose name the payer's is, cut short by the bank's field (the NACHA company name
    /// holds 16 characters, many wires 35): names that start with it, at most a few.
    /// </summary>
    public IReadOnlyList<CustomerName> NamesCutTo(string payerName)
    {
        var cut = NameSimilarity.Normalise(payerName, sortWords: false);
        if (cut.Length < NameSimilarity.MinimumCut) return [];
        _sortedNames ??= _customers.Select(c => (NameSimilarity.Normalise(c.Name, sortWords: false), c))
            .OrderBy(n => n.Item1, StringComparer.Ordinal).ToArray();
        var (low, high) = (0, _sortedNames.Length);
        while (low < high)
        {
            var middle = (low + high) / 2;
            if (string.CompareOrdinal(_sortedNames[middle].Name, cut) < 0) low = middle + 1;
            else high = middle;
        }
        var found = new List<CustomerName>();
        for (var i = low; i < _sortedNames.Length && found.Count < MaxCutMatches && _sortedNames[i].Name.StartsWith(cut, StringComparison.Ordinal); i++)
            found.Add(_sortedNames[i].Customer);
        return found;
    }

    /// <summary>The customer whose number the payment's text quotes as theirs ("Cust No 304274"), when it quotes exactly one.</summary>
    public (string CustomerId, string Written)? CustomerQuoted(string text)
    {
        if (_customerByNumber.Count == 0) return null;
        var quoted = CustomerNumbers.Quoted(text).Select(n => (Written: n, Id: _customerByNumber.GetValueOrDefault(CustomerNumbers.Key(n))))
            .Where(n => n.Id is not null).DistinctBy(n => n.Id).Take(2).ToList();
        return quoted is [var only] ? (only.Id!, only.Written) : null;
    }

    private NamesInText? _namesInText;

    /// <summary>A customer's name the payment's free text holds where no field names the payer (<see cref="NamesInText"/>): built on the first search.</summary>
    public NameInText? NameInText(string text) => (_namesInText ??= new NamesInText(_customers)).Find(text);

    /// <summary>Whether the text holds the start of this customer's name (<see cref="NamesInText.Names"/>).</summary>
    public bool TextNames(string text, string customerId) => (_namesInText ??= new NamesInText(_customers)).Names(text, customerId);

    /// <summary>More customers than this starting alike say only that the payer is one of many.</summary>
    private const int MaxCutMatches = 5;

    private IEnumerable<OpenInvoice> Open(Dictionary<string, List<OpenInvoice>> index, string key) =>
        index.TryGetValue(key, out var list) ? list.Where(i => _open[i.Id] > 0m) : [];

    private static List<OpenInvoice> Add(Dictionary<string, List<OpenInvoice>> index, string key, OpenInvoice invoice)
    {
        if (!index.TryGetValue(key, out var list)) index[key] = list = [];
        list.Add(invoice);
        return list;
    }
}
