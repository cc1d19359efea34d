using System.Globalization;
using System.Text.RegularExpressions;
using ArPlatform.Bench.Matching.BankFiles;
using ArPlatform.Bench.Matching.Labelling;

namespace ArPlatform.Bench.Matching.Generators.UkIndiaLatam;

/// <summary>What a payment is, before it is written: each kind builds one and labels it.</summary>
internal enum Kind
{
    Exact, Reformatted, Slipped, Several, NameAmount, CustomerNo, Combination, ShortPay, Tds, Charges, Fx, Partial, OverPay, Po, Voucher,
    Learned, Ambiguous, Duplicate, GroupPayer, SisterNoRef, Stranger, NonCustomer,
}

/// <summary>
/// One day of the group's receivables. Every payment is built as an intent of some kind, its
/// label checked against the book as it stands (a person works the files in order: what earlier
/// payments settled is gone), written as the rail writes it, and only then settled.
/// </summary>
internal sealed partial class Day
{
    private readonly Random _r;
    private readonly int _payments;
    private readonly World _world;
    private readonly Ledger _ledger;
    private readonly PayerReader _names;
    private readonly Book _book;
    private readonly Dictionary<Rail, List<Customer>> _pools = [];
    private readonly Dictionary<string, List<Invoice>> _byPo = new(StringComparer.Ordinal);
    private int _serial = 10_000;

    public Day(int payments, int seed)
    {
        _r = new Random(seed);
        _payments = payments;
        _world = new World(_r, Math.Clamp(payments / 3, 40, 20_000));
        _ledger = new Ledger(_world.CustomerNames().ToList(), _world.Invoices.Select(i => i.Open).ToList(), _world.Learned);
        _names = new PayerReader(_world.Customers);
        _book = new Book(_world.Invoices);
        foreach (var rail in RailSpec.All)
            _pools[rail.Rail] = _world.Customers.Where(c => rail.Payers.Contains(c.Country)).ToList();
        foreach (var i in _world.Invoices.Where(i => i.Open.PoNumber.Length > 0))
        {
            if (!_byPo.TryGetValue(i.Open.PoNumber, out var list)) _byPo[i.Open.PoNumber] = list = [];
            list.Add(i);
        }
    }

    private static readonly Kind[] Kinds = Enum.GetValues<Kind>();

    private static int Weight(Kind kind, RailSpec rail)
    {
        if (rail.Rail == Rail.Boleto) return kind switch { Kind.Exact => 20, Kind.Partial => 6, _ => 0 };
        var weight = kind switch
        {
            Kind.Exact => 20, Kind.Reformatted => 13, Kind.Slipped => 5, Kind.Several => 7, Kind.NameAmount => 6, Kind.CustomerNo => 2,
            Kind.Combination => 3, Kind.ShortPay => 5, Kind.Partial => 4, Kind.OverPay => 3, Kind.Po => 4, Kind.Voucher => 2, Kind.Learned => 4,
            Kind.Ambiguous => 5, Kind.Duplicate => 2, Kind.GroupPayer => 2, Kind.SisterNoRef => 1, Kind.Stranger => 4, Kind.NonCustomer => 3,
            Kind.Tds => rail.Rail is Rail.Neft or Rail.Rtgs or Rail.Imps ? 14 : rail.Swift ? 3 : 0,
            Kind.Charges => rail.Swift ? 10 : 0,
            Kind.Fx => rail.Swift ? 6 : 0,
            _ => 0,
        };
        if (rail.Rail == Rail.Lockbox && kind is Kind.ShortPay or Kind.Partial or Kind.CustomerNo or Kind.Voucher or Kind.Duplicate or Kind.GroupPayer or Kind.SisterNoRef)
            return 0;
        if (rail.Rail is Rail.ZaEft or Rail.Imps && kind is Kind.Several or Kind.ShortPay or Kind.Partial) return weight / 2;
        if (kind == Kind.Learned && rail.AccountShown == 0) return 0;
        return weight;
    }

    /// <summary>Fallbacks taken when no kind could be built (a rail whose customers have nothing left open): should stay near zero.</summary>
    public int Fallbacks { get; private set; }

    /// <summary>The next payment on the rail, its truth settled.</summary>
    private Intent Next(RailSpec rail)
    {
        var weights = Kinds.Select(k => Weight(k, rail)).ToArray();
        for (var attempt = 0; ; attempt++)
        {
            var kind = Kinds[_r.Weighted(weights)];
            Intent? intent;
            if (attempt < 80) intent = Build(kind, rail);
            else
            {
                // Nothing left to build on this rail: marked, so a reader of the report sees it.
                Fallbacks++;
                var credit = NonCustomer(rail);
                intent = credit with { Truth = credit.Truth with { Habit = credit.Truth.Habit + " (fallback)" } };
            }
            if (intent is null) continue;
            _ledger.Settle(intent.Truth);
            return intent;
        }
    }

    private Intent? Build(Kind kind, RailSpec rail) => kind switch
    {
        Kind.Exact => Referenced(rail, Category.ExactReference, "as issued", Numbers.Exact),
        Kind.Reformatted => Referenced(rail, Category.ReformattedReference, "reformatted", Reformatted),
        Kind.Slipped => Slipped(rail),
        Kind.Several => Several(rail),
        Kind.NameAmount => ByAmount(rail),
        Kind.CustomerNo => CustomerNumber(rail),
        Kind.Combination => Combination(rail),
        Kind.ShortPay => ShortPay(rail),
        Kind.Tds => Tds(rail),
        Kind.Charges => Charges(rail),
        Kind.Fx => Fx(rail),
        Kind.Partial => Partial(rail),
        Kind.OverPay => OverPay(rail),
        Kind.Po => Po(rail),
        Kind.Voucher => Voucher(rail),
        Kind.Learned => Learned(rail),
        Kind.Ambiguous => Ambiguous(rail),
        Kind.Duplicate => Duplicate(rail),
        Kind.GroupPayer => GroupPayer(rail),
        Kind.SisterNoRef => SisterNoReference(rail),
        Kind.Stranger => Stranger(rail),
        _ => NonCustomer(rail),
    };

    // ---------- the book as a person sees it ----------

    private decimal Open(Invoice invoice) => _ledger.Open(invoice.Open);

    private List<Invoice> Untargeted(Customer customer, RailSpec rail) =>
        _ledger.Untargeted(customer.Id, rail.Currency).Select(o => _world.ByInvoiceId[o.Id]).Where(i => rail.Settles.Contains(i.Series)).ToList();

    private List<Invoice> OpenOf(Customer customer, RailSpec rail) =>
        _ledger.OpenOf(customer.Id, rail.Currency).Select(o => _world.ByInvoiceId[o.Id]).Where(i => rail.Settles.Contains(i.Series)).ToList();

    private (Customer Customer, Invoice Invoice)? Target(RailSpec rail, Func<Invoice, bool>? fits = null)
    {
        var pool = _pools[rail.Rail];
        if (pool.Count == 0) return null;
        for (var i = 0; i < 25; i++)
        {
            var customer = _r.Pick(pool);
            var open = Untargeted(customer, rail).Where(fits ?? (_ => true)).ToList();
            if (open.Count > 0) return (customer, _r.Pick(open));
        }
        return null;
    }

    /// <summary>The only open item of its amount for its customer, and no combination of theirs makes it.</summary>
    private bool OnlyFit(Invoice invoice) => _ledger.OnlyFit(invoice.Open);

    /// <summary>
    /// Whom a person takes the payer to be: the one customer the name names, or the customer a
    /// shown account was learned for (when the name does not point elsewhere); null when unsure.
    /// </summary>
    private string? Who(Intent intent)
    {
        var candidates = _names.Candidates(intent.Name);
        var byAccount = intent.Account.Length > 0 ? _world.Learned.GetValueOrDefault(intent.Account) : null;
        if (byAccount is not null) return candidates.Count == 0 || candidates.Contains(byAccount) ? byAccount : null;
        return candidates is [var only] ? only : null;
    }

    private static Truth Label(Category category, Customer customer, string habit, params (Invoice Invoice, decimal Cash)[] lines) =>
        new(category, customer.Id, [.. lines.Select(l => new TruthLine(l.Invoice.Open.Id, l.Cash))], habit);

    // ---------- how the payer writes, and what the rail leaves of it ----------

    private Written? Reformatted(Invoice invoice)
    {
        var unique = Numbers.Reformatted(invoice).Where(f => _book.Names(f, invoice)).ToList();
        return unique.Count > 0 ? _r.Pick(unique) : null;
    }

    /// <summary>A number with a word for "invoice" before it (or glued to it: INV4512), as the payer's language has it.</summary>
    private string Say(RailSpec rail, Lang lang, Written written)
    {
        if (rail.Rail == Rail.Boleto) return written.Text;
        var digits = char.IsAsciiDigit(written.Text[0]);
        var label = _r.Pick(digits ? Words.BeforeDigits(lang) : Words.BeforePrefix(lang));
        if (rail.TextLimit <= 20 && _r.Chance(0.5)) label = "";
        if (digits && label.Length > 0 && _r.Chance(0.15)) label = label.TrimEnd();
        return label + written.Text;
    }

    /// <summary>How a rail treats accents: dropped, replaced, mangled (UTF-8 read as Windows-1252) or kept.</summary>
    private Func<string, string> Accents(RailSpec rail)
    {
        var roll = _r.NextDouble();
        return rail.Rail switch
        {
            Rail.Sepa or Rail.Lockbox => roll < 0.6 ? s => s : roll < 0.8 ? Names.Mojibake : Names.Fold,
            Rail.Spei or Rail.Spid => roll < 0.6 ? Names.Fold : roll < 0.85 ? s => Names.Unsupported(s, "?") : s => Names.Unsupported(s, ""),
            Rail.Ted or Rail.Pix or Rail.Boleto => roll < 0.75 ? Names.Fold : s => Names.Unsupported(s, "?"),
            _ => Names.Fold,
        };
    }

    /// <summary>What the rail leaves of the payer's text; null when a part that must be read (a number, a reason) does not survive whole.</summary>
    private string? Visible(RailSpec rail, string raw, IEnumerable<string> must)
    {
        var accents = Accents(rail);
        string T(string s) => rail.Upper ? accents(s).ToUpperInvariant() : accents(s);
        var text = Names.Cut(Regex.Replace(T(raw), " +", " ").Trim(), rail.TextLimit);
        return must.All(m => text.Contains(T(m), StringComparison.Ordinal)) ? text : null;
    }

    /// <summary>The payer's name and account as the rail shows them.</summary>
    private (string Name, string Account) Present(RailSpec rail, Customer payer)
    {
        var name = rail.Rail switch
        {
            Rail.Imps => Names.Squashed(payer.BankName, 10),
            Rail.ZaEft => Names.AsBankWrites(_r, payer.Name, 20, true, Names.Fold),
            Rail.Lockbox => _r.Chance(0.15) ? "" : Names.AsBankWrites(_r, payer.BankName, rail.NameLimit, _r.Chance(0.5), Accents(rail)),
            _ => Names.AsBankWrites(_r, payer.BankName, rail.NameLimit, rail.Upper, Accents(rail), rail.Rail is Rail.Neft or Rail.Rtgs),
        };
        return (name, _r.NextDouble() < rail.AccountShown ? payer.Account : "");
    }

    /// <summary>A customer's payment as the rail carries it; null when what must be read does not fit.</summary>
    private Intent? Pay(RailSpec rail, Customer payer, Truth truth, decimal amount, string raw, string[] must, IReadOnlyList<(string, decimal?)> stub)
    {
        var (name, account) = Present(rail, payer);
        var text = "";
        if (rail.Rail != Rail.Lockbox)
        {
            if (Visible(rail, raw, must) is not { } visible) return null;
            text = visible;
        }
        if (rail.Rail == Rail.ZaEft)
        {
            // The payer's own 20-character reference carries their name in front, cut to what is left.
            var room = 20 - text.Length - 1;
            name = text.Length == 0 ? Names.Cut(name, 20) : room >= 3 ? Names.Cut(name, room) : "";
        }
        return new Intent(truth, amount, name, account, text) { Stub = stub, Payer = payer, NumericRef = NumericReference(rail) };
    }

    /// <summary>SPEI's numeric reference when the payer put nothing of ours in it: a default or a number of their own.</summary>
    private string NumericReference(RailSpec rail)
    {
        if (rail.Rail is not (Rail.Spei or Rail.Spid)) return "";
        var junk = _r.Pick<string>(["0000001", "1234567", "0000000", _r.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture)]);
        return _book.AnyNumberIn(junk) ? _r.Next(1_000_000, 9_999_999).ToString(CultureInfo.InvariantCulture) : junk;
    }

    /// <summary>A sister company of the group paying instead (by name and account), when there is one on the rail.</summary>
    private Customer? Sister(Customer customer, RailSpec rail)
    {
        if (customer.Group.Length == 0 || !_r.Chance(0.12)) return null;
        var sisters = _pools[rail.Rail].Where(c => c.Group == customer.Group && c.Id != customer.Id).ToList();
        return sisters.Count > 0 ? _r.Pick(sisters) : null;
    }

    // ---------- identifiable ----------

    private Intent? Referenced(RailSpec rail, Category category, string habit, Func<Invoice, Written?> form)
    {
        if (Target(rail) is not (var customer, var invoice) || form(invoice) is not { } written || !_book.Names(written, invoice)) return null;
        var open = Open(invoice);
        var sister = rail.Rail == Rail.Boleto ? null : Sister(customer, rail);
        var lang = Words.Of(rail.Rail, customer.Country);
        // A Mexican payer may put a number that is all digits in SPEI's numeric reference instead of the concept.
        if (rail.Rail is Rail.Spei or Rail.Spid && written.Text.All(char.IsAsciiDigit) && written.Text.Length <= 7 && _r.Chance(0.4))
        {
            var numeric = Pay(rail, sister ?? customer, Label(category, customer, $"{habit}, in the numeric reference", (invoice, open)), open,
                _r.Pick<string>(["PAGO FACTURA", "PAGO", "ABONO FACTURA", "PAGO PROVEEDOR"]), [], []);
            return numeric is null ? null : numeric with { NumericRef = written.Text.PadLeft(7, '0') };
        }
        var intent = Pay(rail, sister ?? customer, Label(category, customer, sister is null ? habit : $"{habit}, a sister company pays", (invoice, open)), open,
            Say(rail, lang, written), [written.Text], [(written.Text, open)]);
        // A payment factory or parent names whom it pays for (camt UltmtDbtr) now and then.
        if (intent is not null && sister is not null && rail.Rail is Rail.Sepa or Rail.Chaps && _r.Chance(0.5))
            intent = intent with { Ultimate = Names.AsBankWrites(_r, customer.BankName, 70, rail.Upper, Names.Fold) };
        return intent;
    }

    private Intent? Slipped(RailSpec rail)
    {
        if (Target(rail, i => _ledger.SameAmount(i.Customer.Id, rail.Currency, Open(i)) == 1) is not (var customer, var invoice)) return null;
        if (Numbers.Slip(invoice, _r) is not { } slipped || _book.Candidates(slipped.Reading).Count > 0) return null;
        var open = Open(invoice);
        var intent = Pay(rail, customer, Label(Category.SlippedReference, customer, "slipped digit or fiscal year", (invoice, open)), open,
            Say(rail, Words.Of(rail.Rail, customer.Country), slipped), [slipped.Text], [(slipped.Text, open)]);
        return intent is not null && Who(intent) == customer.Id ? intent : null;
    }

    private Intent? Several(RailSpec rail)
    {
        if (Target(rail) is not (var customer, var first)) return null;
        var others = Untargeted(customer, rail).Where(i => i != first).OrderBy(_ => _r.Next()).Take(_r.Next(1, 4)).ToList();
        if (others.Count == 0) return null;
        List<Invoice> items = [first, .. others];
        var lang = Words.Of(rail.Rail, customer.Country);
        List<string> written;
        var shorthand = items.All(i => i.Series == first.Series && i.Year == first.Year) && _r.Chance(0.35);
        if (shorthand)
        {
            // GB1-26-0004512/4513/4520: the rest read with the first one's prefix and year.
            written = [first.Open.Number, .. others.Select(i => Numbers.N(i.Seq))];
            if (others.Any(i => _book.Candidates(new([i.Series], i.Year, i.Seq)) is not [var only] || only != i)) return null;
        }
        else
        {
            written = [];
            foreach (var item in items)
            {
                var form = _r.Chance(0.5) ? Numbers.Exact(item) : Reformatted(item);
                if (form is null || !_book.Names(form, item)) return null;
                written.Add(form.Text);
            }
        }
        var digits = written.All(w => char.IsAsciiDigit(w[0]));
        var raw = shorthand ? string.Join(_r.Pick<string>(["/", ", ", " "]), written) : Words.Several(_r, lang, written, digits);
        var lines = items.Select(i => (i, Open(i))).ToArray();
        return Pay(rail, Sister(customer, rail) is { } sister && !shorthand ? sister : customer,
            Label(Category.SeveralReferences, customer, shorthand ? "several, shorthand" : "several", lines), lines.Sum(l => l.Item2), raw,
            [.. written], [.. items.Select((i, n) => (written[n], (decimal?)Open(i)))]);
    }

    private Intent? ByAmount(RailSpec rail)
    {
        if (Target(rail, OnlyFit) is not (var customer, var invoice)) return null;
        var open = Open(invoice);
        var intent = Pay(rail, customer, Label(Category.NameAndUniqueAmount, customer, "name, no reference", (invoice, open)), open,
            _r.Pick(Words.Filler(Words.Of(rail.Rail, customer.Country))), [], []);
        return intent is not null && _names.Identify(intent.Name) == customer.Id && Who(intent) == customer.Id ? intent : null;
    }

    private Intent? CustomerNumber(RailSpec rail)
    {
        if (Target(rail, OnlyFit) is not (var customer, var invoice)) return null;
        var open = Open(invoice);
        var said = Words.CustomerNumber(_r, Words.Of(rail.Rail, customer.Country), customer.Id);
        var intent = Pay(rail, customer, Label(Category.NameAndUniqueAmount, customer, "our customer number, no invoice", (invoice, open)), open, said, [said], []);
        // The number says whose it is; a name pointing at someone else would make a person doubt it.
        return intent is not null && (Who(intent) is null || Who(intent) == customer.Id) ? intent : null;
    }

    private Intent? Combination(RailSpec rail)
    {
        for (var tries = 0; tries < 10; tries++)
        {
            var customer = _r.Pick(_pools[rail.Rail]);
            var open = OpenOf(customer, rail);
            if (open.Count < 2 || open.Count > 18) continue;
            var picked = open.OrderBy(_ => _r.Next()).Take(_r.Next(2, 4)).ToList();
            var sum = picked.Sum(Open);
            if (_ledger.SameAmount(customer.Id, rail.Currency, sum) != 0 || _ledger.Combinations(customer.Id, rail.Currency, sum, 2) != 1) continue;
            var intent = Pay(rail, customer, Label(Category.UniqueCombination, customer, "sum of open items, no reference", [.. picked.Select(i => (i, Open(i)))]),
                sum, _r.Pick(Words.Filler(Words.Of(rail.Rail, customer.Country))), [], []);
            if (intent is not null && Who(intent) == customer.Id) return intent;
        }
        return null;
    }

    /// <summary>The number as issued or in a form that still names it alone.</summary>
    private Written? Named(Invoice invoice) => _r.Chance(0.6) ? Numbers.Exact(invoice) : Reformatted(invoice);

    private Intent? ShortPay(RailSpec rail)
    {
        if (Target(rail) is not (var customer, var invoice) || Named(invoice) is not { } written) return null;
        var open = Open(invoice);
        var lang = Words.Of(rail.Rail, customer.Country);
        var creditNote = lang == Lang.Es ? $"NC-{_r.Next(100, 999)}" : $"GC1-26-{_r.Next(100, 999):D7}";
        var reason = rail.TextLimit <= 20 ? _r.Pick(Words.ShortReasons(lang)) : Words.Reason(_r, lang, creditNote);
        var paid = open - Math.Round(open * (decimal)(_r.NextDouble() * 0.11 + 0.01), 2);
        if (paid <= 0m || paid >= open) return null;
        return Pay(rail, customer, Label(Category.ShortPayWithReason, customer, $"short-pay: {reason}", (invoice, paid)), paid,
            $"{Say(rail, lang, written)} {reason}", [written.Text, reason], [(written.Text, paid)]);
    }

    /// <summary>Indian tax deducted at source (2 % on contracts, 10 % on technical services, on the value before GST), or withholding tax abroad.</summary>
    private Intent? Tds(RailSpec rail)
    {
        if (Target(rail, i => i.Customer.Country == Country.IN) is not (var customer, var invoice) || Named(invoice) is not { } written) return null;
        var open = Open(invoice);
        var rate = _r.Chance(0.6) ? 2 : 10;
        decimal deducted;
        string said;
        if (rail.Swift)
        {
            rate = _r.Chance(0.5) ? 10 : 15;
            deducted = Math.Round(open * rate / 100m, 2);
            said = _r.Pick<string>([$"LESS WHT {rate}%", $"NET OF WHT {rate} PCT", $"WITHHOLDING TAX {rate}% DEDUCTED"]);
        }
        else
        {
            deducted = Math.Round(Math.Round(open / 1.18m, 2) * rate / 100m, 0);
            var rupees = deducted.ToString("0", CultureInfo.InvariantCulture);
            said = _r.Pick<string>([$"LESS TDS {rate}%", $"TDS {rate}% DEDUCTED", "NET OF TDS", $"LESS TDS RS {rupees}", $"TDS {rate} PCT"]);
        }
        var paid = open - deducted;
        if (deducted <= 0m || paid <= 0m) return null;
        return Pay(rail, customer, Label(Category.ShortPayWithReason, customer, rail.Swift ? "withholding tax" : "TDS deducted", (invoice, paid)), paid,
            $"{Say(rail, Words.Of(rail.Rail, customer.Country), written)} {said}", [written.Text, said], []);
    }

    /// <summary>A correspondent bank took its charges from a SWIFT payment: shown in the entry's charges, and sometimes in words.</summary>
    private Intent? Charges(RailSpec rail)
    {
        if (Target(rail, i => Open(i) > 500m) is not (var customer, var invoice) || Named(invoice) is not { } written) return null;
        var open = Open(invoice);
        var charge = _r.Next(1_000, 4_500) / 100m;
        var intent = Pay(rail, customer, Label(Category.ShortPayWithReason, customer, "correspondent charges", (invoice, open - charge)), open - charge,
            Say(rail, Words.Of(rail.Rail, customer.Country), written), [written.Text], []);
        return intent is null ? null : intent with { Charges = charge, ChargesSaid = _r.Chance(0.5) };
    }

    /// <summary>Instructed in the payer's own currency and converted on the way: a little less or more than the invoice.</summary>
    private Intent? Fx(RailSpec rail)
    {
        if (Target(rail) is not (var customer, var invoice) || Named(invoice) is not { } written) return null;
        var open = Open(invoice);
        var (ccy, rate) = (customer.Country, rail.Currency) switch
        {
            (Country.IN, "GBP") => ("INR", 112.4m), (Country.IN, _) => ("INR", 88.2m), (Country.ZA, "GBP") => ("ZAR", 23.6m), (Country.ZA, _) => ("ZAR", 17.9m),
            _ => ("BRL", 5.41m),
        };
        var delta = _r.Chance(0.65) ? -(decimal)(_r.NextDouble() * 0.022 + 0.003) : (decimal)(_r.NextDouble() * 0.012 + 0.003);
        var received = Math.Round(open * (1m + delta), 2);
        if (received == open) return null;
        var applied = Math.Round(rate * (decimal)(1 + (_r.NextDouble() - 0.5) * 0.01), 4);
        var instructed = Math.Round(received * applied, 2);
        var shortPaid = received < open;
        var lang = Words.Of(rail.Rail, customer.Country);
        var said = Say(rail, lang, written) + (_r.Chance(0.4) ? $" PAID IN {ccy}" : "");
        var intent = Pay(rail, customer,
            shortPaid ? Label(Category.ShortPayWithReason, customer, $"paid in {ccy}, converted short", (invoice, received))
                : Label(Category.OverPay, customer, $"paid in {ccy}, converted over", (invoice, open)),
            received, said, [written.Text], []);
        return intent is null ? null : intent with { Instructed = new CamtInstructed(ccy, instructed, applied) };
    }

    private Intent? Partial(RailSpec rail)
    {
        if (Target(rail, i => Open(i) >= 100m) is not (var customer, var invoice)) return null;
        var open = Open(invoice);
        var k = _r.Next(2, 5);
        var i = _r.Next(1, k);
        var paid = Math.Round(open / (k - i + 1), 2);
        if (paid >= open || paid <= 0m) return null;
        var lang = Words.Of(rail.Rail, customer.Country);
        if (rail.Rail == Rail.Boleto)
        {
            // A boleto per instalment: "seu número" is the invoice number and the instalment.
            var number = $"{invoice.Open.Number}/{i}";
            return Pay(rail, customer, Label(Category.PartialPayment, customer, "boleto instalment", (invoice, paid)), paid, number, [number], []);
        }
        if (Named(invoice) is not { } written) return null;
        var said = Words.Partial(_r, lang, i, k);
        return Pay(rail, customer, Label(Category.PartialPayment, customer, $"instalment: {said}", (invoice, paid)), paid,
            $"{Say(rail, lang, written)} {said}", [written.Text, said], []);
    }

    private Intent? OverPay(RailSpec rail)
    {
        if (Target(rail) is not (var customer, var invoice) || Named(invoice) is not { } written) return null;
        var open = Open(invoice);
        var paid = _r.Chance(0.5) && open > 1_000m ? Math.Ceiling(open / 1_000m) * 1_000m : open + Math.Round(open * (decimal)(_r.NextDouble() * 0.08 + 0.005), 2);
        if (paid <= open) paid = open + 100m;
        var lang = Words.Of(rail.Rail, customer.Country);
        return Pay(rail, customer, Label(Category.OverPay, customer, "over-pay, rest on account", (invoice, open)), paid,
            $"{Say(rail, lang, written)} {Words.Over(_r, lang)}", [written.Text], [(written.Text, open)]);
    }

    private Intent? Po(RailSpec rail)
    {
        if (Target(rail, i => i.Open.PoNumber.Length > 0) is not (var customer, var invoice)) return null;
        var open = Open(invoice);
        var po = invoice.Open.PoNumber;
        // The PO pins the invoice when no other open invoice under it is of the amount.
        if (_byPo[po].Count(i => Open(i) == open) != 1) return null;
        var said = Words.Po(_r, Words.Of(rail.Rail, customer.Country), po);
        return Pay(rail, customer, Label(Category.PoOrVoucherReference, customer, "our invoice's PO", (invoice, open)), open, said, [po], [(po, open)]);
    }

    private Intent? Voucher(RailSpec rail)
    {
        if (Target(rail, OnlyFit) is not (var customer, var invoice)) return null;
        var open = Open(invoice);
        var said = Words.Voucher(_r, Words.Of(rail.Rail, customer.Country));
        var intent = Pay(rail, customer, Label(Category.PoOrVoucherReference, customer, "their own voucher number", (invoice, open)), open, said, [said], []);
        return intent is not null && _names.Identify(intent.Name) == customer.Id && Who(intent) == customer.Id ? intent : null;
    }

    /// <summary>No usable name (none, a bureau's, a squeezed fragment), no reference: the account learned for the customer and the only item of the amount.</summary>
    private Intent? Learned(RailSpec rail)
    {
        if (Target(rail, i => OnlyFit(i) && _world.Learned.ContainsKey(i.Customer.Account)) is not (var customer, var invoice)) return null;
        var open = Open(invoice);
        var intent = Pay(rail, customer, Label(Category.LearnedAccount, customer, "learned account, no usable name", (invoice, open)), open,
            _r.Pick(Words.Filler(Words.Of(rail.Rail, customer.Country))), [], []);
        if (intent is null) return null;
        var name = rail.Rail switch
        {
            Rail.Rtgs or Rail.Ted => Names.Squashed(customer.BankName, _r.Next(4, 7)),
            Rail.Lockbox => "",
            _ => _r.Pick<string>(["", "", "BACS BUREAU 0041", "PAYMENTS", Names.Squashed(customer.BankName, 6)]),
        };
        intent = intent with { Name = name, Account = customer.Account };
        var candidates = _names.Candidates(name);
        return _names.Identify(name) is null && (candidates.Count == 0 || candidates.Contains(customer.Id)) && Who(intent) == customer.Id ? intent : null;
    }

    // ---------- not identifiable ----------

    /// <summary>A known payer, no reference, and an amount that several of their open items (or items and a combination) fit.</summary>
    private Intent? Ambiguous(RailSpec rail)
    {
        for (var tries = 0; tries < 15; tries++)
        {
            var customer = _r.Pick(_pools[rail.Rail]);
            var open = OpenOf(customer, rail);
            var twins = open.GroupBy(Open).Where(g => g.Count() >= 2).Select(g => g.Key).ToList();
            var amount = twins.Count > 0 ? _r.Pick(twins)
                : open.Select(Open).Where(a => _ledger.Combinations(customer.Id, rail.Currency, a, 1) >= 1).DefaultIfEmpty(0m).First();
            if (amount == 0m) continue;
            var intent = Pay(rail, customer, Labelling.Truth.NotIdentifiable(Category.AmbiguousAmount, twins.Count > 0 ? "several open items of the amount" : "an item and a combination of the amount"),
                amount, _r.Pick(Words.Filler(Words.Of(rail.Rail, customer.Country))), [], []);
            if (intent is not null && Who(intent) == customer.Id) return intent;
        }
        return null;
    }

    /// <summary>
    /// A recurring fee paid again under the number of one already paid: a duplicate for the
    /// account, or this month's fee under last month's number — a person cannot tell.
    /// </summary>
    private Intent? Duplicate(RailSpec rail)
    {
        for (var tries = 0; tries < 10; tries++)
        {
            var customer = _r.Pick(_pools[rail.Rail]);
            if (customer.Fee is not { } fee || customer.FeeSeries is not { } series || !rail.Settles.Contains(series)) continue;
            var fees = OpenOf(customer, rail).Where(i => Open(i) == fee && i.Series == series).ToList();
            if (fees.Count == 0) continue;
            var year = fees[0].Year;
            if (!_world.Paid.TryGetValue((series, year), out var paid) || paid.Count == 0) continue;
            var number = _r.Pick(paid);
            var written = new Written(Numbers.Issued(series, year, number), new([series], year, number));
            if (_book.Candidates(written.Reading).Count > 0 || OpenOf(customer, rail).Any(i => i.Series == series && Numbers.OneSlipApart(i.Seq, number))) continue;
            var lang = Words.Of(rail.Rail, customer.Country);
            var intent = Pay(rail, customer, Labelling.Truth.NotIdentifiable(Category.AmbiguousAmount, "fee paid again under a paid invoice's number"), fee,
                Say(rail, lang, written), [written.Text], [(written.Text, fee)]);
            if (intent is not null && Who(intent) == customer.Id) return intent;
        }
        return null;
    }

    /// <summary>A group's shared name pays two companies' items in one amount, saying nothing: whose debts it settles is not said.</summary>
    private Intent? GroupPayer(RailSpec rail)
    {
        var groups = _pools[rail.Rail].Where(c => c.Group.Length > 0).GroupBy(c => c.Group).Where(g => g.Count() >= 2).ToList();
        if (groups.Count == 0) return null;
        var group = _r.Pick(groups).ToList();
        var pair = group.OrderBy(_ => _r.Next()).Take(2).ToList();
        var items = pair.Select(c => OpenOf(c, rail)).ToList();
        if (items.Any(l => l.Count == 0)) return null;
        var amount = items.Sum(l => Open(_r.Pick(l)));
        var accents = Accents(rail);
        var name = Names.Cut(rail.Upper ? accents(group[0].Group).ToUpperInvariant() : accents(group[0].Group), rail.NameLimit);
        if (rail.Rail == Rail.Imps) name = Names.Squashed(group[0].Group, 10);
        var candidates = _names.Candidates(name);
        if (candidates.Count < 2) return null;
        foreach (var id in candidates)
            if (_ledger.SameAmount(id, rail.Currency, amount) != 0 || _ledger.Combinations(id, rail.Currency, amount, 1) != 0) return null;
        var text = Visible(rail, Words.Group(_r, Words.Of(rail.Rail, group[0].Country)), []) ?? "";
        var account = _r.NextDouble() < rail.AccountShown ? Accounts.Customer(_r, group[0].Country).Account : "";
        return new Intent(Labelling.Truth.NotIdentifiable(Category.AmbiguousPayer, "group name pays for two companies"), amount, name, account, text)
        {
            NumericRef = NumericReference(rail),
        };
    }

    /// <summary>A customer pays, without reference, the one item of a sister company that it does not owe itself.</summary>
    private Intent? SisterNoReference(RailSpec rail)
    {
        if (Target(rail, i => i.Customer.Group.Length > 0) is not (var customer, var invoice)) return null;
        var sisters = _pools[rail.Rail].Where(c => c.Group == customer.Group && c.Id != customer.Id).ToList();
        if (sisters.Count == 0) return null;
        var payer = _r.Pick(sisters);
        var amount = Open(invoice);
        if (_ledger.SameAmount(payer.Id, rail.Currency, amount) != 0 || _ledger.Combinations(payer.Id, rail.Currency, amount, 1) != 0) return null;
        var intent = Pay(rail, payer, Labelling.Truth.NotIdentifiable(Category.AmbiguousPayer, "pays a sister company's item, unsaid"), amount,
            _r.Pick(Words.Filler(Words.Of(rail.Rail, payer.Country))), [], []);
        return intent is not null && Who(intent) == payer.Id ? intent : null;
    }

    /// <summary>Someone not on the customer list, often named like a customer and paying what a customer owes.</summary>
    private Intent? Stranger(RailSpec rail)
    {
        var pool = _pools[rail.Rail];
        if (pool.Count == 0) return null;
        var lookalike = _r.Pick(pool);
        var full = _r.Chance(0.7) ? Names.Lookalike(_r, lookalike) : Names.Lookalike(_r, _r.Pick(_world.Customers)) + " " + _r.Pick<string>(["Trust", "Holdings"]);
        var name = rail.Rail == Rail.Imps ? Names.Squashed(full, 10) : Names.AsBankWrites(_r, full, rail.NameLimit, rail.Upper, Accents(rail));
        var owed = _ledger.OpenOf(lookalike.Id, rail.Currency).Select(o => _ledger.Open(o)).ToList();
        var amount = owed.Count > 0 && _r.Chance(0.5) ? _r.Pick(owed) : Math.Round((decimal)(_r.NextDouble() * 20_000 + 50), 2);
        var own = $"{_r.Next(10, 99)}{_r.Next(100, 999)}";
        var raw = _r.Chance(0.3) ? $"INV {own}" : _r.Pick(Words.Filler(Words.Of(rail.Rail, lookalike.Country)));
        if (_book.AnyNumberIn(raw)) raw = "";
        var text = Visible(rail, raw, []) ?? "";
        if (rail.Rail == Rail.ZaEft) name = 19 - text.Length >= 3 ? Names.Cut(name, 19 - text.Length) : "";
        // Checked as finally written: a cut lookalike may have become a customer's name.
        if (name.Length == 0 || _names.Candidates(name).Count > 0) return null;
        return new Intent(Labelling.Truth.NotIdentifiable(Category.Stranger, "lookalike or unknown payer"), amount, name,
            _r.NextDouble() < rail.AccountShown ? Accounts.Customer(_r, lookalike.Country).Account : "", text)
        {
            NumericRef = NumericReference(rail),
            Stub = raw.StartsWith("INV", StringComparison.Ordinal) ? [(own, amount)] : [],
        };
    }

    /// <summary>Money that is no customer's: tax refunds, interest, transfers from the group's own companies and accounts, supplier refunds.</summary>
    private Intent NonCustomer(RailSpec rail)
    {
        var amount = Math.Round((decimal)(_r.NextDouble() * 15_000 + 5), 2);
        var (name, words) = rail.Rail switch
        {
            Rail.Bacs or Rail.Fps or Rail.Chaps => _r.Pick<(string, string)>([("HMRC VAT", "VAT REPAYMENT"), ("", "CREDIT INTEREST"),
                ("THORNBURY FIELD SERVICES", "INTERCO TFR"), ("MIDLAND FASTENERS LTD", "REFUND"), ("AVIVA INSURANCE", "CLAIM SETTLEMENT")]),
            Rail.Sepa => _r.Pick<(string, string)>([("Revenue Commissioners", "VAT refund"), ("Thornbury Process Equipment Ltd", "Cash pool sweep"), ("", "Credit interest")]),
            Rail.SwiftGbp or Rail.SwiftUsd => _r.Pick<(string, string)>([("THORNBURY PROCESS EQUIPMENT INDIA", "INTERCOMPANY SETTLEMENT"),
                ("THORNBURY EQUIPAMENTOS DE PROCESSO", "DIVIDEND"), ("THORNBURY EQUIPOS DE PROCESO", "MGMT FEE RECHARGE")]),
            Rail.Neft or Rail.Rtgs or Rail.Imps => _r.Pick<(string, string)>([("INCOME TAX REFUND", "CPC BENGALURU"), ("", "INT.PD SB"),
                ("GST REFUND", "REFUND ORDER"), ("THORNBURY PROCESS EQUIPMENT", "OWN AC TRANSFER")]),
            Rail.Spei or Rail.Spid => _r.Pick<(string, string)>([("SERVICIO DE ADMINISTRACION TRIBUTARIA", "DEVOLUCION IVA"), ("", "INTERESES GANADOS"),
                ("THORNBURY EQUIPOS DE PROCESO", "TRASPASO ENTRE CUENTAS")]),
            Rail.Ted or Rail.Pix or Rail.Boleto => _r.Pick<(string, string)>([("RECEITA FEDERAL", "RESTITUICAO"), ("", "RENDIMENTO APLIC AUTOMATICA"),
                ("THORNBURY EQUIPAMENTOS", "TRANSF ENTRE CONTAS")]),
            Rail.ZaEft or Rail.ZaRtc => _r.Pick<(string, string)>([("SARS", "VAT REFUND"), ("", "CREDIT INTEREST"), ("THORNBURY SA", "INTERACC TRF")]),
            _ => _r.Pick<(string, string)>([("FEDEX", "REFUND"), ("", "INTEREST")]),
        };
        if (rail.Rail == Rail.ZaEft) (name, words) = ("", Names.Cut($"{name} {words}".Trim(), 20));
        if (rail.Rail == Rail.Imps) name = Names.Squashed(name, 10);
        name = Names.Cut(name, Math.Max(rail.NameLimit, 1));
        if (_names.Candidates(name).Count > 0) name = "";
        return new Intent(Labelling.Truth.NotIdentifiable(Category.NonCustomerCredit, words.ToLowerInvariant()), amount, name, "",
            Names.Cut(words, rail.TextLimit > 0 ? rail.TextLimit : 40))
        {
            NumericRef = NumericReference(rail),
        };
    }
}
