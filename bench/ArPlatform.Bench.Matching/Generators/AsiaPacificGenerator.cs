using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;
using ArPlatform.Bench.Matching.BankFiles;
using ArPlatform.Bench.Matching.Labelling;
using ArPlatform.CashApplication.BankFiles;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Generators;

/// <summary>
/// A Sydney-based distributor selling across Australia, New Zealand, Singapore and Malaysia
/// ("Harbourside Plumbing Supplies Pty Ltd", "Taupō Dairy Services Limited", "Jurong Marine
/// Supplies Pte. Ltd.", "Wah Seng Trading Sdn. Bhd."), written independently of the engine and
/// of the other generators. Invoices are numbered "SI-004512/2026", the sequence restarting
/// each year, so "4512" may name last year's overdue invoice as well as this year's. AP clerks
/// write what fits the field their bank gives them: BECS direct credits carry a 16-character
/// remitter name and an 18-character lodgement reference, New Zealand payments three
/// 12-character fields (particulars, code, reference), Malaysian IBG two fields of 20, SWIFT
/// and FAST 140 characters, NPP 280. They drop the prefix, the zeros or the year, swap the
/// year, quote their customer account number or a BPAY CRN instead, write "pymt inv 4512 4513",
/// ranges "INV 4510-13", semicolon lists, and reasons in words ("less CN-000871", "short paid
/// freight", "less bank fee"). Payers appear as family trusts, trading names, "P/L", "S/B",
/// "PRIVATE LIMITED", cut by the bank, with macrons lost; parents pay for subsidiaries; card
/// acquirers and BPAY settle in lumps; customers pay twice, or in the wrong currency; strangers
/// with lookalike names and the tax office pay in too. Files: a BAI2 from an Australian bank
/// (AUD), a camt.053 from a New Zealand bank (NZD), MT940 from Singapore (SGD, USD) and
/// Malaysia (MYR). Labels are what a careful person holding the customer list, the learned
/// accounts and the open items would be certain of, after the bank has cut what it cut.
/// </summary>
public sealed class AsiaPacificGenerator : IScenarioGenerator
{
    public string Name => "asia-pacific";

    /// <summary>Never tuned on: written after the engine, by someone who has not read it.</summary>
    public bool HeldOutOnly => true;

    public LabelledScenario Generate(int payments, int seed, Split split) => new Receivables(payments, seed).Write(Name, split, seed);

    private enum Region { Au, Nz, Sg, My }

    private static readonly string[] AuPlaces =
    [
        "Harbourside", "Bondi", "Yarra", "Kookaburra", "Southern Cross", "Eureka", "Coral Coast", "Red Centre", "Bluegum", "Wattle", "Karri",
        "Boab", "Jarrah", "Murray River", "Hunter Valley", "Barossa", "Kimberley", "Illawarra", "Sunshine Coast", "Cape York", "Nullarbor",
        "Gippsland", "Riverina", "Pilbara", "Darling Downs", "Mornington", "Fitzroy", "Parramatta", "Geelong", "Toowoomba",
    ];
    private static readonly string[] AuTrades =
    [
        "Plumbing Supplies", "Electrical Wholesalers", "Hardware", "Building Products", "Mining Services", "Refrigeration", "Civil Contractors",
        "Fresh Produce", "Hospitality Group", "Engineering", "Earthmoving", "Timber & Hardware", "Air Conditioning", "Fasteners",
        "Steel Fabrication", "Landscape Supplies", "Cabinet Makers", "Electrical Services",
    ];
    private static readonly string[] Surnames =
    [
        "Nguyen", "Papadopoulos", "Kowalski", "Singh", "O'Brien", "McKenzie", "Rossi", "Tran", "Wong", "Patel", "Anderson", "Murphy",
        "Kelly", "Walsh", "Chen", "Sharma", "Haddad", "Novak",
    ];
    private static readonly string[] NzPlaces =
    [
        "Kiwi", "Tūī", "Kauri", "Pōhutukawa", "Aoraki", "Taupō", "Rangitoto", "Waitematā", "Canterbury", "Otago", "Mānuka", "Kōwhai",
        "Tasman", "Kaikōura", "Whanganui", "Tāmaki", "Ōtautahi", "Kāpiti", "Whakatāne", "Rotorua", "Hauraki", "Waikato", "Southland",
    ];
    private static readonly string[] NzTrades =
    [
        "Building Supplies", "Dairy Services", "Electrical", "Engineering", "Horticulture", "Plumbing & Gas", "Transport", "Hardware",
        "Viticulture", "Marine", "Refrigeration",
    ];
    private static readonly string[] SgNames =
    [
        "Lim Brothers", "Tan Seng Huat", "Ah Hock", "Sin Lian Heng", "Guan Chuan", "Kim Seng", "Soon Lee", "Hock Seng", "Eng Hin",
        "Teck Leong", "Jurong", "Tuas", "Raffles", "Kallang", "Sembawang", "Pasir Panjang", "Woodlands", "Changi", "Ang Mo Kio",
    ];
    private static readonly string[] SgTrades =
    [
        "Engineering", "Trading", "Marine Supplies", "Hardware", "Logistics", "Food Industries", "Electrical", "Precision Tools", "Offshore Services",
    ];
    private static readonly string[] MyNames =
    [
        "Perdana", "Cahaya", "Sinar", "Maju Jaya", "Bintang", "Mutiara", "Seri", "Gemilang", "Harapan", "Teguh", "Wah Seng", "Hup Heng",
        "Seng Lee", "Lian Hin", "Sri Kenangan", "Bukit Jalil", "Pelangi", "Kinabalu", "Ipoh",
    ];
    private static readonly string[] MyTrades =
    [
        "Engineering", "Trading", "Industries", "Hardware", "Construction", "Plantation Supplies", "Machinery", "Electrical & Trading", "Enterprise",
    ];
    /// <summary>Trades no customer has: the lookalike strangers'.</summary>
    private static readonly string[] StrangerTrades =
    [
        "Roofing", "Glass & Glazing", "Tiles", "Paving", "Signage", "Pest Control", "Cleaning", "Security", "Printing", "Catering", "Fencing",
    ];
    private static readonly string[] LegalForms = ["limited", "private", "berhad", "proprietary", "company", "pty", "pte", "ltd", "sdn", "bhd"];
    private static readonly string[] Qualifiers =
    [
        "(WA)", "(QLD)", "(NSW)", "(VIC)", "(S)", "(M)", "Northern", "Southern", "Eastern", "Western", "Central", "Metro", "Coastal", "Asia",
        "Global", "International", "Industrial", "Pacific", "Holdings", "Group",
    ];

    /// <summary>What a person reads an abbreviation as; the same words the payers abbreviate.</summary>
    private static readonly Dictionary<string, string[]> Abbreviations = new(StringComparer.Ordinal)
    {
        ["eng"] = ["engineering"], ["engg"] = ["engineering"], ["elec"] = ["electrical"], ["svcs"] = ["services"], ["svc"] = ["services"], ["bros"] = ["brothers"],
        ["hdwe"] = ["hardware"], ["constr"] = ["construction"], ["ind"] = ["industries"], ["trdg"] = ["trading"], ["supp"] = ["supplies"],
        ["plbg"] = ["plumbing"], ["bldg"] = ["building"], ["mach"] = ["machinery"], ["refrig"] = ["refrigeration"], ["hosp"] = ["hospitality"],
        ["grp"] = ["group"], ["ent"] = ["enterprise"], ["fab"] = ["fabrication"], ["private"] = ["pte"], ["berhad"] = ["bhd"], ["bhd"] = ["berhad"],
    };
    private static readonly (string Word, string[] Short)[] Shortenings =
    [
        ("Engineering", ["ENG", "ENGG"]), ("Electrical", ["ELEC"]), ("Services", ["SVCS"]), ("Brothers", ["BROS"]), ("Hardware", ["HDWE"]),
        ("Construction", ["CONSTR"]), ("Industries", ["IND"]), ("Trading", ["TRDG"]), ("Supplies", ["SUPP"]), ("Plumbing", ["PLBG"]),
        ("Building", ["BLDG"]), ("Machinery", ["MACH"]), ("Refrigeration", ["REFRIG"]), ("Hospitality", ["HOSP"]), ("Group", ["GRP"]),
        ("Enterprise", ["ENT"]), ("Fabrication", ["FAB"]),
    ];

    private enum Way
    {
        Exact, Reformatted, YearSwapped, AccountNumber, Several, Range, LongList, NameOnly, Statement, ShortPay, Partial, OverPay, Po, Voucher,
        Learned, Duplicate, OtherCurrency, ParentPays, CardBatch, BpayLump, Stranger, NonCustomer, Recurring,
    }

    private static readonly (Way Way, int Weight)[] Mix =
    [
        (Way.Exact, 17), (Way.Reformatted, 12), (Way.YearSwapped, 4), (Way.AccountNumber, 6), (Way.Several, 7), (Way.Range, 3), (Way.LongList, 3),
        (Way.NameOnly, 7), (Way.Statement, 3), (Way.ShortPay, 7), (Way.Partial, 3), (Way.OverPay, 2), (Way.Po, 4), (Way.Voucher, 2),
        (Way.Learned, 3), (Way.Duplicate, 2), (Way.OtherCurrency, 2), (Way.ParentPays, 4), (Way.CardBatch, 3), (Way.BpayLump, 1),
        (Way.Stranger, 4), (Way.NonCustomer, 4), (Way.Recurring, 2),
    ];

    /// <summary>How a payment reaches us: the payer-name field's length, and the remittance fields' lengths (0: none).</summary>
    private sealed record Channel(string Kind, int NameLimit, int[] Fields);

    private static readonly Channel Becs = new("BECS", 16, [18]);
    private static readonly Channel Npp = new("NPP", 140, [280]);
    private static readonly Channel Bpay = new("BPAY", 0, [20]);
    private static readonly Channel NzBank = new("NZ", 20, [12, 12, 12]);
    private static readonly Channel Fast = new("FAST", 35, [140]);
    private static readonly Channel Swift = new("TT", 35, [140]);
    private static readonly Channel Ibg = new("IBG", 20, [20, 20]);
    private static readonly Channel DuitNow = new("DUITNOW", 40, [140]);
    private static readonly Channel BankOwn = new("BANK", 0, []);

    private enum Rail { AudBai2, NzdCamt, SgdMt940, UsdMt940, MyrMt940 }

    private sealed class Customer
    {
        public required string Id { get; init; }
        /// <summary>As our customer list has it.</summary>
        public required string Name { get; init; }
        /// <summary>As the customer's bank account is held (a trust, the legal entity).</summary>
        public required string Legal { get; init; }
        /// <summary>A name the customer trades under that our list does not hold ("" if none).</summary>
        public string Trading { get; init; } = "";
        public required Region Region { get; init; }
        public required string Currency { get; init; }
        public required string Account { get; init; }
        public Customer? Parent { get; set; }
        public List<Customer> Subsidiaries { get; } = [];
        /// <summary>A director's personal account that pays for the company, learned for it.</summary>
        public (string Name, string Account)? Owner { get; set; }
        public bool Recurring { get; set; }
        public List<(string Number, decimal Amount, string Currency)> Closed { get; } = [];
    }

    private enum Kind { Number, Range, Account, Po, Voucher, Reason, Words }

    /// <summary>
    /// One thing the clerk writes. A number names (Seq, Year), the year null when not written;
    /// a range Seq..SeqTo. <see cref="DigitsEnd"/>: where the sequence's digits end, so a number
    /// cut after it still names its sequence. <see cref="Glue"/>: written without a space before.
    /// </summary>
    private sealed record Token(string Text, Kind Kind = Kind.Words, int Seq = 0, int? Year = null, int SeqTo = 0, string Key = "",
        int DigitsEnd = 0, bool Full = false, bool Glue = false);

    private enum Seen { Lost, Sequence, Whole }

    /// <summary>A credit as it will be written, with its truth.</summary>
    private sealed record Credit(Truth Truth, decimal Amount, string Payer, string PayerAccount, IReadOnlyList<string> Fields, string BankText, Channel Channel)
    {
        public string Remittance => string.Join(" ", Fields);
    }

    private sealed class Receivables
    {
        private static readonly DateOnly Today = new(2026, 11, 19);
        private readonly Random _r;
        private readonly int _payments;
        private readonly List<Customer> _customers = [];
        private readonly Dictionary<string, Customer> _byId = new(StringComparer.Ordinal);
        private readonly List<OpenInvoice> _invoices = [];
        private readonly Dictionary<string, OpenInvoice> _invoiceById = new(StringComparer.Ordinal);
        private readonly Dictionary<string, (int Seq, int Year)> _numberOf = new(StringComparer.Ordinal);
        private readonly Dictionary<int, List<OpenInvoice>> _bySeq = [];
        private readonly Dictionary<string, List<OpenInvoice>> _byPo = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _learned = new(StringComparer.Ordinal);
        private readonly Dictionary<string, List<Customer>> _byCurrency = new(StringComparer.Ordinal);
        private readonly List<OpenInvoice> _paidToday = [];
        private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
        private readonly Ledger _ledger;
        private readonly NameResolver _resolver;
        private readonly Dictionary<string, string> _folded = new(StringComparer.Ordinal);
        private int _sequence;

        public Receivables(int payments, int seed)
        {
            _r = new Random(seed);
            _payments = payments;
            var wanted = Math.Clamp(payments / 3, 40, 6_000);
            var id = 300_000 + _r.Next(100, 900);
            while (_customers.Count < wanted)
            {
                var region = (Region)_r.Weighted([45, 20, 18, 17]);
                if (region == Region.Au && _r.Chance(0.06)) AddGroup(ref id);
                else Add(NewCustomer(region, ref id));
            }
            foreach (var c in _customers)
            {
                if (_r.Chance(0.35)) _learned[c.Account] = c.Id;
                if (c.Region is Region.Au or Region.Nz && _r.Chance(0.25))
                {
                    c.Owner = ($"{_r.Pick<string>(["MR", "MRS", "MS", ""])} {(char)('A' + _r.Next(26))} {_r.Pick(Surnames)}".Trim().ToUpperInvariant(), AccountNumber(c.Region));
                    _learned[c.Owner.Value.Account] = c.Id;
                }
            }
            Invoices();
            _ledger = new Ledger(_customers.Select(c => new CustomerName(c.Id, c.Name, ParentId: c.Parent?.Id ?? "")).ToList(), _invoices, _learned);
            // A person reads Taupō and TAUPO alike: names are compared without macrons.
            _resolver = new NameResolver(_customers.Select(c => new CustomerName(c.Id, StripMacrons(c.Name))), Abbreviations);
            foreach (var c in _customers) _folded[c.Id] = Fold(c.Name);
            _sequence = _r.Next(100_000, 900_000);
        }

        // ---------- the world ----------

        private void Add(Customer c)
        {
            _customers.Add(c);
            _byId[c.Id] = c;
        }

        private Customer NewCustomer(Region region, ref int id, string? place = null, string? trade = null)
        {
            for (var attempt = 0; ; attempt++)
            {
                var (name, legal, trading) = Names(region, place, trade);
                if (attempt > 12)
                {
                    // A large book: namesakes told apart by a branch or region word ("Kallang Marine Supplies (S) Pte. Ltd.").
                    var qualifier = _r.Pick(Qualifiers);
                    (name, legal) = (Qualified(name, qualifier), legal == name ? Qualified(legal, qualifier) : legal);
                }
                // No two customers differ only in their legal form's spelling.
                if (!_names.Add(Core(name))) continue;
                id += _r.Next(1, 40);
                return new Customer
                {
                    Id = id.ToString(CultureInfo.InvariantCulture), Name = name, Legal = legal, Trading = trading, Region = region,
                    Currency = region switch { Region.Au => "AUD", Region.Nz => "NZD", Region.Sg => "SGD", _ => "MYR" },
                    Account = AccountNumber(region),
                };
            }
        }

        /// <summary>A holding company and two or three trading subsidiaries, all customers.</summary>
        private void AddGroup(ref int id)
        {
            var place = _r.Pick(AuPlaces);
            if (!_names.Add(Core($"{place} Holdings Pty Ltd"))) return;
            id += _r.Next(1, 40);
            var parent = new Customer
            {
                Id = id.ToString(CultureInfo.InvariantCulture), Name = $"{place} Holdings Pty Ltd", Legal = $"{place} Holdings Pty Ltd",
                Region = Region.Au, Currency = "AUD", Account = AccountNumber(Region.Au),
            };
            Add(parent);
            foreach (var trade in AuTrades.OrderBy(_ => _r.Next()).Take(_r.Next(2, 4)))
            {
                if (_names.Contains(Core($"{place} {trade} Pty Ltd"))) continue;
                var sub = NewCustomer(Region.Au, ref id, place, trade);
                sub.Parent = parent;
                parent.Subsidiaries.Add(sub);
                Add(sub);
            }
        }

        private static string Qualified(string name, string qualifier)
        {
            var form = Regex.Match(name, @" (Pty Ltd|Pty\. Limited|Ltd|Limited|Pte\. Ltd\.|Pte Ltd|Sdn\. Bhd\.|Sdn Bhd|Berhad)$");
            return form.Success ? $"{name[..form.Index]} {qualifier}{form.Value}" : $"{name} {qualifier}";
        }

        private static string Core(string name) =>
            Regex.Replace(name, @"\b(Pty\.?|Ltd\.?|Limited|Pte\.?|Sdn\.?|Bhd\.?|Berhad|Syarikat)(\s|$)", " ").Trim().ToLowerInvariant();

        /// <summary>Our list's name, the bank account holder's, and a trading name our list may not hold.</summary>
        private (string Name, string Legal, string Trading) Names(Region region, string? place, string? trade)
        {
            switch (region)
            {
                case Region.Au:
                    {
                        var business = $"{place ?? _r.Pick(AuPlaces)} {trade ?? _r.Pick(AuTrades)}";
                        if (place is null && _r.Chance(0.12))
                        {
                            var trust = $"{_r.Pick(Surnames)} Family Trust";
                            // Our list holds the trust with its trading name, or the trading name alone.
                            return _r.Chance(0.5) ? ($"{trust} T/A {business}", $"The Trustee for the {trust}", "")
                                : (business, $"The Trustee for the {trust}", "");
                        }
                        var form = _r.Chance(0.85) ? "Pty Ltd" : _r.Chance(0.5) ? "Pty. Limited" : "Ltd";
                        var legal = $"{business} {form}";
                        return (legal, legal, _r.Chance(0.1) ? $"{_r.Pick(Surnames)}'s {_r.Pick(AuTrades)}" : "");
                    }
                case Region.Nz:
                    {
                        var legal = $"{_r.Pick(NzPlaces)} {_r.Pick(NzTrades)} {(_r.Chance(0.7) ? "Limited" : "Ltd")}";
                        return (legal, legal, "");
                    }
                case Region.Sg:
                    {
                        var legal = $"{_r.Pick(SgNames)} {_r.Pick(SgTrades)} {(_r.Chance(0.8) ? "Pte. Ltd." : "Pte Ltd")}";
                        return (legal, legal, "");
                    }
                default:
                    {
                        var core = $"{_r.Pick(MyNames)} {_r.Pick(MyTrades)}";
                        var legal = _r.Chance(0.15) ? $"Syarikat {core} Sdn. Bhd." : $"{core} {(_r.Chance(0.1) ? "Berhad" : _r.Chance(0.6) ? "Sdn. Bhd." : "Sdn Bhd")}";
                        return (legal, legal, "");
                    }
            }
        }

        private string AccountNumber(Region region) => region switch
        {
            Region.Au => $"{_r.Pick<string>(["062", "082", "033", "012", "484"])}{_r.Next(100, 999)}{_r.Next(10_000_000, 99_999_999)}",
            Region.Nz => $"{_r.Pick<string>(["12", "06", "02", "01", "38"])}-{_r.Next(1000, 9999)}-{_r.Next(1_000_000, 9_999_999):D7}-{_r.Next(0, 3):D2}",
            Region.Sg => $"{_r.NextInt64(1_000_000_000, 9_999_999_999)}",
            _ => $"5{_r.NextInt64(10_000_000_000, 99_999_999_999)}",
        };

        /// <summary>
        /// Open items: this year's numbers with gaps (invoices already paid), a few of last year's
        /// still open at the end of last year's sequence (which overlaps this year's); customers on
        /// monthly batch billing get runs of consecutive numbers. Some customers have hire invoices
        /// of one amount; some quote a PO, a few POs span two invoices (part deliveries).
        /// </summary>
        private void Invoices()
        {
            var slots = new List<(Customer C, int Year, int Count)>();
            foreach (var c in _customers)
            {
                var count = c.Parent is null && c.Subsidiaries.Count > 0 ? _r.Next(1, 4) : _r.Next(2, 15);
                var batch = _r.Chance(0.12);
                c.Recurring = _r.Chance(0.12);
                for (var k = 0; k < count;)
                {
                    var year = _r.Chance(0.15) ? 2025 : 2026;
                    var run = batch && year == 2026 && count - k >= 2 ? _r.Next(2, Math.Min(5, count - k + 1)) : 1;
                    slots.Add((c, year, run));
                    k += run;
                }
            }
            var shuffled = slots.OrderBy(_ => _r.Next()).ToList();
            var total26 = shuffled.Where(s => s.Year == 2026).Sum(s => s.Count);
            var start = 2_000 + _r.Next(0, 1_500);
            var next = start;
            var assigned = new List<(Customer C, int Seq, int Year)>();
            var gaps = new List<int>();
            foreach (var (c, year, count) in shuffled.Where(s => s.Year == 2026))
            {
                // Numbers between ours went to invoices already paid.
                var gap = _r.Chance(0.55) ? _r.Next(1, 4) : 0;
                for (var g = 0; g < gap; g++) gaps.Add(next++);
                for (var k = 0; k < count; k++) assigned.Add((c, next++, 2026));
            }
            var span = Math.Max(50, next - start);
            var used25 = new HashSet<int>();
            foreach (var (c, _, count) in shuffled.Where(s => s.Year == 2025))
                for (var k = 0; k < count; k++)
                {
                    int seq;
                    do seq = next - span / 2 + _r.Next(0, span); while (!used25.Add(seq));
                    assigned.Add((c, seq, 2025));
                }
            var po = _r.NextInt64(4_500_100_000, 4_500_900_000);
            var poCustomers = _customers.Where(_ => _r.Chance(0.3)).Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            var lastPo = new Dictionary<string, string>(StringComparer.Ordinal);
            var hire = new Dictionary<string, decimal>(StringComparer.Ordinal);
            foreach (var (c, seq, year) in assigned.OrderBy(a => a.Year).ThenBy(a => a.Seq))
            {
                var currency = c.Region is Region.Sg or Region.My && _r.Chance(0.3) ? "USD" : c.Currency;
                var amount = c.Recurring && currency == c.Currency && _r.Chance(0.6)
                    ? hire.TryGetValue(c.Id, out var fee) ? fee : hire[c.Id] = Amount(currency)
                    : Amount(currency);
                var order = "";
                if (poCustomers.Contains(c.Id))
                    order = lastPo.TryGetValue(c.Id, out var previous) && _r.Chance(0.2) ? previous : (po += _r.Next(1, 60)).ToString(CultureInfo.InvariantCulture);
                if (order.Length > 0) lastPo[c.Id] = order;
                var invoice = new OpenInvoice($"{c.Id}-{year}-{seq}", $"SI-{seq:D6}/{year}", c.Id, currency, amount,
                    year == 2025 ? new DateOnly(2026, 1, 15).AddDays(_r.Next(0, 40)) : Today.AddDays(_r.Next(-50, 31)), order);
                _invoices.Add(invoice);
                _invoiceById[invoice.Id] = invoice;
                _numberOf[invoice.Id] = (seq, year);
                if (!_bySeq.TryGetValue(seq, out var list)) _bySeq[seq] = list = [];
                list.Add(invoice);
                if (order.Length > 0)
                {
                    if (!_byPo.TryGetValue(order, out var orders)) _byPo[order] = orders = [];
                    orders.Add(invoice);
                }
                if (!_byCurrency.TryGetValue(currency, out var payers)) _byCurrency[currency] = payers = [];
                if (!payers.Contains(c)) payers.Add(c);
            }
            // The numbers in the gaps were paid before today: what a customer pays twice.
            foreach (var gap in gaps)
            {
                var c = _r.Pick(_customers);
                c.Closed.Add(($"SI-{gap:D6}/2026", Amount(c.Currency), c.Currency));
            }
        }

        private decimal Amount(string currency)
        {
            var scale = currency switch { "MYR" => 3.2, "USD" => 0.7, "SGD" => 0.9, _ => 1.0 };
            if (_r.Chance(0.08)) return _r.Pick<decimal>([250m, 500m, 1_000m, 1_500m, 2_000m, 5_000m]) * (decimal)scale;
            return Math.Round((decimal)(Math.Exp(_r.NextDouble() * (Math.Log(40_000) - Math.Log(80)) + Math.Log(80)) * scale), 2);
        }

        // ---------- the day ----------

        public LabelledScenario Write(string generator, Split split, int seed)
        {
            var files = new List<LabelledFile>
            {
                AudBai2("bai2-aud-westpac.txt", Share(0.36)),
                NzdCamt("camt053-nzd-bnz.xml", Share(0.18)),
                Mt940("mt940-sgd-dbs.sta", Rail.SgdMt940, "SGD", Share(0.16)),
                Mt940("mt940-usd-dbs.sta", Rail.UsdMt940, "USD", Share(0.12)),
            };
            files.Add(Mt940("mt940-myr-maybank.sta", Rail.MyrMt940, "MYR", _payments - files.Sum(f => f.Credits.Count)));
            return new LabelledScenario(generator, split, seed, _ledger.Context, files);
        }

        private int Share(double share) => (int)Math.Round(_payments * share);

        private Credit Next(Rail rail, string currency)
        {
            for (var attempt = 0; ; attempt++)
            {
                var way = attempt < 80 ? Mix[_r.Weighted([.. Mix.Select(m => Allowed(m.Way, rail) ? m.Weight : 0)])].Way : Way.NonCustomer;
                var credit = Make(way, rail, currency);
                if (credit is null) continue;
                _ledger.Settle(credit.Truth);
                if (credit.Truth.Category is Category.ExactReference or Category.ReformattedReference or Category.NameAndUniqueAmount)
                    _paidToday.AddRange(credit.Truth.Lines.Select(l => _invoiceById[l.InvoiceId]));
                return credit;
            }
        }

        private static bool Allowed(Way way, Rail rail) => way switch
        {
            Way.BpayLump => rail == Rail.AudBai2,
            Way.CardBatch => rail is not Rail.UsdMt940,
            Way.Learned => rail is Rail.NzdCamt or Rail.SgdMt940 or Rail.UsdMt940,
            Way.ParentPays => rail == Rail.AudBai2,
            _ => true,
        };

        private Channel ChannelOf(Rail rail) => rail switch
        {
            Rail.AudBai2 => _r.Chance(0.5) ? Becs : Npp,
            Rail.NzdCamt => NzBank,
            Rail.SgdMt940 => _r.Chance(0.75) ? Fast : Swift,
            Rail.UsdMt940 => Swift,
            _ => _r.Chance(0.5) ? Ibg : DuitNow,
        };

        private Credit? Make(Way way, Rail rail, string currency)
        {
            var channel = ChannelOf(rail);
            return way switch
            {
                Way.Exact => Referenced(currency, channel, 1, Form.Full, "exact number"),
                Way.Reformatted => Referenced(currency, channel, 1, _r.Pick(Reformats), "number reformatted"),
                Way.YearSwapped => YearSwapped(currency, channel),
                Way.AccountNumber => AccountNumber(currency, rail == Rail.AudBai2 && _r.Chance(0.35) ? Bpay : channel),
                Way.Several => Referenced(currency, channel, _r.Next(2, 5), _r.Pick(SeveralForms), "several invoices"),
                Way.Range => Range(currency, channel),
                Way.LongList => Referenced(currency, channel, _r.Next(6, 13), Form.Full, "long list of invoices", longList: true),
                Way.NameOnly => NameOnly(currency, channel, recurring: false),
                Way.Recurring => NameOnly(currency, channel, recurring: true),
                Way.Statement => Statement(currency, channel),
                Way.ShortPay => Short(currency, channel),
                Way.Partial => Partial(currency, channel),
                Way.OverPay => Over(currency, channel),
                Way.Po => Po(currency, channel),
                Way.Voucher => Voucher(currency, channel),
                Way.Learned => Learned(currency, channel),
                Way.Duplicate => Duplicate(currency, channel),
                Way.OtherCurrency => OtherCurrency(rail, currency, channel),
                Way.ParentPays => ParentPays(currency, channel),
                Way.CardBatch => CardBatch(currency),
                Way.BpayLump => BpayLump(),
                Way.Stranger => Stranger(currency, channel),
                _ => NonCustomer(currency),
            };
        }

        // ---------- how clerks write invoice numbers ----------

        private enum Form { Full, NoPrefix, NoZeros, Glued, YearShort, NoYear, Bare, Padded }

        private static readonly Form[] Reformats = [Form.NoPrefix, Form.NoZeros, Form.Glued, Form.YearShort, Form.NoYear, Form.Bare, Form.Padded];
        private static readonly Form[] SeveralForms = [Form.Full, Form.Bare, Form.Glued, Form.NoYear, Form.Bare];

        /// <summary>An invoice number as the clerk writes it; the year written may be another than the invoice's.</summary>
        private static Token Number(int seq, int year, Form form, string lead = "")
        {
            var (text, digitsEnd, written) = form switch
            {
                Form.Full => ($"SI-{seq:D6}/{year}", 9, (int?)year),
                Form.NoPrefix => ($"{seq:D6}/{year}", 6, year),
                Form.NoZeros => ($"SI-{seq}/{year}", 3 + Digits(seq), year),
                Form.Glued => ($"SI{seq}", 2 + Digits(seq), null),
                Form.YearShort => ($"{seq}/{year % 100:D2}", Digits(seq), year),
                Form.NoYear => ($"SI-{seq:D6}", 9, null),
                Form.Padded => ($"{seq:D6}", 6, null),
                _ => ($"{seq}", Digits(seq), null),
            };
            return new Token(lead + text, Kind.Number, seq, written, DigitsEnd: lead.Length + digitsEnd, Full: form == Form.Full, Glue: lead.Length > 0);
        }

        private static int Digits(int n) => n.ToString(CultureInfo.InvariantCulture).Length;

        private Token Number(OpenInvoice invoice, Form form, string lead = "") => Number(_numberOf[invoice.Id].Seq, _numberOf[invoice.Id].Year, form, lead);

        private Token Lead() => new(_r.Pick<string>(["INV", "Inv", "Invoice", "TAX INV", "pymt inv", "Payment", "INV#", "inv no", "Paymt"]));

        /// <summary>The clerk's tokens for invoices: "INV a b c", "a;b;c", "a, b, c", "a/b/c".</summary>
        private List<Token> Numbers(IReadOnlyList<OpenInvoice> invoices, Form form, bool longList = false)
        {
            var tokens = new List<Token>();
            if (_r.Chance(0.6)) tokens.Add(Lead());
            var separator = invoices.Count > 1 ? _r.Pick<string>(longList ? [" ", ";", ", "] : [" ", ";", ", ", " & ", "/"]) : " ";
            for (var i = 0; i < invoices.Count; i++)
            {
                var lead = i == 0 || separator == " " ? "" : separator.TrimEnd();
                var token = Number(invoices[i], form, lead);
                // "a, b" and "a & b": the separator glued to the one before, a space before the next.
                if (separator is ", " or " & " && i > 0) token = token with { Text = token.Text[lead.Length..], DigitsEnd = token.DigitsEnd - lead.Length, Glue = false };
                if (separator is ", " or " & " && i < invoices.Count - 1) token = token with { Text = token.Text + separator.TrimEnd() };
                tokens.Add(token);
            }
            return tokens;
        }

        // ---------- what the person reads ----------

        /// <summary>The remittance fields as the bank passes them on: each clerk's token whole, cut after its sequence, or lost.</summary>
        private static (List<string> Fields, Seen[] Seen) Lay(IReadOnlyList<Token> tokens, IReadOnlyList<int> fields)
        {
            var done = new List<string>();
            var seen = new Seen[tokens.Count];
            var field = 0;
            var current = new StringBuilder();
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                if (field >= fields.Count) continue;
                var gap = current.Length == 0 || t.Glue ? 0 : 1;
                if (current.Length + gap + t.Text.Length <= fields[field])
                {
                    if (gap == 1) current.Append(' ');
                    current.Append(t.Text);
                    seen[i] = Seen.Whole;
                    continue;
                }
                if (current.Length > 0 && field + 1 < fields.Count && t.Text.Length <= fields[field + 1])
                {
                    done.Add(current.ToString());
                    current.Clear().Append(t.Text);
                    field++;
                    seen[i] = Seen.Whole;
                    continue;
                }
                var room = fields[field] - current.Length - gap;
                if (room > 0)
                {
                    if (gap == 1) current.Append(' ');
                    current.Append(t.Text.AsSpan(0, room));
                    seen[i] = t.Kind == Kind.Number && room > t.DigitsEnd ? Seen.Sequence : Seen.Lost;
                }
                done.Add(current.ToString());
                current.Clear();
                field++;
            }
            if (current.Length > 0) done.Add(current.ToString());
            return (done.Where(d => d.Length > 0).ToList(), seen);
        }

        /// <summary>
        /// The open invoices the visible numbers name, as a person pins them: a number names every
        /// open invoice with its sequence (and year, when written); the payer, or the owner of the
        /// numbers that name one invoice only, narrows the rest. Null when a number stays ambiguous
        /// or names nothing open; empty when no number is visible.
        /// </summary>
        private List<OpenInvoice>? Named(IReadOnlyList<Token> tokens, Seen[] seen, string? payer)
        {
            var keys = new List<(int Seq, int? Year)>();
            for (var i = 0; i < tokens.Count; i++)
            {
                var t = tokens[i];
                if (t.Kind == Kind.Number && seen[i] != Seen.Lost) keys.Add((t.Seq, seen[i] == Seen.Whole ? t.Year : null));
                if (t.Kind == Kind.Range && seen[i] == Seen.Whole)
                    for (var s = t.Seq; s <= t.SeqTo; s++) keys.Add((s, t.Year));
            }
            if (keys.Count == 0) return [];
            var anchor = payer;
            if (anchor is null)
            {
                var owners = keys.Select(k => Candidates(k, null)).Where(c => c.Count == 1).Select(c => c[0].CustomerId).Distinct().ToList();
                if (owners.Count == 1) anchor = owners[0];
            }
            var named = new List<OpenInvoice>();
            foreach (var key in keys)
            {
                if (Candidates(key, anchor) is not [var only]) return null;
                if (!named.Contains(only)) named.Add(only);
            }
            return named;
        }

        private List<OpenInvoice> Candidates((int Seq, int? Year) key, string? anchor)
        {
            var all = _bySeq.TryGetValue(key.Seq, out var list)
                ? list.Where(i => _ledger.Open(i) > 0m && (key.Year is null || _numberOf[i.Id].Year == key.Year)).ToList()
                : [];
            return anchor is not null && all.Any(i => i.CustomerId == anchor) ? all.Where(i => i.CustomerId == anchor).ToList() : all;
        }

        /// <summary>
        /// Whom a person takes the written payer name for: legal forms "P/L" and "S/B" and "The
        /// Trustee for" set aside, each side of "T/A" read alone, a letter the bank could not
        /// write ("TAUP?") any letter; a last fragment shorter than three letters ignored.
        /// </summary>
        private string? Recognise(string written)
        {
            if (written.Length == 0) return null;
            var text = Regex.Replace(StripMacrons(written), @"(?<![A-Za-z])(?:P/L|S/B)(?![A-Za-z])|\bTHE TRUSTEE FOR( THE)?\b", " ", RegexOptions.IgnoreCase);
            var ids = new HashSet<string>(StringComparer.Ordinal);
            foreach (var part in Regex.Split(text, @"\s+(?:T/A|ATF|TRADING AS)\s+", RegexOptions.IgnoreCase))
            {
                var candidates = Candidates(part);
                // A last word cut short: two letters or fewer, or the start of a legal form ("PRIVATE LIM", "BERHA").
                if (candidates.Count == 0 && Regex.Match(part.Trim(), @"\s(\S+)$") is { Success: true } tail
                    && (tail.Groups[1].Length <= 2 || LegalForms.Any(f => f.StartsWith(tail.Groups[1].Value.ToLowerInvariant().TrimEnd('.'), StringComparison.Ordinal))))
                    candidates = Candidates(part.Trim()[..tail.Index]);
                if (candidates.Count == 1) ids.Add(candidates[0]);
            }
            return ids.Count == 1 ? ids.Single() : null;
        }

        private IReadOnlyList<string> Candidates(string part)
        {
            var words = part.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            var wild = words.Where(w => w.Contains('?')).ToList();
            if (wild.Count == 0) return _resolver.Candidates(part);
            var rest = string.Join(' ', words.Where(w => !w.Contains('?')));
            if (!rest.Any(char.IsLetter)) return [];
            var patterns = wild.Select(w => new Regex($@"(?<![a-z]){Regex.Escape(Fold(w)).Replace(@"\?", "[a-z]")}(?![a-z])")).ToList();
            return _resolver.Candidates(rest).Where(id => patterns.All(p => p.IsMatch(_folded[id]))).ToList();
        }

        private static string Fold(string text) => StripMacrons(text).ToLowerInvariant();

        // ---------- payer names as banks carry them ----------

        private string PayerName(Customer c, Channel channel, bool allowTrading = true)
        {
            var basis = allowTrading && c.Trading.Length > 0 && _r.Chance(0.3) ? c.Trading : _r.Chance(0.15) ? c.Name : c.Legal;
            var name = Regex.Replace(basis, @"\bPty\.? (Ltd|Limited)\.?", _ => _r.Pick<string>(["Pty Ltd", "PTY. LTD.", "Pty Limited", "P/L", "PTY. LIMITED", "Pty Ltd", ""]));
            name = Regex.Replace(name, @"\bSdn\.? Bhd\.?", _ => _r.Pick<string>(["SDN BHD", "SDN. BHD.", "S/B", "SDN.BHD.", "Sdn Bhd", ""]));
            name = Regex.Replace(name, @"\bPte\.? Ltd\.?", _ => _r.Pick<string>(["PTE LTD", "PTE. LTD.", "PRIVATE LIMITED", "Pte Ltd", "PTE"]));
            name = Regex.Replace(name, @"\b(Limited|Ltd)$", _ => _r.Pick<string>(["LTD", "LIMITED", "Ltd", ""]));
            if (_r.Chance(0.3)) name = name.Replace("&", "AND", StringComparison.Ordinal);
            if (_r.Chance(channel.NameLimit is > 0 and <= 20 ? 0.45 : 0.15))
                foreach (var (word, shorts) in Shortenings)
                    name = name.Replace(word, _r.Pick(shorts), StringComparison.Ordinal);
            if (c.Region == Region.Nz)
                name = channel == NzBank && _r.Chance(0.25) ? Regex.Replace(name, "[āēīōūĀĒĪŌŪ]", "?") : StripMacrons(name);
            if (_r.Chance(0.8) || channel == Becs || channel == Ibg) name = name.ToUpperInvariant();
            name = Regex.Replace(name, @"\s+", " ").Trim();
            return Cut(name, channel.NameLimit);
        }

        /// <summary>Māori vowels as banks without them write them (one for one: no normalisation tables needed).</summary>
        private static string StripMacrons(string name) => new(name.Select(c => c switch
        {
            'ā' => 'a', 'ē' => 'e', 'ī' => 'i', 'ō' => 'o', 'ū' => 'u', 'Ā' => 'A', 'Ē' => 'E', 'Ī' => 'I', 'Ō' => 'O', 'Ū' => 'U',
            _ => c,
        }).ToArray());

        private static string Cut(string text, int limit) => limit > 0 && text.Length > limit ? text[..limit].TrimEnd() : text;

        // ---------- picking ----------

        private Customer? Payer(string currency, Func<Customer, bool>? fit = null, int atLeast = 1)
        {
            if (!_byCurrency.TryGetValue(currency, out var payers)) return null;
            for (var i = 0; i < 30; i++)
            {
                var c = _r.Pick(payers);
                if ((fit is null || fit(c)) && _ledger.Untargeted(c.Id, currency).Count() >= atLeast) return c;
            }
            return null;
        }

        private List<OpenInvoice> Targets(Customer c, string currency, int count) =>
            _ledger.Untargeted(c.Id, currency).OrderBy(_ => _r.Next()).Take(count).ToList();

        private static decimal Open(IEnumerable<OpenInvoice> invoices, Ledger ledger) => invoices.Sum(ledger.Open);

        private static List<TruthLine> Lines(IEnumerable<OpenInvoice> invoices, Ledger ledger) => invoices.Select(i => new TruthLine(i.Id, ledger.Open(i))).ToList();

        // ---------- labelling ----------

        /// <summary>
        /// No invoice pinned by number: whether who paid, and the amount, pin them. The payer is
        /// whom the name, an account number written, or a learned account says (all that say
        /// anything saying the same); then the only open item of the amount, or the only set.
        /// </summary>
        private Truth Fallback(Customer c, IReadOnlyList<OpenInvoice> targets, decimal amount, string? byName, string? byAccountNumber, string? byLearned, string habit)
        {
            var says = new[] { byAccountNumber, byName, byLearned }.OfType<string>().Distinct().ToList();
            if (says.Count == 0) return Truth.NotIdentifiable(Category.Stranger, habit + "; payer not recognisable");
            if (says.Count > 1 || says[0] != c.Id) return Truth.NotIdentifiable(Category.AmbiguousPayer, habit + "; paid by another than the debtor");
            var currency = targets[0].Currency;
            if (targets.Count == 1 && _ledger.Open(targets[0]) == amount && _ledger.OnlyFit(targets[0]))
                return new Truth(byName is null && byAccountNumber is null ? Category.LearnedAccount : Category.NameAndUniqueAmount, c.Id, Lines(targets, _ledger), habit);
            if (targets.Count > 1 && Open(targets, _ledger) == amount && _ledger.SameAmount(c.Id, currency, amount) == 0
                && _ledger.Combinations(c.Id, currency, amount, 2) == 1)
                return new Truth(Category.UniqueCombination, c.Id, Lines(targets, _ledger), habit);
            return Truth.NotIdentifiable(Category.AmbiguousAmount, habit + "; amount does not pin the items");
        }

        /// <summary>Which of the customer's other open items, exactly one set of them, make up the rest; null when none or several.</summary>
        private List<OpenInvoice>? OnlyRest(string customerId, string currency, IReadOnlyList<OpenInvoice> named, decimal rest)
        {
            var others = _ledger.OpenOf(customerId, currency).Where(i => !named.Contains(i)).ToList();
            if (others.Count > 18) return null;
            List<OpenInvoice>? found = null;
            var count = 0;
            var chosen = new List<OpenInvoice>();
            void Search(int from, decimal left)
            {
                if (count > 1) return;
                if (left == 0m)
                {
                    count++;
                    found = [.. chosen];
                    return;
                }
                for (var i = from; i < others.Count && count <= 1; i++)
                {
                    var open = _ledger.Open(others[i]);
                    if (open > left) continue;
                    chosen.Add(others[i]);
                    Search(i + 1, left - open);
                    chosen.RemoveAt(chosen.Count - 1);
                }
            }
            Search(0, rest);
            return count == 1 ? found : null;
        }

        /// <summary>A payment of whole invoices by number: pinned by the numbers still readable, and the rest only if the amount leaves one way.</summary>
        private Truth PaidInFull(Customer c, IReadOnlyList<OpenInvoice> targets, List<Token> tokens, Seen[] seen, decimal amount, string? byName, string? byAccount, string? byLearned, string habit)
        {
            var named = Named(tokens, seen, byName ?? byAccount);
            if (named is { Count: > 0 } && named.All(i => i.CustomerId == c.Id) && named.All(targets.Contains))
            {
                var rest = amount - Open(named, _ledger);
                var person = rest == 0m ? named : rest > 0m && OnlyRest(c.Id, targets[0].Currency, named, rest) is { } more ? [.. named, .. more] : null;
                if (person is not null && person.Count == targets.Count)
                {
                    var category = targets.Count > 1 ? Category.SeveralReferences
                        : tokens.Any(t => t.Full && seen[tokens.IndexOf(t)] == Seen.Whole) ? Category.ExactReference
                        : Category.ReformattedReference;
                    return new Truth(category, c.Id, Lines(targets, _ledger), habit + (person.Count > named.Count ? "; rest cut off, pinned by amount" : ""));
                }
            }
            // Numbers that name one customer's invoices say whose the payment is, even when they do not pin them all.
            var byNumbers = named is { Count: > 0 } && named.Select(i => i.CustomerId).Distinct().Count() == 1 ? named[0].CustomerId : null;
            return Fallback(c, targets, amount, byName, byAccount ?? byNumbers, byLearned, habit + (named is null ? "; numbers ambiguous" : named.Count > 0 ? "; not all numbers readable" : "; numbers lost"));
        }

        private string? LearnedFor(string account) => account.Length > 0 && _learned.TryGetValue(account, out var id) ? id : null;

        /// <summary>The account the bank shows for the payer on this channel (none on BECS, BPAY, IBG).</summary>
        private string ShownAccount(Customer c, Channel channel) =>
            channel == NzBank || channel == Swift || (channel == Fast && _r.Chance(0.3)) || channel == DuitNow && _r.Chance(0.3) ? c.Account : "";

        private Credit Build(Truth truth, decimal amount, string payer, string account, List<Token> tokens, Channel channel, string bankText = "")
        {
            var (fields, _) = Lay(tokens, channel.Fields);
            return new Credit(truth, amount, payer, account, fields, bankText, channel);
        }

        // ---------- the ways ----------

        private Credit? Referenced(string currency, Channel channel, int count, Form form, string habit, bool longList = false)
        {
            if (channel == Bpay) return null;
            var c = Payer(currency, atLeast: count);
            if (c is null) return null;
            var targets = Targets(c, currency, count);
            var tokens = Numbers(targets, form, longList);
            if (_r.Chance(0.15)) tokens.Add(new Token(_r.Pick<string>(["thanks", "TKS", "remit emailed", "per remittance", "Nov"])));
            var amount = Open(targets, _ledger);
            var payer = PayerName(c, channel);
            var account = ShownAccount(c, channel);
            var (_, seen) = Lay(tokens, channel.Fields);
            var truth = PaidInFull(c, targets, tokens, seen, amount, Recognise(payer), null, LearnedFor(account), habit);
            return Build(truth, amount, payer, account, tokens, channel);
        }

        private Credit? YearSwapped(string currency, Channel channel)
        {
            var c = Payer(currency);
            if (c is null) return null;
            var target = Targets(c, currency, 1)[0];
            var (seq, year) = _numberOf[target.Id];
            var written = year == 2026 ? 2025 : 2026;
            var tokens = new List<Token> { Lead(), Number(seq, written, _r.Chance(0.5) ? Form.Full : Form.YearShort) };
            var amount = _ledger.Open(target);
            var payer = PayerName(c, channel);
            var account = ShownAccount(c, channel);
            var (_, seen) = Lay(tokens, channel.Fields);
            var byName = Recognise(payer);
            var named = Named(tokens, seen, byName);
            Truth truth;
            if (named is [var only] && only == target)
                truth = new Truth(Category.ReformattedReference, c.Id, Lines([target], _ledger), "year swapped, then cut off by the bank");
            else if (seen[1] == Seen.Whole && SlipConfirmed(target, written, amount, byName))
                truth = new Truth(Category.SlippedReference, c.Id, Lines([target], _ledger), "year swapped; payer and exact amount confirm");
            else truth = Fallback(c, [target], amount, byName, null, LearnedFor(account), "year swapped");
            return Build(truth, amount, payer, account, tokens, channel);
        }

        /// <summary>
        /// A wrong year: the sequence's only open invoice of exactly the amount, and the payer's
        /// only item of the amount. The number as written, when it is another open invoice, rules
        /// the slip out unless the payer is known and it is not theirs.
        /// </summary>
        private bool SlipConfirmed(OpenInvoice target, int writtenYear, decimal amount, string? byName)
        {
            var seq = _numberOf[target.Id].Seq;
            var written = _bySeq[seq].FirstOrDefault(i => _numberOf[i.Id].Year == writtenYear && _ledger.Open(i) > 0m);
            if (written is not null && (byName is null || written.CustomerId == byName)) return false;
            var fits = _bySeq[seq].Where(i => _ledger.Open(i) == amount && (byName is null || i.CustomerId == byName)).ToList();
            return fits is [var only] && only == target && (byName is null || _ledger.SameAmount(byName, target.Currency, amount) == 1);
        }

        private Credit? AccountNumber(string currency, Channel channel)
        {
            var c = Payer(currency);
            if (c is null) return null;
            var several = _r.Chance(0.3) && _ledger.Untargeted(c.Id, currency).Count() >= 2;
            var targets = Targets(c, currency, several ? 2 : 1);
            var amount = Open(targets, _ledger);
            List<Token> tokens;
            string payer;
            if (channel == Bpay)
            {
                tokens = [new Token(Crn(c.Id), Kind.Account, Key: c.Id)];
                payer = "";
            }
            else
            {
                tokens = [new Token(_r.Pick<string>(["ACCT", "Acct", "CUST", "Cust No", "A/C", "Our acc", "ACC NO", "Customer"])), new Token(c.Id, Kind.Account, Key: c.Id)];
                if (_r.Chance(0.3)) tokens.Add(new Token(_r.Pick<string>(["Nov", "Oct stmt", "payment", "invoices"])));
                payer = PayerName(c, channel);
            }
            var account = ShownAccount(c, channel);
            var (_, seen) = Lay(tokens, channel.Fields);
            var byAccount = tokens.Select((t, i) => (t, i)).Any(x => x.t.Kind == Kind.Account && seen[x.i] == Seen.Whole) ? c.Id : null;
            var truth = Fallback(c, targets, amount, Recognise(payer), byAccount, LearnedFor(account), channel == Bpay ? "BPAY CRN is the customer account" : "customer account number instead of invoice");
            return Build(truth, amount, payer, account, tokens, channel);
        }

        /// <summary>A BPAY customer reference number: the account number and a Luhn check digit.</summary>
        private static string Crn(string account)
        {
            var digits = account.Select(d => d - '0').ToList();
            var sum = 0;
            for (var i = 0; i < digits.Count; i++)
            {
                var d = digits[digits.Count - 1 - i] * (i % 2 == 0 ? 2 : 1);
                sum += d > 9 ? d - 9 : d;
            }
            return account + (10 - sum % 10) % 10;
        }

        private Credit? Range(string currency, Channel channel)
        {
            if (channel == Bpay) return null;
            var c = Payer(currency, atLeast: 2);
            if (c is null) return null;
            var open = _ledger.Untargeted(c.Id, currency).OrderBy(i => _numberOf[i.Id].Year).ThenBy(i => _numberOf[i.Id].Seq).ToList();
            for (var i = 0; i + 1 < open.Count; i++)
            {
                var run = new List<OpenInvoice> { open[i] };
                while (i + run.Count < open.Count && _numberOf[open[i + run.Count].Id] == (_numberOf[run[^1].Id].Seq + 1, _numberOf[run[0].Id].Year)) run.Add(open[i + run.Count]);
                if (run.Count < 2) continue;
                var (from, year) = _numberOf[run[0].Id];
                var to = _numberOf[run[^1].Id].Seq;
                var text = _r.Pick<string>([$"{from}-{to}", $"{from}-{to % 100:D2}", $"SI-{from:D6} to {to:D6}", $"{from} - {to}"]);
                var tokens = new List<Token> { Lead(), new(text, Kind.Range, from, null, to) };
                var amount = Open(run, _ledger);
                var payer = PayerName(c, channel);
                var account = ShownAccount(c, channel);
                var (_, seen) = Lay(tokens, channel.Fields);
                var truth = PaidInFull(c, run, tokens, seen, amount, Recognise(payer), null, LearnedFor(account), "range of invoices");
                return Build(truth, amount, payer, account, tokens, channel);
            }
            return null;
        }

        private Credit? NameOnly(string currency, Channel channel, bool recurring)
        {
            if (channel == Bpay) return null;
            var c = Payer(currency, recurring ? x => x.Recurring : null);
            if (c is null) return null;
            var targets = Targets(c, currency, 1);
            if (recurring)
            {
                // The hire invoices of one amount: the clerk pays one of them, saying which month at most.
                var fee = _ledger.Untargeted(c.Id, currency).GroupBy(_ledger.Open).FirstOrDefault(g => g.Count() >= 2);
                if (fee is null) return null;
                targets = [fee.First()];
            }
            var amount = _ledger.Open(targets[0]);
            var tokens = new List<Token> { new(_r.Pick<string>(["PAYMENT", "SUPPLIER PAYMENT", "EFT", "see remittance advice", "ACCOUNTS PAYABLE", "Nov hire", "TRANSFER", "PMT"])) };
            var payer = PayerName(c, channel);
            var account = ShownAccount(c, channel);
            var truth = Fallback(c, targets, amount, Recognise(payer), null, LearnedFor(account), recurring ? "no reference, hire invoices of one amount" : "no reference");
            return Build(truth, amount, payer, account, tokens, channel);
        }

        private Credit? Statement(string currency, Channel channel)
        {
            if (channel == Bpay) return null;
            var c = Payer(currency, atLeast: 2);
            if (c is null) return null;
            var targets = Targets(c, currency, _r.Next(2, 5));
            var amount = Open(targets, _ledger);
            var tokens = new List<Token> { new(_r.Pick<string>(["OCT STATEMENT", "Stmt 31/10", "statement balance", "PAYMENT", "Oct stmt"])) };
            var payer = PayerName(c, channel);
            var account = ShownAccount(c, channel);
            var truth = Fallback(c, targets, amount, Recognise(payer), null, LearnedFor(account), "a statement's items, no numbers");
            return Build(truth, amount, payer, account, tokens, channel);
        }

        /// <summary>One invoice named, less than it by a deduction the clerk explains in words.</summary>
        private Credit? Short(string currency, Channel channel)
        {
            if (channel == Bpay) return null;
            var c = Payer(currency);
            if (c is null) return null;
            var target = Targets(c, currency, 1)[0];
            var open = _ledger.Open(target);
            var bankCharge = channel == Swift && _r.Chance(0.5);
            var (deduction, reason) = bankCharge ? (_r.Pick<decimal>([10m, 15m, 20m, 25m, 30m, 35m]), "")
                : _r.Next(5) switch
                {
                    0 => (Math.Round(open * (decimal)(_r.NextDouble() * 0.3 + 0.02), 2), $"less CN-{_r.Next(300, 2_000):D6}"),
                    1 => (_r.Pick<decimal>([45m, 60m, 85m, 120m, 165m]), _r.Pick<string>(["short paid freight", "less freight", "freight not ordered"])),
                    2 => (_r.Pick<decimal>([2.5m, 10m, 15m, 20m]), _r.Pick<string>(["less bank fee", "bank chgs", "less fee"])),
                    3 => (Math.Round(open * 0.025m, 2), "less 2.5% early pymt disc"),
                    _ => (Math.Round(open * (decimal)(_r.NextDouble() * 0.2 + 0.05), 2), _r.Pick<string>(["less damaged goods", "short delivered", "less returned goods"])),
                };
            if (deduction <= 0m || deduction >= open) return null;
            var amount = open - deduction;
            var tokens = new List<Token> { Number(target, _r.Pick<Form>([Form.Full, Form.Full, Form.Bare, Form.Glued, Form.YearShort])) };
            if (_r.Chance(0.4)) tokens.Insert(0, Lead());
            if (reason.Length > 0) tokens.Add(new Token(reason, Kind.Reason));
            var bankText = bankCharge ? $"CHGS {currency} {deduction.ToString("0.00", CultureInfo.InvariantCulture)} DEDUCTED BY CORRESPONDENT" : "";
            var payer = PayerName(c, channel);
            var account = ShownAccount(c, channel);
            var (_, seen) = Lay(tokens, channel.Fields);
            var byName = Recognise(payer);
            var named = Named(tokens, seen, byName);
            var reasonSeen = bankCharge || tokens.Select((t, i) => (t, i)).Any(x => x.t.Kind == Kind.Reason && seen[x.i] == Seen.Whole);
            var truth = named is [var only] && only == target
                ? new Truth(reasonSeen ? Category.ShortPayWithReason : Category.PartialPayment, c.Id, [new TruthLine(target.Id, amount)],
                    reasonSeen ? $"short-paid: {(bankCharge ? "correspondent charges" : reason)}" : "short-paid, the reason cut off by the bank")
                : Fallback(c, [target], amount, byName, null, LearnedFor(account), "short-paid, invoice not readable");
            return Build(truth, amount, payer, account, tokens, channel, bankText);
        }

        private Credit? Partial(string currency, Channel channel)
        {
            if (channel == Bpay) return null;
            var c = Payer(currency);
            if (c is null) return null;
            var target = Targets(c, currency, 1)[0];
            var open = _ledger.Open(target);
            var parts = _r.Next(2, 5);
            var amount = Math.Round(open / parts, 2);
            if (amount <= 0m || amount >= open) return null;
            var tokens = new List<Token>
            {
                new(_r.Pick<string>(["part payment", "PART PYMT", $"instalment 1 of {parts}", "progress pymt", $"1/{parts} pmt"]), Kind.Reason),
                Number(target, _r.Pick<Form>([Form.Full, Form.Bare, Form.Glued])),
            };
            var payer = PayerName(c, channel);
            var account = ShownAccount(c, channel);
            var (_, seen) = Lay(tokens, channel.Fields);
            var byName = Recognise(payer);
            var truth = Named(tokens, seen, byName) is [var only] && only == target
                ? new Truth(Category.PartialPayment, c.Id, [new TruthLine(target.Id, amount)], "part payment of a named invoice")
                : Fallback(c, [target], amount, byName, null, LearnedFor(account), "part payment, invoice not readable");
            return Build(truth, amount, payer, account, tokens, channel);
        }

        private Credit? Over(string currency, Channel channel)
        {
            if (channel == Bpay) return null;
            var c = Payer(currency);
            if (c is null) return null;
            var target = Targets(c, currency, 1)[0];
            var open = _ledger.Open(target);
            var amount = _r.Chance(0.5) ? Math.Ceiling(open / 100m) * 100m + (open % 100m == 0m ? 100m : 0m) : open + _r.Pick<decimal>([25m, 50m, 95m, 150m]);
            var tokens = new List<Token> { Number(target, _r.Pick<Form>([Form.Full, Form.Bare])) };
            if (_r.Chance(0.3)) tokens.Add(new Token(_r.Pick<string>(["incl late fee", "plus freight", "rounded"])));
            var payer = PayerName(c, channel);
            var account = ShownAccount(c, channel);
            var (_, seen) = Lay(tokens, channel.Fields);
            var byName = Recognise(payer);
            var truth = Named(tokens, seen, byName) is [var only] && only == target
                ? new Truth(Category.OverPay, c.Id, [new TruthLine(target.Id, open)], "more than the invoice")
                : Fallback(c, [target], amount, byName, null, LearnedFor(account), "over-paid, invoice not readable");
            return Build(truth, amount, payer, account, tokens, channel);
        }

        private Credit? Po(string currency, Channel channel)
        {
            if (channel == Bpay) return null;
            var c = Payer(currency, x => _ledger.Untargeted(x.Id, currency).Any(i => i.PoNumber.Length > 0));
            if (c is null) return null;
            var target = _ledger.Untargeted(c.Id, currency).First(i => i.PoNumber.Length > 0);
            var amount = _ledger.Open(target);
            var tokens = new List<Token> { new(_r.Pick<string>(["PO", "PO#", "Order", "Your order", "P/O"])), new(target.PoNumber, Kind.Po, Key: target.PoNumber) };
            var payer = PayerName(c, channel);
            var account = ShownAccount(c, channel);
            var (_, seen) = Lay(tokens, channel.Fields);
            var byName = Recognise(payer);
            var fits = _byPo[target.PoNumber].Where(i => _ledger.Open(i) == amount && i.Currency == currency).ToList();
            var truth = seen[1] == Seen.Whole && fits is [var only] && only == target
                ? new Truth(Category.PoOrVoucherReference, c.Id, Lines([target], _ledger), "their PO number instead of our invoice")
                : Fallback(c, [target], amount, byName, null, LearnedFor(account), "PO number, not pinning");
            return Build(truth, amount, payer, account, tokens, channel);
        }

        private Credit? Voucher(string currency, Channel channel)
        {
            if (channel == Bpay) return null;
            var c = Payer(currency);
            if (c is null) return null;
            var target = Targets(c, currency, 1)[0];
            var amount = _ledger.Open(target);
            var tokens = new List<Token> { new(_r.Pick<string>([$"REMIT ADV {_r.Next(1000, 99999):D6}", $"PYMT REF {_r.Next(10000, 99999)}", $"EFT{_r.Next(100000, 999999)}", $"AP RUN {_r.Next(100, 999)}"]), Kind.Voucher) };
            var payer = PayerName(c, channel);
            var account = ShownAccount(c, channel);
            var byName = Recognise(payer);
            var truth = Fallback(c, [target], amount, byName, null, LearnedFor(account), "their own payment voucher");
            if (truth.Category == Category.NameAndUniqueAmount) truth = truth with { Category = Category.PoOrVoucherReference };
            return Build(truth, amount, payer, account, tokens, channel);
        }

        private Credit? Learned(string currency, Channel channel)
        {
            var c = Payer(currency, x => x.Owner is not null || _learned.ContainsKey(x.Account));
            if (c is null) return null;
            var target = Targets(c, currency, 1)[0];
            var amount = _ledger.Open(target);
            // The director's own account, or the company's under a name that says nothing: "ACCOUNTS PAYABLE", a word.
            var (payer, account) = c.Owner is { } owner ? (Cut(owner.Name, channel.NameLimit), owner.Account)
                : (_r.Pick<string>(["ACCOUNTS PAYABLE", "FINANCE DEPT", "AP TEAM", c.Legal.Split(' ')[0].ToUpperInvariant()]), c.Account);
            var tokens = new List<Token> { new(_r.Pick<string>(["PAYMENT", "invoice", "TFR", "ONLINE TRANSFER", "bill"])) };
            var truth = Fallback(c, [target], amount, Recognise(payer), null, LearnedFor(account), c.Owner is null ? "learned account" : "director's own account, learned");
            return Build(truth, amount, payer, account, tokens, channel);
        }

        private Credit? Duplicate(string currency, Channel channel)
        {
            if (channel == Bpay) return null;
            var earlier = _paidToday.Where(i => i.Currency == currency).ToList();
            Customer c;
            string number;
            decimal amount;
            if (earlier.Count > 0 && _r.Chance(0.6))
            {
                var paid = _r.Pick(earlier);
                (c, number, amount) = (_byId[paid.CustomerId], paid.Number, paid.OpenAmount);
            }
            else
            {
                var payers = _customers.Where(x => x.Closed.Any(k => k.Currency == currency)).ToList();
                if (payers.Count == 0) return null;
                c = _r.Pick(payers);
                (number, amount, _) = _r.Pick(c.Closed.Where(k => k.Currency == currency).ToList());
            }
            var tokens = new List<Token> { Lead(), new(number) };
            var payer = PayerName(c, channel);
            return Build(Truth.NotIdentifiable(Category.AmbiguousAmount, "invoice already paid: a duplicate payment"), amount, payer, ShownAccount(c, channel), tokens, channel);
        }

        /// <summary>An invoice in one currency paid in the account's: the named invoice, but no amount of it in its own currency to apply.</summary>
        private Credit? OtherCurrency(Rail rail, string currency, Channel channel)
        {
            if (channel == Bpay) return null;
            var (from, rate) = rail switch
            {
                Rail.AudBai2 => ("NZD", 0.91m),
                Rail.NzdCamt => ("AUD", 1.10m),
                Rail.SgdMt940 => ("USD", 1.34m),
                Rail.UsdMt940 => ("SGD", 0.75m),
                _ => ("USD", 4.47m),
            };
            var c = Payer(from);
            if (c is null) return null;
            var target = Targets(c, from, 1)[0];
            var amount = Math.Round(_ledger.Open(target) * rate * (decimal)(0.99 + _r.NextDouble() * 0.02), 2);
            var tokens = new List<Token> { Lead(), Number(target, Form.Full) };
            var payer = PayerName(c, rail == Rail.AudBai2 ? Swift : channel);
            return Build(Truth.NotIdentifiable(Category.AmbiguousAmount, $"paid in {currency} for a {from} invoice"), amount, payer, ShownAccount(c, channel), tokens,
                rail == Rail.AudBai2 ? Swift : channel);
        }

        private Credit? ParentPays(string currency, Channel channel)
        {
            var c = Payer(currency, x => x.Parent is not null);
            if (c is null) return null;
            var parent = c.Parent!;
            var targets = Targets(c, currency, _r.Next(1, 3));
            var amount = Open(targets, _ledger);
            var tokens = _r.Chance(0.65) ? Numbers(targets, _r.Pick<Form>([Form.Full, Form.Bare, Form.Glued])) : [new Token(_r.Pick<string>(["GROUP PAYMENT", "PAYMENT", "per remittance"]))];
            var payer = PayerName(parent, channel);
            var (_, seen) = Lay(tokens, channel.Fields);
            var truth = PaidInFull(c, targets, tokens, seen, amount, Recognise(payer), null, null, "the parent pays a subsidiary's invoices");
            return Build(truth, amount, payer, "", tokens, channel);
        }

        private Credit? CardBatch(string currency)
        {
            var acquirer = currency switch
            {
                "AUD" => _r.Pick<string>(["TYRO SETTLEMENT", "WESTPAC MERCHANT STLMT", "AMEX SETTLEMENT", "STRIPE PAYMENTS AUSTRALIA PAYOUT"]),
                "NZD" => _r.Pick<string>(["WINDCAVE SETTLEMENT", "EFTPOS NZ SETTLEMENT"]),
                "SGD" => _r.Pick<string>(["NETS SETTLEMENT", "STRIPE PAYMENTS SINGAPORE PAYOUT"]),
                _ => _r.Pick<string>(["IPAY88 SETTLEMENT", "MAYBANK CARD SETTLEMENT"]),
            };
            var gross = Enumerable.Range(0, _r.Next(2, 9)).Sum(_ => Amount(currency) / 4m);
            var amount = Math.Round(gross * 0.985m, 2);
            return new Credit(Truth.NotIdentifiable(Category.AmbiguousPayer, "card settlement: several customers' payments less fees"), amount, "", "", [],
                $"{acquirer} {_r.Next(10_000, 99_999)} {_r.Next(3, 30)} TXNS", BankOwn);
        }

        private Credit BpayLump()
        {
            var amount = Math.Round(Enumerable.Range(0, _r.Next(3, 12)).Sum(_ => Amount("AUD") / 3m), 2);
            return new Credit(Truth.NotIdentifiable(Category.AmbiguousPayer, "BPAY settlement: several customers in one lump"), amount, "", "", [],
                $"BPAY SETTLEMENT BILLER 254417 {_r.Next(3, 40)} ITEMS", BankOwn);
        }

        private Credit? Stranger(string currency, Channel channel)
        {
            var region = currency switch { "AUD" => Region.Au, "NZD" => Region.Nz, "SGD" or "USD" => Region.Sg, _ => Region.My };
            var model = _customers.Where(c => c.Region == region).ToList();
            string name;
            if (model.Count > 0 && _r.Chance(0.6))
            {
                // A customer's name with its trade swapped for one no customer has.
                var like = _r.Pick(model).Legal;
                var words = like.Split(' ');
                name = string.Join(' ', words.Take(Math.Max(1, words.Length - 3))) + " " + _r.Pick(StrangerTrades) + " " + string.Join(' ', words.Skip(words.Length - 2).Where(w => w.Contains("Pty") || w.Contains("Ltd") || w.Contains("Bhd") || w.Contains("Limited")));
            }
            else name = $"{_r.Pick(Surnames)} {_r.Pick(StrangerTrades)} {_r.Pick<string>(["Pty Ltd", "Limited", "Pte Ltd", "Sdn Bhd"])}";
            name = Cut(name.Trim().ToUpperInvariant(), channel.NameLimit);
            if (channel == Bpay || Recognise(name) is not null) return null;
            var amount = Amount(currency);
            var tokens = new List<Token>
            {
                new(_r.Pick<string>([$"INV {_r.Next(1000, 9999)}", $"Tax Invoice {_r.Next(10000, 99999)}", $"REF {_r.Next(1000, 9999)}-A", "DEPOSIT", $"QUOTE Q{_r.Next(100, 999)}", "PAYMENT"])),
            };
            return Build(Truth.NotIdentifiable(Category.Stranger, "not in the customer list"), amount, name, "", tokens, channel);
        }

        private Credit NonCustomer(string currency)
        {
            var text = currency switch
            {
                "AUD" => _r.Pick<string>(["ATO GST REFUND", "AUSTRALIAN TAXATION OFFICE ATO001000", "INTEREST PAID", "TFR FROM 062000 12345678 SAVINGS", "OFFICEWORKS REFUND",
                    "TELSTRA CREDIT", $"QBE INSURANCE CLAIM {_r.Next(1_000_000, 9_999_999)}", "WORKCOVER QLD", "AUSINDUSTRY GRANT"]),
                "NZD" => _r.Pick<string>(["IRD GST REFUND", "CREDIT INTEREST", "TRANSFER FROM 12-3140-0123456-01", "ACC LEVY REFUND", "SPARK NZ REFUND"]),
                "SGD" => _r.Pick<string>(["IRAS GST REFUND", "INTEREST CREDIT", "CPF BOARD REFUND", "SINGTEL REFUND", "FUND TRANSFER OWN ACCOUNT"]),
                "MYR" => _r.Pick<string>(["LHDN REFUND", "PROFIT CREDIT", "KWSP REFUND", "TNB DEPOSIT REFUND", "INTERBANK OWN ACCT TRF"]),
                _ => _r.Pick<string>(["CREDIT INTEREST", $"FX DEAL {_r.Next(10_000, 99_999)} SGD/USD", "OWN ACCOUNT TRANSFER"]),
            };
            var amount = text.Contains("INTEREST") || text.Contains("PROFIT") ? Math.Round((decimal)_r.NextDouble() * 300m + 1m, 2) : Amount(currency) * 2m;
            return new Credit(Truth.NotIdentifiable(Category.NonCustomerCredit, "not a customer's payment"), amount, "", "", [], text, BankOwn);
        }

        // ---------- the files ----------

        private string Ref() => (_sequence++).ToString(CultureInfo.InvariantCulture);

        /// <summary>An Australian bank's BAI2: BECS direct credits (name and lodgement reference in fixed fields), Osko/NPP, BPAY, settlements; text in 88s of up to 76 characters.</summary>
        private LabelledFile AudBai2(string name, int count)
        {
            var details = new List<Bai2Detail>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var credit = Next(Rail.AudBai2, "AUD");
                List<string> text;
                var type = "399";
                if (credit.Channel == BankOwn) text = [credit.BankText];
                else if (credit.Channel == Becs)
                    text = _r.Chance(0.5)
                        ? [$"DIRECT CREDIT {_r.Next(100_000, 999_999)} {credit.Payer.PadRight(16)} {credit.Remittance}".TrimEnd()]
                        : ["DIRECT CREDIT", credit.Payer, credit.Remittance];
                else if (credit.Channel == Bpay) text = [_r.Chance(0.5) ? $"BPAY CRN {credit.Remittance} BILLER 254417" : $"BPAY {credit.Remittance}"];
                else if (credit.Channel == Swift)
                {
                    type = "195";
                    text = ["TT CREDIT", .. Wrap(BreakLong($"B/O {credit.Payer} {credit.Remittance}", 76), 76)];
                }
                else
                    text = _r.Chance(0.5)
                        ? ["OSKO PAYMENT", $"FROM: {credit.Payer}", .. Wrap(BreakLong($"REMITTANCE INFO: {credit.Remittance}", 76), 76)]
                        : [.. Wrap(BreakLong($"NPP CREDIT {credit.Payer} {credit.Remittance}", 76), 76)];
                details.Add(new Bai2Detail(type, credit.Amount, $"W{Ref()}", "", text.Where(t => t.Length > 0).Select(Bai2Safe).ToList()));
                truths.Add(credit.Truth);
            }
            return new LabelledFile(name, BankFileFormat.Bai2, Bai2Writer.Write("032000000", "HARBOURDIST", "032000401234567", "AUD", Today, details), truths);
        }

        /// <summary>A record's end is "/" and a new record starts "dd,": text never ends a line with "/".</summary>
        private static string Bai2Safe(string text) => text.TrimEnd('/', ' ');

        /// <summary>A New Zealand bank's camt.053: the other party's name (20 characters), its account, and particulars, code and reference as three Ustrd lines.</summary>
        private LabelledFile NzdCamt(string name, int count)
        {
            var credits = new List<Camt053Credit>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var credit = Next(Rail.NzdCamt, "NZD");
                var reference = $"NZ{Ref()}";
                if (credit.Channel == BankOwn)
                    credits.Add(new Camt053Credit(credit.Amount, reference, "", "", "", [], credit.BankText, "RCDT", "SALA"));
                else
                {
                    // Particulars, code, reference: the three fields laid out again as the bank sends them.
                    credits.Add(new Camt053Credit(credit.Amount, reference, "", credit.Payer, credit.PayerAccount, credit.Fields, ""));
                }
                truths.Add(credit.Truth);
            }
            return new LabelledFile(name, BankFileFormat.Camt053, Camt053Writer.Write("02-0248-0123456-00", "NZD", Today, 84_210.55m, credits), truths);
        }

        /// <summary>MT940 from Singapore or Malaysia: SWIFT's character set (no "&amp;", ";", "#"), :86: free text in lines of 65.</summary>
        private LabelledFile Mt940(string name, Rail rail, string currency, int count)
        {
            var entries = new List<Mt940Entry>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var credit = Next(rail, currency);
                var p = credit.Payer;
                var remit = credit.Remittance;
                var account = credit.PayerAccount;
                var text = credit.Channel switch
                {
                    { Kind: "BANK" } => credit.BankText,
                    { Kind: "FAST" } => (account.Length > 0 ? 1 : _r.Next(3)) switch
                    {
                        0 => $"FAST PAYMENT OTHR {p} {remit}",
                        1 => $"INWARD FAST ORDERING CUSTOMER: {(account.Length > 0 ? "/" + account + " " : "")}{p} REMITTANCE INFO: {remit}",
                        _ => $"GIRO CREDIT {remit} B/O {p}",
                    },
                    { Kind: "TT" } => account.Length > 0 || _r.Chance(0.6)
                        ? $"INWARD TT ORDERING CUSTOMER: {(account.Length > 0 ? "/" + account + " " : "")}{p} REMITTANCE INFO: {remit} {credit.BankText}"
                        : $"INCOMING TELEGRAPHIC TRANSFER {remit} B/O {p} {credit.BankText}",
                    { Kind: "IBG" } => _r.Chance(0.5) ? $"IBG CREDIT {p.PadRight(20)} {remit}" : $"INTERBANK GIRO {p} REF: {remit}",
                    _ => account.Length > 0 ? $"DUITNOW CR {remit} SENDER: /{account} {p}"
                        : _r.Chance(0.5) ? $"DUITNOW TRANSFER FROM {p} {remit}" : $"DUITNOW CR {remit} SENDER: {p}",
                };
                entries.Add(new Mt940Entry(credit.Amount, true, credit.Channel.Kind == "BANK" ? "NMSC" : "NTRF",
                    credit.Channel.Kind == "TT" ? $"FT26{Ref()}" : "NONREF", Ref(), Mt940Writer.FreeText(BreakLong(SwiftCharacters(text), 65))));
                truths.Add(credit.Truth);
            }
            var statementAccount = currency switch { "SGD" => "0721234567", "USD" => "0729876543", _ => "514011223344" };
            return new LabelledFile(name, BankFileFormat.Mt940, Mt940Writer.Write(statementAccount, currency, Today, 150_000m, entries), truths);
        }

        /// <summary>What SWIFT's X character set cannot carry, replaced one for one.</summary>
        private static string SwiftCharacters(string text)
        {
            var folded = StripMacrons(text);
            return new string(folded.Select(c => c switch
            {
                '&' => '+',
                ';' => ',',
                '#' or '$' or '%' or '_' or '!' or '"' or '*' or '@' => ' ',
                _ => c,
            }).ToArray());
        }

        private static IEnumerable<string> Wrap(string text, int width)
        {
            var line = new StringBuilder();
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (line.Length > 0 && line.Length + 1 + word.Length > width)
                {
                    yield return line.ToString();
                    line.Clear();
                }
                if (line.Length > 0) line.Append(' ');
                line.Append(word);
            }
            if (line.Length > 0) yield return line.ToString();
        }

        /// <summary>
        /// A word too long for a line ("SI-…/2026;SI-…/2026;…") broken after its separators, as the
        /// bank's line breaking does, so nothing is lost to the line length; hard only as a last resort.
        /// </summary>
        private static string BreakLong(string text, int width) => string.Join(' ', text.Split(' ').Select(word =>
        {
            if (word.Length <= width) return word;
            var pieces = Regex.Split(word, "(?<=[;,])").Where(p => p.Length > 0)
                .SelectMany(p => Enumerable.Range(0, (p.Length + width - 1) / width).Select(k => p.Substring(k * width, Math.Min(width, p.Length - k * width))));
            return string.Join(' ', pieces);
        }));
    }
}
