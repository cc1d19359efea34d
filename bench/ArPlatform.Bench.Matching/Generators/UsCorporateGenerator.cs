using System.Globalization;
using ArPlatform.Bench.Matching.BankFiles;
using ArPlatform.Bench.Matching.Labelling;
using ArPlatform.CashApplication.BankFiles;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Generators;

/// <summary>
/// A US distributor's day. Customers are US corporations ("Summit Midwest Foods, Inc.",
/// "Pioneer Hardware LLC d/b/a Pioneer Tool Depot") that banks write abbreviated, upper-cased,
/// cut to ACH's 16 characters, by their DBA. Invoices are INV-2026-004711 (a few INV-2025 still
/// open, whose short forms collide); subscription customers owe many invoices of one amount.
/// Payments arrive as a lockbox CSV, BAI2 (ACH with ORIG CO NAME, wires with B/O and OBI), NACHA
/// CCD+/CTX, and an X12 820, in USD and CAD. Payers write the number whole or short, slip a
/// digit, name their PO or their own voucher, put reasons for short pays in words or ADX codes.
/// </summary>
public sealed class UsCorporateGenerator : IScenarioGenerator
{
    public string Name => "us-corporate";
    public bool HeldOutOnly => false;

    public LabelledScenario Generate(int payments, int seed, Split split) => new Day(payments, seed).Write(Name, split, seed);

    private static readonly string[] Cores =
    [
        "Apex", "Blue Ridge", "Cascade", "Delmar", "Evergreen", "Franklin", "Granite", "Harborview", "Ironwood", "Jefferson",
        "Keystone", "Lakeshore", "Midland", "Northgate", "Oakmont", "Pioneer", "Quincy", "Redstone", "Summit", "Tri-County",
        "Union", "Valley Forge", "Westfield", "Yorktown", "Atlas", "Beacon", "Cornerstone", "Diamond", "Eagle", "Frontier",
        "Gateway", "Heartland", "Liberty", "Meridian", "Patriot", "Sierra", "Sterling", "Titan", "Vanguard", "Allied",
        "Bayside", "Crescent", "Coastal", "Great Lakes", "Hudson", "Mesa", "Pacific Rim", "Prairie", "Riverbend", "Silver Creek",
    ];
    private static readonly string[] Regions = ["Midwest", "Southern", "Western", "Northeast", "Gulf Coast", "Mountain", "of Ohio", "of Texas", "USA", "North America"];
    private static readonly string[] Industries =
    [
        "Industrial Supply", "Foods", "Logistics", "Manufacturing", "Medical Products", "Paper Products", "Hardware", "Electric",
        "Plastics", "Packaging", "Distributors", "Building Materials", "Chemical", "Auto Parts", "Office Solutions",
        "Restaurant Group", "Health Systems", "Energy Services", "Construction", "Furniture", "Textiles", "Laboratories",
        "Marine", "Aerospace", "International",
    ];
    private static readonly string[] LegalForms = ["Inc.", "LLC", "Corp.", "Corporation", "Co.", "Incorporated", "L.P.", "Holdings, Inc.", "Company"];
    private static readonly string[] DbaWords = ["Express", "Direct", "Outlet", "Depot", "Pro Supply", "Wholesale Club", "Online"];

    /// <summary>How US banks and AP systems shorten words; the resolver reads them back.</summary>
    private static readonly Dictionary<string, string[]> Abbreviations = new(StringComparer.Ordinal)
    {
        ["intl"] = ["international"], ["mfg"] = ["manufacturing"], ["dist"] = ["distributors"], ["distr"] = ["distributors"],
        ["svcs"] = ["services"], ["prods"] = ["products"], ["med"] = ["medical"], ["bldg"] = ["building"], ["matls"] = ["materials"],
        ["chem"] = ["chemical"], ["pkg"] = ["packaging"], ["indl"] = ["industrial"], ["sup"] = ["supply"], ["hlth"] = ["health"],
        ["sys"] = ["systems"], ["elec"] = ["electric"], ["constr"] = ["construction"], ["furn"] = ["furniture"], ["labs"] = ["laboratories"],
        ["grp"] = ["group"], ["rest"] = ["restaurant"], ["hldgs"] = ["holdings"], ["ofc"] = ["office"], ["sols"] = ["solutions"],
        ["aero"] = ["aerospace"], ["enrgy"] = ["energy"], ["tex"] = ["textiles"], ["hdwe"] = ["hardware"], ["logis"] = ["logistics"],
        ["mtn"] = ["mountain"], ["so"] = ["southern"], ["ne"] = ["northeast"], ["na"] = ["north", "america"], ["mdwst"] = ["midwest"],
    };
    private static readonly Dictionary<string, string> Shorter = Abbreviations
        .Where(a => a.Value.Length == 1).GroupBy(a => a.Value[0]).ToDictionary(g => g.Key, g => g.First().Key.ToUpperInvariant());

    private static readonly string[] StrangerCores = ["Acme", "Ajax", "Bluebonnet", "Copperline", "Driftwood", "Foxhollow", "Juniper", "Kestrel", "Lone Star", "Magnolia"];
    private static readonly string[] ShortPayReasons =
        ["LESS DAMAGED GOODS", "FREIGHT DEDUCTED", "SHORT SHIPPED 2 CS", "LESS PRICING ADJ", "DEDUCT RETURNED ITEMS", "LESS CO-OP ADVERTISING"];
    private static readonly string[] AdxCodes = ["01", "04", "12", "19", "53", "AX"];

    private enum Channel { Lockbox, Ach, Wire, Ccd, Ctx, X12 }

    private enum Kind
    {
        Exact, Reformatted, Slipped, Several, NameAmount, Combination, ShortPay, Partial, OverPay, Po, Voucher, Learned,
        Ambiguous, Stranger, NonCustomer,
    }

    private static readonly (Kind Kind, int Weight)[] Mix =
    [
        (Kind.Exact, 20), (Kind.Reformatted, 10), (Kind.Slipped, 7), (Kind.Several, 8), (Kind.NameAmount, 8), (Kind.Combination, 4),
        (Kind.ShortPay, 6), (Kind.Partial, 3), (Kind.OverPay, 3), (Kind.Po, 4), (Kind.Voucher, 3), (Kind.Learned, 5),
        (Kind.Ambiguous, 6), (Kind.Stranger, 6), (Kind.NonCustomer, 6),
    ];

    private sealed record Customer(string Id, string Name, string Dba, string Account, string Currency);

    /// <summary>One remittance item as the payer means it: an invoice (IV), a PO, or their own voucher (VC).</summary>
    private sealed record Item(string Qualifier, string Written, decimal? Paid, decimal? Billed, decimal? Adjustment = null, string Code = "");

    private sealed record Intent(Truth Truth, string Currency, decimal Amount, string PayerName, string PayerAccount, IReadOnlyList<Item> Items, string Words);

    private sealed class Day
    {
        private static readonly DateOnly Today = new(2026, 11, 16);
        private readonly Random _r;
        private readonly int _payments;
        private readonly List<Customer> _customers = [];
        private readonly Dictionary<string, Customer> _byId = new(StringComparer.Ordinal);
        private readonly List<OpenInvoice> _invoices = [];
        private readonly Dictionary<string, string> _learned = new(StringComparer.Ordinal);
        /// <summary>(year, sequence) → invoices: how a person reads an invoice number, whatever its zeros and dashes.</summary>
        private readonly Dictionary<(int Year, int Sequence), List<OpenInvoice>> _byNumber = [];
        private readonly Ledger _ledger;
        private readonly NameResolver _names;
        private int _trace = 1000;

        public Day(int payments, int seed)
        {
            _r = new Random(seed);
            _payments = payments;
            var wanted = Math.Clamp(payments / 3, 30, 12_000);
            var taken = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
            while (_customers.Count < wanted)
            {
                var core = _r.Pick(Cores);
                var region = _r.Chance(0.3) ? _r.Pick(Regions) + " " : "";
                var industry = _r.Pick(Industries);
                var stem = $"{core} {region}{industry}";
                if (!taken.Add(stem)) continue;
                var dba = _r.Chance(0.12) ? $"{core} {_r.Pick(DbaWords)}" : "";
                var name = $"{stem} {_r.Pick(LegalForms)}{(dba.Length > 0 ? " d/b/a " + dba : "")}";
                var customer = new Customer($"US{_customers.Count + 1:D5}", name, dba, $"1{_r.Next(100_000_000, 999_999_999)}", _r.Chance(0.15) ? "CAD" : "USD");
                _customers.Add(customer);
                _byId[customer.Id] = customer;
                if (_r.Chance(0.4)) _learned[customer.Account] = customer.Id;
            }
            var sequence2026 = _r.Next(1_000, 40_000);
            var sequence2025 = _r.Next(1, 20_000);
            var po = _r.Next(4_500_000, 4_560_000);
            foreach (var customer in _customers)
            {
                var fee = _r.Chance(0.3) ? _r.Pick<decimal>([1_250m, 2_400m, 849.95m, 599m, 3_000m, 1_875.50m]) : (decimal?)null;
                var count = Math.Min(16, 1 + (int)(-Math.Log(1 - _r.NextDouble()) * 4));
                for (var i = 0; i < count; i++)
                {
                    var old = _r.Chance(0.08);
                    var (year, number) = old ? (2025, sequence2025++) : (2026, sequence2026++);
                    var amount = fee is { } f && _r.Chance(0.6) ? f
                        : _r.Chance(0.1) ? _r.Pick<decimal>([250m, 500m, 750m, 1_000m, 1_500m, 2_000m, 2_500m, 5_000m, 10_000m])
                        : Math.Round((decimal)Math.Exp(_r.NextDouble() * (Math.Log(40_000) - Math.Log(80)) + Math.Log(80)), 2);
                    var invoice = new OpenInvoice($"{customer.Id}-{year}-{number}", $"INV-{year}-{number:D6}", customer.Id, customer.Currency, amount,
                        old ? new DateOnly(2025, 12, 1).AddDays(_r.Next(0, 30)) : new DateOnly(2026, 9, 1).AddDays(_r.Next(0, 100)),
                        _r.Chance(0.6) ? (po += _r.Next(1, 40)).ToString(CultureInfo.InvariantCulture) : "");
                    _invoices.Add(invoice);
                    if (!_byNumber.TryGetValue((year, number), out var list)) _byNumber[(year, number)] = list = [];
                    list.Add(invoice);
                }
            }
            _ledger = new Ledger(_customers.Select(c => new CustomerName(c.Id, c.Name)).ToList(), _invoices, _learned);
            _names = new NameResolver(_ledger.Context.Customers, Abbreviations);
        }

        public LabelledScenario Write(string generator, Split split, int seed)
        {
            // The bank's files of the morning, in the order they are imported (and the truth is settled).
            var files = new List<LabelledFile>
            {
                Lockbox("lockbox-usd.csv", "USD", Share(0.18)),
                Bai2("bai2-usd.txt", "USD", Share(0.30)),
                Nacha("ach-ccd-ctx.ach", Share(0.20)),
                X12("remittance-820.edi", Share(0.16)),
                Bai2("bai2-cad.txt", "CAD", Share(0.08)),
            };
            files.Add(Lockbox("lockbox-cad.csv", "CAD", _payments - files.Sum(f => f.Credits.Count)));
            return new LabelledScenario(generator, split, seed, _ledger.Context, files);
        }

        private int Share(double share) => (int)Math.Round(_payments * share);

        // ---------- what each payment means ----------

        /// <summary>A payment of some kind the channel can carry, its truth settled in the ledger.</summary>
        private Intent Next(Channel channel, string currency)
        {
            var weights = Mix.Select(m => Carries(channel, m.Kind) ? m.Weight : 0).ToArray();
            for (var attempt = 0; ; attempt++)
            {
                var kind = Mix[_r.Weighted(weights)].Kind;
                // Some kinds need a world that has what they need (a subscription customer, a PO …); most tries succeed.
                var intent = attempt < 50 ? Build(kind, channel, currency) : NonCustomer(channel, currency);
                if (intent is null) continue;
                _ledger.Settle(intent.Truth);
                return intent;
            }
        }

        private static bool Carries(Channel channel, Kind kind) => kind switch
        {
            // No words on a lockbox stub: a short pay's reason cannot travel there.
            Kind.ShortPay => channel != Channel.Lockbox,
            // Without a name, a bank account must identify the payer: only channels that carry the account.
            Kind.Learned => channel is Channel.Lockbox or Channel.Wire or Channel.X12,
            Kind.Several or Kind.Voucher => channel != Channel.Ccd,
            _ => true,
        };

        private Intent? Build(Kind kind, Channel channel, string currency) => kind switch
        {
            Kind.Exact => Referenced(channel, currency, Category.ExactReference, i => i.Number),
            Kind.Reformatted => Referenced(channel, currency, Category.ReformattedReference, Reformatted),
            Kind.Slipped => Slipped(channel, currency),
            Kind.Several => Several(channel, currency),
            Kind.NameAmount => ByAmount(channel, currency, learned: false),
            Kind.Combination => Combination(channel, currency),
            Kind.ShortPay => ShortPay(channel, currency),
            Kind.Partial => Partial(channel, currency),
            Kind.OverPay => OverPay(channel, currency),
            Kind.Po => Po(channel, currency),
            Kind.Voucher => Voucher(channel, currency),
            Kind.Learned => ByAmount(channel, currency, learned: true),
            Kind.Ambiguous => Ambiguous(channel, currency),
            Kind.Stranger => Stranger(channel, currency),
            _ => NonCustomer(channel, currency),
        };

        private (Customer Customer, OpenInvoice Invoice)? Target(string currency, Func<OpenInvoice, bool>? fits = null)
        {
            for (var i = 0; i < 20; i++)
            {
                var customer = _r.Pick(_customers);
                if (customer.Currency != currency) continue;
                var open = _ledger.Untargeted(customer.Id, currency).Where(fits ?? (_ => true)).ToList();
                if (open.Count > 0) return (customer, _r.Pick(open));
            }
            return null;
        }

        private Intent? Referenced(Channel channel, string currency, Category category, Func<OpenInvoice, string?> write)
        {
            if (Target(currency) is not (var customer, var invoice) || write(invoice) is not { } written) return null;
            var open = _ledger.Open(invoice);
            return FromCustomer(category, channel, customer, open, [new("IV", written, open, invoice.OpenAmount)], "", (invoice, open));
        }

        /// <summary>The number without its prefix or zeros, in a form a person still reads as this invoice only; null when every such form is shared.</summary>
        private string? Reformatted(OpenInvoice invoice)
        {
            var (year, sequence) = Parse(invoice.Number);
            string[] forms = [$"{year}-{sequence:D6}", $"{year}{sequence:D6}", $"{sequence:D6}", $"{sequence}", $"INV {sequence}", $"INV-{year}-{sequence}"];
            var unique = forms.Where(f => Read(f).Count == 1).ToList();
            return unique.Count > 0 ? _r.Pick(unique) : null;
        }

        /// <summary>A number as a person reads it: a year and a sequence, or a sequence alone that may be of any year.</summary>
        private List<OpenInvoice> Read(string written)
        {
            var groups = written.Split(c => !char.IsAsciiDigit(c)).Where(g => g.Length > 0).ToList();
            if (groups is [var y, var s] && y.Length == 4 && int.TryParse(s, CultureInfo.InvariantCulture, out var seq))
                return _byNumber.GetValueOrDefault((int.Parse(y, CultureInfo.InvariantCulture), seq)) ?? [];
            if (groups is [var one] && one.Length == 10 && one.StartsWith("202", StringComparison.Ordinal))
                return _byNumber.GetValueOrDefault((int.Parse(one[..4], CultureInfo.InvariantCulture), int.Parse(one[4..], CultureInfo.InvariantCulture))) ?? [];
            if (groups is [var bare] && bare.Length <= 6 && int.TryParse(bare, CultureInfo.InvariantCulture, out var any))
                return [.. _byNumber.GetValueOrDefault((2025, any)) ?? [], .. _byNumber.GetValueOrDefault((2026, any)) ?? []];
            return [];
        }

        private static (int Year, int Sequence) Parse(string number) =>
            (int.Parse(number[4..8], CultureInfo.InvariantCulture), int.Parse(number[9..], CultureInfo.InvariantCulture));

        /// <summary>
        /// Two digits swapped, one wrong, one missing or one extra, in a number that then names no
        /// invoice at all; only from a payer a person recognises, for the invoice's exact amount, and
        /// only when no other open item of theirs has that amount.
        /// </summary>
        private Intent? Slipped(Channel channel, string currency)
        {
            if (Target(currency) is not (var customer, var invoice)) return null;
            var open = _ledger.Open(invoice);
            if (open != invoice.OpenAmount || _ledger.SameAmount(customer.Id, currency, open) != 1) return null;
            var (year, sequence) = Parse(invoice.Number);
            var digits = sequence.ToString(CultureInfo.InvariantCulture).ToCharArray().ToList();
            var position = _r.Next(digits.Count);
            var habit = _r.Next(4);
            switch (habit)
            {
                case 0 when digits.Count > 1 && position + 1 < digits.Count && digits[position] != digits[position + 1]:
                    (digits[position], digits[position + 1]) = (digits[position + 1], digits[position]);
                    break;
                case 1:
                    digits[position] = (char)('0' + (digits[position] - '0' + _r.Next(1, 10)) % 10);
                    break;
                case 2 when digits.Count > 3:
                    digits.RemoveAt(position);
                    break;
                case 3:
                    digits.Insert(position, (char)('0' + _r.Next(10)));
                    break;
                default:
                    return null;
            }
            var slipped = new string([.. digits]).TrimStart('0');
            if (slipped.Length == 0) return null;
            var written = _r.Chance(0.5) ? $"INV-{year}-{slipped.PadLeft(6, '0')}" : $"{year}{slipped.PadLeft(6, '0')}";
            if (Read(written).Count > 0) return null;
            var intent = FromCustomer(Category.SlippedReference, channel, customer, open, [new("IV", written, open, null)], "", (invoice, open));
            return Recognised(intent, customer) ? intent with { Truth = intent.Truth with { Habit = new[] { "swap", "wrong digit", "missing digit", "extra digit" }[habit] } } : null;
        }

        private Intent? Several(Channel channel, string currency)
        {
            for (var tries = 0; tries < 10; tries++)
            {
                var customer = _r.Pick(_customers);
                var open = _ledger.Untargeted(customer.Id, currency).ToList();
                if (customer.Currency != currency || open.Count < 2) continue;
                var chosen = open.OrderBy(_ => _r.Next()).Take(_r.Next(2, Math.Min(4, open.Count) + 1)).ToList();
                var items = new List<Item>();
                foreach (var invoice in chosen)
                {
                    var written = _r.Chance(0.6) ? invoice.Number : Reformatted(invoice);
                    if (written is null) break;
                    items.Add(new("IV", written, _ledger.Open(invoice), invoice.OpenAmount));
                }
                if (items.Count < chosen.Count) continue;
                var lines = chosen.Select(i => (i, _ledger.Open(i))).ToArray();
                return FromCustomer(Category.SeveralReferences, channel, customer, lines.Sum(l => l.Item2), items, "", lines);
            }
            return null;
        }

        /// <summary>No reference: the payer by name (or, for <paramref name="learned"/>, by a learned account alone) and the only open item of the amount.</summary>
        private Intent? ByAmount(Channel channel, string currency, bool learned)
        {
            if (Target(currency, i => _ledger.OnlyFit(i) && _ledger.Open(i) == i.OpenAmount) is not (var customer, var invoice)) return null;
            if (learned && !_learned.ContainsKey(customer.Account)) return null;
            var open = _ledger.Open(invoice);
            var words = _r.Pick<string>(["PAYMENT", "AP PAYMENT", "", "VENDOR PMT", "THANK YOU"]);
            var intent = learned
                ? new Intent(new(Category.LearnedAccount, customer.Id, [new(invoice.Id, open)], channel.ToString()), currency, open,
                    _r.Pick<string>(["", "ACCOUNTS PAYABLE", "AP DEPT"]), customer.Account, [], words)
                : FromCustomer(Category.NameAndUniqueAmount, channel, customer, open, [], words, (invoice, open)) with { PayerAccount = "" };
            if (learned) return intent;
            return _names.Identify(intent.PayerName) == customer.Id ? intent : null;
        }

        private Intent? Combination(Channel channel, string currency)
        {
            for (var tries = 0; tries < 10; tries++)
            {
                var customer = _r.Pick(_customers);
                var open = _ledger.Untargeted(customer.Id, currency).Where(i => _ledger.Open(i) == i.OpenAmount).ToList();
                if (customer.Currency != currency || open.Count < 3) continue;
                var chosen = open.OrderBy(_ => _r.Next()).Take(_r.Next(2, 4)).ToList();
                var amount = chosen.Sum(i => i.OpenAmount);
                if (_ledger.SameAmount(customer.Id, currency, amount) != 0 || _ledger.Combinations(customer.Id, currency, amount) != 1) continue;
                var intent = FromCustomer(Category.UniqueCombination, channel, customer, amount, [], "", [.. chosen.Select(i => (i, i.OpenAmount))]);
                if (Recognised(intent, customer)) return intent;
            }
            return null;
        }

        private Intent? ShortPay(Channel channel, string currency)
        {
            if (Target(currency, i => i.OpenAmount > 200m) is not (var customer, var invoice)) return null;
            var open = _ledger.Open(invoice);
            var deducted = _r.Chance(0.5) ? Math.Round(open * (decimal)(_r.Next(2, 15) / 100.0), 2) : _r.Pick<decimal>([45m, 85m, 112.50m, 150m, 38.20m]);
            if (deducted >= open) return null;
            var paid = open - deducted;
            var reason = _r.Pick(ShortPayReasons);
            var structured = channel is Channel.X12 or Channel.Ctx;
            Item item = structured
                ? new("IV", _r.Chance(0.7) ? invoice.Number : Reformatted(invoice) ?? invoice.Number, paid, open, -deducted, _r.Pick(AdxCodes))
                : new("IV", _r.Chance(0.7) ? invoice.Number : Reformatted(invoice) ?? invoice.Number, paid, open);
            var words = structured ? "" : $"{reason} {deducted.ToString("0.00", CultureInfo.InvariantCulture)}";
            return FromCustomer(Category.ShortPayWithReason, channel, customer, paid, [item], words, (invoice, paid)) with
            {
                Truth = new(Category.ShortPayWithReason, customer.Id, [new(invoice.Id, paid)], structured ? "ADX code" : reason),
            };
        }

        private Intent? Partial(Channel channel, string currency)
        {
            if (Target(currency, i => i.OpenAmount > 500m) is not (var customer, var invoice)) return null;
            var open = _ledger.Open(invoice);
            var paid = Math.Round(open * (decimal)(0.3 + _r.NextDouble() * 0.4), 0);
            return FromCustomer(Category.PartialPayment, channel, customer, paid, [new("IV", invoice.Number, paid, open)],
                _r.Pick<string>(["PARTIAL PAYMENT", "1ST INSTALLMENT", "PMT 1 OF 2", "PARTIAL PMT"]), (invoice, paid));
        }

        private Intent? OverPay(Channel channel, string currency)
        {
            if (Target(currency) is not (var customer, var invoice)) return null;
            var open = _ledger.Open(invoice);
            var paid = _r.Chance(0.5) ? Math.Ceiling(open / 100m) * 100m + 100m : open + _r.Pick<decimal>([10m, 25m, 49.99m, 150m]);
            return FromCustomer(Category.OverPay, channel, customer, paid, [new("IV", invoice.Number, paid, open)], "", (invoice, open));
        }

        private Intent? Po(Channel channel, string currency)
        {
            if (Target(currency, i => i.PoNumber.Length > 0) is not (var customer, var invoice)) return null;
            var open = _ledger.Open(invoice);
            var written = _r.Pick<string>([invoice.PoNumber, $"PO {invoice.PoNumber}", $"PO#{invoice.PoNumber}"]);
            return FromCustomer(Category.PoOrVoucherReference, channel, customer, open, [new("PO", written, open, invoice.OpenAmount)], "", (invoice, open))
                with { Truth = new(Category.PoOrVoucherReference, customer.Id, [new(invoice.Id, open)], "PO") };
        }

        /// <summary>The payer's own AP voucher number, which we never issued: identifiable only through a recognised payer and a unique amount.</summary>
        private Intent? Voucher(Channel channel, string currency)
        {
            if (Target(currency, i => _ledger.OnlyFit(i)) is not (var customer, var invoice)) return null;
            var open = _ledger.Open(invoice);
            var voucher = _r.Pick<string>([$"VCHR{_r.Next(100_000, 999_999):D8}", $"{_r.Next(10_000_000, 99_999_999)}", $"AP{_r.Next(1_000_000, 9_999_999)}"]);
            var intent = FromCustomer(Category.PoOrVoucherReference, channel, customer, open, [new("VC", voucher, open, null)], "", (invoice, open)) with { PayerAccount = "" };
            return _names.Identify(intent.PayerName) == customer.Id ? intent with { Truth = intent.Truth with { Habit = "voucher" } } : null;
        }

        /// <summary>A payer a person recognises, no reference, and an amount that several open items (or combinations) fit.</summary>
        private Intent? Ambiguous(Channel channel, string currency)
        {
            for (var tries = 0; tries < 20; tries++)
            {
                var customer = _r.Pick(_customers);
                if (customer.Currency != currency) continue;
                var twins = _ledger.OpenOf(customer.Id, currency).GroupBy(i => _ledger.Open(i)).FirstOrDefault(g => g.Count() >= 2);
                if (twins is null) continue;
                var intent = new Intent(Truth.NotIdentifiable(Category.AmbiguousAmount, $"{twins.Count()} open items of the amount"), currency, twins.Key,
                    PayerName(channel, customer), ShowsAccount(channel) ? customer.Account : "", [], _r.Pick<string>(["PAYMENT", "MONTHLY FEE", ""]));
                if (_names.Identify(intent.PayerName) == customer.Id || _learned.GetValueOrDefault(intent.PayerAccount) == customer.Id) return intent;
            }
            return null;
        }

        /// <summary>Someone not on the customer list, often named like a customer and paying what a customer owes.</summary>
        private Intent? Stranger(Channel channel, string currency)
        {
            var lookalike = _r.Pick(_customers);
            var name = _r.Chance(0.6)
                ? $"{lookalike.Name.Split(' ')[0]} {_r.Pick<string>(["Fabrication", "Consulting", "Church", "Dental Group", "Realty", "Academy"])} {_r.Pick(LegalForms)}"
                : $"{_r.Pick(StrangerCores)} {_r.Pick(Industries)} {_r.Pick(LegalForms)}";
            var written = Fit(channel, name.ToUpperInvariant());
            if (_names.Candidates(written).Count > 0) return null;
            var owed = _ledger.OpenOf(lookalike.Id, currency).Select(i => _ledger.Open(i)).ToList();
            var amount = owed.Count > 0 && _r.Chance(0.5) ? _r.Pick(owed) : Math.Round((decimal)(_r.NextDouble() * 9_000 + 20), 2);
            // Strangers write their own invoice numbers, which may be numbers we issued too.
            IReadOnlyList<Item> items = _r.Chance(0.3) ? [new("IV", $"{_r.Next(1_000, 60_000)}", amount, null)] : [];
            return new Intent(Truth.NotIdentifiable(Category.Stranger, "lookalike or unknown payer"), currency, amount, written,
                $"9{_r.Next(100_000_000, 999_999_999)}", items, "");
        }

        private Intent NonCustomer(Channel channel, string currency)
        {
            var amount = Math.Round((decimal)(_r.NextDouble() * 4_000 + 5), 2);
            var (payer, words, items) = _r.Next(4) switch
            {
                0 => ("IRS TREAS 310", "TAX REF", (IReadOnlyList<Item>)[]),
                1 => ("ULINE", "REFUND", [new Item("IV", $"CM-{_r.Next(100_000, 999_999)}", amount, null)]),
                2 => ("NORTHWIND SUPPLY CO", $"ZBA TRANSFER FROM ACCT 000{_r.Next(10_000_000, 99_999_999)}", []),
                _ => ("FIRST NATIONAL BANK", "INTEREST CREDIT NOV", []),
            };
            return new Intent(Truth.NotIdentifiable(Category.NonCustomerCredit, words), currency, amount, Fit(channel, payer),
                $"8{_r.Next(100_000_000, 999_999_999)}", items, words);
        }

        /// <summary>The intent of a customer's payment, their name and account written as the channel writes them.</summary>
        private Intent FromCustomer(Category category, Channel channel, Customer customer, decimal amount, IReadOnlyList<Item> items, string words,
            params (OpenInvoice Invoice, decimal Cash)[] truth) =>
            new(new(category, customer.Id, [.. truth.Select(t => new TruthLine(t.Invoice.Id, t.Cash))], channel.ToString()), customer.Currency, amount,
                PayerName(channel, customer), ShowsAccount(channel) ? customer.Account : "", items, words);

        /// <summary>Whether a person would know who paid: the name as written, or an account learned for them.</summary>
        private bool Recognised(Intent intent, Customer customer) =>
            _names.Identify(intent.PayerName) == customer.Id || _learned.GetValueOrDefault(intent.PayerAccount) == customer.Id;

        /// <summary>The customer's name as this channel writes it: the lockbox operator's typing, ACH's 16 characters, a wire's 35.</summary>
        private string PayerName(Channel channel, Customer customer)
        {
            if (channel == Channel.Lockbox && _r.Chance(0.25)) return "";
            var name = customer.Dba.Length > 0 && _r.Chance(0.5) ? customer.Dba : customer.Name.Split(" d/b/a ")[0];
            var words = name.Replace(",", "").Split(' ').ToList();
            if (_r.Chance(0.5) && LegalForms.Any(f => name.EndsWith(f, StringComparison.Ordinal))) words.RemoveAt(words.Count - 1);
            if (_r.Chance(0.3)) words.Remove("Holdings");
            words = [.. words.Select(w => Shorter.TryGetValue(w.ToLowerInvariant(), out var s) && _r.Chance(0.4) ? s : w)];
            var written = string.Join(' ', words);
            return Fit(channel, channel == Channel.Lockbox && _r.Chance(0.5) ? written : written.ToUpperInvariant());
        }

        private static string Fit(Channel channel, string name)
        {
            var limit = channel switch { Channel.Ach or Channel.Ccd or Channel.Ctx => 16, Channel.Wire => 35, _ => 60 };
            return name.Length <= limit ? name : name[..limit].TrimEnd();
        }

        private bool ShowsAccount(Channel channel) => channel switch
        {
            Channel.Ach or Channel.X12 => true,
            Channel.Lockbox => _r.Chance(0.7),
            Channel.Wire => _r.Chance(0.5),
            _ => false,
        };

        // ---------- how the bank writes them ----------

        private LabelledFile Lockbox(string name, string currency, int count)
        {
            var checks = new List<LockboxCheck>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var intent = Next(Channel.Lockbox, currency);
                checks.Add(new LockboxCheck($"{_r.Next(1_000, 99_999)}", intent.Amount, intent.PayerName, intent.PayerAccount,
                    [.. intent.Items.Select(item => (item.Written, item.Paid ?? item.Billed))]));
                truths.Add(intent.Truth);
            }
            return new LabelledFile(name, BankFileFormat.CsvLockbox, LockboxCsvWriter.Write("LBX7731", currency, Today, checks), truths);
        }

        private LabelledFile Bai2(string name, string currency, int count)
        {
            var details = new List<Bai2Detail>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var wire = _r.Chance(0.35);
                var intent = Next(wire ? Channel.Wire : Channel.Ach, currency);
                details.Add(wire ? Wire(intent) : Ach(intent));
                truths.Add(intent.Truth);
                // The day's debits sit among the credits: checks paid, outgoing wires.
                if (_r.Chance(0.1))
                    details.Add(new Bai2Detail(_r.Pick<string>(["475", "495", "699"]), Math.Round((decimal)(_r.NextDouble() * 5_000 + 10), 2), $"D{_trace++}", "",
                        [$"CHECK PAID {_r.Next(10_000, 99_999)}"]));
            }
            return new LabelledFile(name, BankFileFormat.Bai2, Bai2Writer.Write("021000021", "NORTHWIND", currency == "USD" ? "000123456789" : "000555000111", currency, Today, details), truths);
        }

        private Bai2Detail Ach(Intent intent)
        {
            var d6 = Today.ToString("yyMMdd", CultureInfo.InvariantCulture);
            List<string> text =
            [
                $"ORIG CO NAME:{intent.PayerName} ORIG ID:{(intent.PayerAccount.Length > 0 ? intent.PayerAccount : "9999999999")} DESC DATE:{d6} ENTRY DESCR:{_r.Pick<string>(["PAYMENTS", "AP PMT", "VENDOR PAY", "EDI PYMNTS"])}",
                $"TRACE#:{_trace++:D15} IND ID:{_r.Next(100_000, 999_999)} IND NAME:NORTHWIND SUPPLY CO",
            ];
            if (RemittanceWords(intent) is { Length: > 0 } words) text.Add($"ADDENDA:{words}");
            return new Bai2Detail(_r.Pick<string>(["142", "165", "166"]), intent.Amount, $"A{_trace}", "", text);
        }

        private Bai2Detail Wire(Intent intent)
        {
            var payer = intent.PayerAccount.Length > 0 ? $"/{intent.PayerAccount} {intent.PayerName}".TrimEnd() : intent.PayerName;
            List<string> text = [$"FED REF:{Today:yyyyMMdd}B1Q8{_trace++:D6}"];
            text.Add(_r.Next(3) switch
            {
                0 => $"B/O {payer}",
                1 => $"BY ORDER OF {payer}",
                _ => $"ORG:={payer}",
            });
            if (RemittanceWords(intent) is { Length: > 0 } words) text.Add(_r.Chance(0.7) ? $"OBI:={words}" : $"RFB:{words}");
            return new Bai2Detail("195", intent.Amount, $"W{_trace}", "", text);
        }

        /// <summary>
        /// The remittance in words, as payers type it: each number with or without a word for
        /// "invoice" (a bare number is still plain to a person), several numbers under one word,
        /// a PO or voucher with its own prefix, and the reason or the note after.
        /// </summary>
        private string RemittanceWords(Intent intent)
        {
            var parts = new List<string>();
            var invoices = intent.Items.Where(i => i.Qualifier == "IV").Select(i => i.Written).ToList();
            if (invoices.Count > 0)
            {
                var numbers = invoices.Select(w => w.StartsWith("INV", StringComparison.Ordinal) ? w : _r.Pick<string>(["INV ", "INVOICE ", "INV#", "REF ", ""]) + w).ToList();
                parts.Add(invoices.Count > 1 && _r.Chance(0.3) ? "INVOICES " + string.Join(" ", invoices) : string.Join(" ", numbers));
            }
            parts.AddRange(intent.Items.Where(i => i.Qualifier != "IV").Select(i => i.Qualifier == "PO" && !i.Written.StartsWith("PO", StringComparison.Ordinal) ? $"PO {i.Written}" : i.Written));
            if (intent.Words.Length > 0) parts.Add(intent.Words);
            if (parts.Count > 0 && _r.Chance(0.2)) return $"PAYMENT FOR SERVICES PER {string.Join(" ", parts)} THANK YOU";
            return string.Join(" ", parts);
        }

        private LabelledFile Nacha(string name, int count)
        {
            var credits = new List<AchCredit>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var ctx = _r.Chance(0.4);
                var intent = Next(ctx ? Channel.Ctx : Channel.Ccd, "USD");
                var related = ctx
                    ? X12Writer.Write([X12Payment(intent)], Today, "PAYER" + i, "NORTHWIND", i + 1, "\\")
                    : RemittanceWords(intent) is { Length: > 0 } words && _r.Chance(0.5) ? words
                    : string.Concat(intent.Items.Select(item => $"RMR*{item.Qualifier}*{item.Written}*PI*{item.Paid?.ToString("0.00", CultureInfo.InvariantCulture)}\\")) + intent.Words;
                credits.Add(new AchCredit(intent.PayerName, intent.PayerAccount.Length > 0 ? intent.PayerAccount : $"1{_r.Next(100_000_000, 999_999_999)}",
                    ctx ? "CTX" : "CCD", _r.Pick<string>(["PAYMENT", "VENDOR PMT", "AP PAYMENT"]), intent.Amount, $"{_r.Next(100_000, 999_999)}",
                    "NORTHWIND SUPPLY CO", related.Length > 80 && !ctx ? related[..80] : related));
                truths.Add(intent.Truth);
            }
            return new LabelledFile(name, BankFileFormat.Nacha, NachaWriter.Write(credits, Today), truths);
        }

        private LabelledFile X12(string name, int count)
        {
            var payments = new List<X12Payment>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var intent = Next(Channel.X12, "USD");
                payments.Add(X12Payment(intent));
                truths.Add(intent.Truth);
            }
            return new LabelledFile(name, BankFileFormat.Edi820, X12Writer.Write(payments, Today, "BANKOFUS", "NORTHWIND", 7001, "~\n"), truths);
        }

        private X12Payment X12Payment(Intent intent) => new(intent.Amount, Today, intent.PayerName,
            intent.PayerAccount.Length > 0 ? intent.PayerAccount : "0000000000", $"{_trace++:D10}",
            [.. intent.Items.Select(i => new RmrLine(i.Qualifier == "VC" ? "IV" : i.Qualifier, i.Written.Replace("PO ", "").Replace("PO#", ""), i.Paid, i.Billed, i.Adjustment, i.Code))]);
    }
}

file static class TextExtensions
{
    public static string[] Split(this string text, Func<char, bool> separator)
    {
        var parts = new List<string>();
        var start = 0;
        for (var i = 0; i <= text.Length; i++)
        {
            if (i < text.Length && !separator(text[i])) continue;
            parts.Add(text[start..i]);
            start = i + 1;
        }
        return [.. parts];
    }
}
