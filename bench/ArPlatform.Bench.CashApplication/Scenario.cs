namespace ArPlatform.Bench.CashApplication;

public sealed record SimCustomer(string Id, string Name, string Account);

public sealed record SimInvoice(string Id, string Number, string CustomerId, decimal Amount, DateOnly DueDate);

/// <summary>What the generator put into a payment, and so what a perfect cash applier would do with it.</summary>
public enum PaymentKind
{
    /// <summary>The full invoice number, or its digits.</summary>
    ExactReference,
    /// <summary>Only the last digits ("000123", "123", "inv 123").</summary>
    ShortReference,
    /// <summary>One digit misread or two swapped, from the invoice's own customer for its exact amount.</summary>
    SlippedReference,
    /// <summary>Two to four invoices named, one payment.</summary>
    Combined,
    /// <summary>Less than billed on a named invoice (with the payer's adjustment code where the format has one).</summary>
    ShortPay,
    /// <summary>More than billed on a named invoice.</summary>
    OverPay,
    /// <summary>No reference; from a bank account learned earlier, for the amount of exactly one open invoice.</summary>
    KnownAccount,
    /// <summary>No reference; from a bank account learned earlier, for an amount two open invoices share.</summary>
    AmbiguousAmount,
    /// <summary>No reference, an unknown account; only the payer's name (a variant of the customer's).</summary>
    NameOnly,
    /// <summary>Not a customer's payment at all: interest, a tax refund, a stranger.</summary>
    Unrelated,
}

public sealed record RemittanceItem(string Reference, decimal? Paid, decimal? Billed, string Adjustment);

public sealed record SimPayment(
    string Reference, decimal Amount, string PayerName, string PayerAccount, IReadOnlyList<RemittanceItem> Remittance,
    PaymentKind Kind, IReadOnlyList<(string InvoiceId, decimal Cash)> Truth)
{
    /// <summary>
    /// Carries enough for a machine to be sure: a reference to the invoices (exact, shortened, or
    /// slipped but corroborated by amount and payer), or a learned account with an unambiguous
    /// amount. Name-only and ambiguous payments need a person, by design (precision first).
    /// </summary>
    public bool Informative => Kind is not (PaymentKind.AmbiguousAmount or PaymentKind.NameOnly or PaymentKind.Unrelated);
}

/// <summary>
/// Realistic cash-application scenarios with their ground truth, from a seed: customers with
/// invented names and bank accounts, their open invoices, and payments of every kind above, in
/// the mix AR teams see (most name their invoices; some need a person; a few are not ours).
/// Every invoice is paid at most once, so the truth is unique.
/// </summary>
public sealed class Scenario
{
    /// <summary>Syllables for invented names: consonant clusters and vowels, so names vary as real ones do.</summary>
    private static readonly string[] Syllables =
        [.. from onset in new[] { "b", "br", "c", "ch", "d", "dr", "f", "g", "gl", "h", "j", "k", "kr", "l", "m", "n", "p", "pr", "qu", "r", "s", "st", "t", "tr", "v", "w", "z" }
            from vowel in new[] { "a", "e", "i", "o", "u", "ay", "ou" }
            from coda in new[] { "", "n", "r", "x", "l" }
            select onset + vowel + coda];
    private static readonly string[] LegalForms = ["Inc", "LLC", "Ltd", "GmbH", "Corp", "S.A.", "B.V.", "plc", "AG", ""];
    private static readonly string[] Strangers = ["INTEREST CREDIT", "IRS TREAS 310 TAX REF", "HMRC VAT REPAYMENT", "CARD SETTLEMENT", "FX SWAP PROCEEDS"];

    public List<SimCustomer> Customers { get; } = [];
    public List<SimInvoice> Invoices { get; } = [];

    public Scenario(int customers, int invoices, int seed = 20261124)
    {
        var random = new Random(seed);
        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        while (Customers.Count < customers)
        {
            var name = $"{Word(random)} {Word(random)} {LegalForms[random.Next(LegalForms.Length)]}".Trim();
            if (names.Add(name))
                Customers.Add(new SimCustomer($"C{Customers.Count:D8}", name, $"DE{random.NextInt64(10_000_000_000_000_000, 99_999_999_999_999_999)}{random.Next(10, 99)}"));
        }
        for (var i = 0; i < invoices; i++)
        {
            var customer = Customers[random.Next(Customers.Count)];
            var amount = Math.Round((decimal)random.Next(5_000, 2_000_000) / 100m, 2);
            Invoices.Add(new SimInvoice($"I{i:D9}", $"INV-2026-{i + 1:D7}", customer.Id, amount, new DateOnly(2026, 9, 1).AddDays(random.Next(0, 90))));
        }
    }

    private static string Word(Random random)
    {
        var word = string.Concat(Enumerable.Range(0, random.Next(2, 4)).Select(_ => Syllables[random.Next(Syllables.Length)]));
        return char.ToUpperInvariant(word[0]) + word[1..];
    }

    /// <summary>
    /// The payments of the files, in order: file 0 teaches bank accounts (exact references from
    /// known accounts); later files may pay from those accounts without references. Files that
    /// carry no payer (BAI2: <paramref name="withoutPayer"/>) get only the kinds a reference alone decides.
    /// </summary>
    public List<List<SimPayment>> Payments(int total, int files, ISet<int> withoutPayer, int seed = 7)
    {
        var random = new Random(seed);
        var unused = new Queue<SimInvoice>(Invoices.OrderBy(_ => random.Next()));
        var byCustomer = Invoices.GroupBy(i => i.CustomerId).ToDictionary(g => g.Key, g => g.ToList());
        var customers = Customers.ToDictionary(c => c.Id);
        var taken = new HashSet<string>(StringComparer.Ordinal);
        var taught = new List<SimCustomer>();
        var result = new List<List<SimPayment>>();
        var number = 0;
        for (var file = 0; file < files; file++)
        {
            var payments = new List<SimPayment>();
            var count = total / files + (file < total % files ? 1 : 0);
            while (payments.Count < count)
            {
                var kind = file == 0 ? PaymentKind.ExactReference : Pick(random, carriesPayer: !withoutPayer.Contains(file));
                var payment = Make(kind, $"P{++number:D8}");
                if (payment is null) continue;
                payments.Add(payment);
                if (file == 0) taught.Add(customers[Owner(payment)]);
            }
            result.Add(payments);
        }
        return result;

        string Owner(SimPayment p) => Invoices[int.Parse(p.Truth[0].InvoiceId[1..])].CustomerId;

        SimInvoice? Next()
        {
            while (unused.TryDequeue(out var invoice))
                if (taken.Add(invoice.Id)) return invoice;
            return null;
        }

        SimPayment? Make(PaymentKind kind, string reference)
        {
            switch (kind)
            {
                case PaymentKind.ExactReference or PaymentKind.ShortReference or PaymentKind.SlippedReference:
                {
                    if (Next() is not { } invoice) return null;
                    var owner = customers[invoice.CustomerId];
                    var written = kind switch
                    {
                        PaymentKind.ExactReference => random.Next(2) == 0 ? invoice.Number : invoice.Number.Replace("INV-", "").Replace("-", ""),
                        PaymentKind.ShortReference => random.Next(2) == 0 ? invoice.Number[^7..] : $"inv {invoice.Number[^7..].TrimStart('0')}",
                        _ => Slip(invoice.Number.Replace("INV-", "").Replace("-", ""), random),
                    };
                    var payer = kind == PaymentKind.SlippedReference ? Variant(owner.Name, random) : owner.Name;
                    return new SimPayment(reference, invoice.Amount, payer, owner.Account, [new(written, invoice.Amount, invoice.Amount, "")], kind,
                        [(invoice.Id, invoice.Amount)]);
                }
                case PaymentKind.Combined:
                {
                    if (Next() is not { } first) return null;
                    var owner = customers[first.CustomerId];
                    var more = byCustomer[owner.Id].Where(i => !taken.Contains(i.Id)).Take(random.Next(1, 4)).ToList();
                    if (more.Count == 0) return null;
                    more.ForEach(i => taken.Add(i.Id));
                    var all = more.Prepend(first).ToList();
                    return new SimPayment(reference, all.Sum(i => i.Amount), owner.Name, owner.Account,
                        all.Select(i => new RemittanceItem(i.Number, i.Amount, i.Amount, "")).ToList(), kind, all.Select(i => (i.Id, i.Amount)).ToList());
                }
                case PaymentKind.ShortPay or PaymentKind.OverPay:
                {
                    if (Next() is not { } invoice) return null;
                    var owner = customers[invoice.CustomerId];
                    var delta = Math.Round(invoice.Amount * random.Next(1, 15) / 100m, 2);
                    if (kind == PaymentKind.ShortPay)
                        return new SimPayment(reference, invoice.Amount - delta, owner.Name, owner.Account,
                            [new(invoice.Number, invoice.Amount - delta, invoice.Amount, random.Next(2) == 0 ? "01" : "WHT")], kind, [(invoice.Id, invoice.Amount - delta)]);
                    return new SimPayment(reference, invoice.Amount + delta, owner.Name, owner.Account, [new(invoice.Number, null, null, "")], kind,
                        [(invoice.Id, invoice.Amount)]);
                }
                case PaymentKind.KnownAccount or PaymentKind.AmbiguousAmount:
                {
                    if (taught.Count == 0) return null;
                    var owner = taught[random.Next(taught.Count)];
                    var open = byCustomer[owner.Id].Where(i => !taken.Contains(i.Id)).ToList();
                    if (open.Count < 2) return null;
                    var invoice = open[random.Next(open.Count)];
                    if (open.Count(i => i.Amount == invoice.Amount) > 1) return null;
                    taken.Add(invoice.Id);
                    if (kind == PaymentKind.AmbiguousAmount)
                    {
                        // A second open invoice of the same amount, billed to the same customer: no machine can tell which.
                        var twin = open.First(i => i.Id != invoice.Id);
                        taken.Add(twin.Id);
                        Invoices[int.Parse(twin.Id[1..])] = twin with { Amount = invoice.Amount };
                    }
                    return new SimPayment(reference, invoice.Amount, Variant(owner.Name, random), owner.Account, [], kind, [(invoice.Id, invoice.Amount)]);
                }
                case PaymentKind.NameOnly:
                {
                    if (Next() is not { } invoice) return null;
                    var owner = customers[invoice.CustomerId];
                    return new SimPayment(reference, invoice.Amount, Variant(owner.Name, random), $"XX{random.NextInt64(1_000_000_000, 9_999_999_999)}", [],
                        kind, [(invoice.Id, invoice.Amount)]);
                }
                default:
                    return new SimPayment(reference, Math.Round((decimal)random.Next(100, 500_000) / 100m, 2), Strangers[random.Next(Strangers.Length)],
                        "", [], PaymentKind.Unrelated, []);
            }
        }
    }

    /// <summary>The mix: most payments name their invoices.</summary>
    private static PaymentKind Pick(Random random, bool carriesPayer)
    {
        var kind = Mix(random.Next(100));
        return carriesPayer || kind is PaymentKind.ExactReference or PaymentKind.ShortReference or PaymentKind.Combined
            or PaymentKind.OverPay or PaymentKind.Unrelated ? kind : PaymentKind.ExactReference;
    }

    private static PaymentKind Mix(int percentile) => percentile switch
    {
        < 33 => PaymentKind.ExactReference,
        < 45 => PaymentKind.ShortReference,
        < 53 => PaymentKind.SlippedReference,
        < 63 => PaymentKind.Combined,
        < 70 => PaymentKind.ShortPay,
        < 75 => PaymentKind.OverPay,
        < 83 => PaymentKind.KnownAccount,
        < 86 => PaymentKind.AmbiguousAmount,
        < 93 => PaymentKind.NameOnly,
        _ => PaymentKind.Unrelated,
    };

    /// <summary>How banks and payers write a customer's name: capitals, no legal form, truncated to 18 characters.</summary>
    private static string Variant(string name, Random random) => random.Next(3) switch
    {
        0 => name.ToUpperInvariant(),
        1 => string.Join(' ', name.Split(' ').Where(w => !LegalFormWord(w))).ToUpperInvariant(),
        _ => name.Length > 18 ? name[..18].ToUpperInvariant() : name,
    };

    private static bool LegalFormWord(string word) => LegalForms.Contains(word);

    /// <summary>One digit misread (not the year's digits), or two neighbours swapped.</summary>
    private static string Slip(string digits, Random random)
    {
        var chars = digits.ToCharArray();
        var at = random.Next(4, chars.Length - 1);
        if (random.Next(2) == 0 && chars[at] != chars[at + 1]) (chars[at], chars[at + 1]) = (chars[at + 1], chars[at]);
        else chars[at] = (char)('0' + (chars[at] - '0' + random.Next(1, 10)) % 10);
        return new string(chars);
    }
}
