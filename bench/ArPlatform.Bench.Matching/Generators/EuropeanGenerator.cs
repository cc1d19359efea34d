using System.Globalization;
using ArPlatform.Bench.Matching.BankFiles;
using ArPlatform.Bench.Matching.Labelling;
using ArPlatform.CashApplication.BankFiles;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Generators;

/// <summary>
/// A European wholesaler's day. Customers are family firms across the EU, the UK, Switzerland and
/// Sweden ("Bäckerei Schröder GmbH &amp; Co. KG", "Établissements Lefèvre S.A.S.", "Van der Berg
/// Installatietechniek B.V.", "Åkesson Bygg AB") whose names banks transliterate (MUELLER,
/// LEFEVRE), strip of "&amp;" and cut to MT940's 54 characters. Invoices are plain seven-digit
/// numbers (4127305) with 2 % Skonto for early payment; maintenance contracts bill one amount
/// every month. Payments come as camt.054 (Dbtr, UltmtDbtr, Ustrd and Strd; single and batch
/// entries) and MT940 (German ?20–?33 subfields, Dutch /NAME/ /REMI/, free text) in EUR, GBP, CHF
/// and SEK. Payers write "RE", "Rechnung", "Facture n°", "Factuur" or nothing before the number,
/// split it with spaces, take Skonto ("abzgl. 2% Skonto"), pay in instalments, quote their own
/// Belegnummer or our PO.
/// </summary>
public sealed class EuropeanGenerator : IScenarioGenerator
{
    public string Name => "european";
    public bool HeldOutOnly => false;

    public LabelledScenario Generate(int payments, int seed, Split split) => new Book(payments, seed).Write(Name, split, seed);

    private sealed record Country(string Code, string Currency, string[] Surnames, string[] Trades, string[] Forms, string[] InvoiceWords, string[] ShortPayWords, string[] PartialWords);

    private static readonly Country[] Countries =
    [
        new("DE", "EUR", ["Müller", "Schröder", "Weiß", "Jäger", "Köhler", "Krüger", "Größmann", "Bäumer", "Hoffmann", "Schäfer", "Lindström", "Becker"],
            ["Maschinenbau", "Bäckerei", "Metallbau", "Logistik", "Elektrotechnik", "Getränkehandel", "Sanitär", "Druckerei", "Holzbau", "Feinkost"],
            ["GmbH", "GmbH & Co. KG", "AG", "KG", "e.K."],
            ["RE", "Rechnung", "RG-NR.", "Rechnungsnr.", "Re.-Nr.", "Rg"], ["abzgl. 2% Skonto", "abzgl. Skonto", "Abzug Transportschaden", "Preisdifferenz lt. Gutschrift"],
            ["Teilzahlung", "Ratenzahlung 1/2", "Anzahlung"]),
        new("FR", "EUR", ["Lefèvre", "Hébert", "Côté", "Gérard", "Bélanger", "Mérieux", "Dupré", "Lemaître"],
            ["Transports", "Boulangerie", "Électricité", "Menuiserie", "Vins", "Imprimerie"],
            ["S.A.", "S.A.S.", "SARL", "S.A.R.L."],
            ["Facture", "Fact.", "Facture n°", "Règlement facture"], ["moins escompte 2%", "déduction avoir", "moins frais de port"],
            ["Acompte", "Paiement partiel"]),
        new("NL", "EUR", ["Van der Berg", "De Vries", "Van Dijk", "Bakker", "Visser", "Smit", "De Jong"],
            ["Installatietechniek", "Bouw", "Transport", "Groothandel", "Techniek"],
            ["B.V.", "N.V."],
            ["Factuur", "factuurnummer", "fact.nr"], ["minus korting", "min 2% betalingskorting"], ["Deelbetaling"]),
        new("IT", "EUR", ["Niccolò", "Ferrara", "Galli", "Mancini", "Bruno"],
            ["Ferramenta", "Trasporti", "Alimentari", "Costruzioni"],
            ["S.r.l.", "S.p.A."],
            ["Fattura", "Saldo fatt.", "Fatt. n."], ["meno sconto 2%", "detrazione nota credito"], ["Acconto"]),
        new("GB", "GBP", ["Thompson", "Whitfield", "Ashworth", "Pemberton", "Hargreaves", "O'Neill"],
            ["Engineering", "Builders Merchants", "Foods", "Haulage", "Joinery"],
            ["Ltd", "Limited", "plc", "& Sons Ltd"],
            ["Invoice", "Inv", "Our ref", "INV NO"], ["less 2% discount", "less damaged goods", "minus carriage"], ["part payment", "on account"]),
        new("CH", "CHF", ["Zürcher", "Brunner", "Keller", "Gerber", "Schnyder"],
            ["Präzision", "Uhren", "Käserei", "Holzbau"],
            ["AG", "GmbH", "SA"],
            ["Rechnung", "RE", "Facture"], ["abzgl. Skonto", "Abzug Rabatt"], ["Teilzahlung"]),
        new("SE", "SEK", ["Åkesson", "Lindqvist", "Sjöberg", "Hägglund", "Öberg"],
            ["Bygg", "Transport", "Livs", "Verkstad"],
            ["AB", "HB"],
            ["Faktura", "Fakturanr", "Fakt"], ["avdrag rabatt 2%", "minus kreditnota"], ["delbetalning"]),
    ];

    /// <summary>How banks and payers shorten European trade words.</summary>
    private static readonly Dictionary<string, string[]> Abbreviations = new(StringComparer.Ordinal)
    {
        ["masch"] = ["maschinenbau"], ["maschinenb"] = ["maschinenbau"], ["elektrot"] = ["elektrotechnik"], ["ets"] = ["etablissements"],
        ["ste"] = ["societe"], ["install"] = ["installatietechniek"], ["gr"] = ["groothandel"], ["eng"] = ["engineering"],
        ["bldrs"] = ["builders"], ["merch"] = ["merchants"], ["transp"] = ["transports", "transport", "trasporti"],
    };

    private static readonly string[] Contracts = ["Wartungsvertrag", "contrat de maintenance", "onderhoudscontract", "service contract"];

    private enum Habit
    {
        Exact, Spaced, Slip, Several, NameOnly, Skonto, Combination, ShortPay, Partial, OverPay, Po, Belegnummer, Iban,
        Ambiguous, Stranger, NotOurs,
    }

    private static readonly (Habit Habit, int Weight)[] Mix =
    [
        (Habit.Exact, 24), (Habit.Spaced, 7), (Habit.Slip, 6), (Habit.Several, 8), (Habit.NameOnly, 6), (Habit.Skonto, 4), (Habit.Combination, 3),
        (Habit.ShortPay, 8), (Habit.Partial, 3), (Habit.OverPay, 3), (Habit.Po, 3), (Habit.Belegnummer, 3), (Habit.Iban, 5),
        (Habit.Ambiguous, 6), (Habit.Stranger, 6), (Habit.NotOurs, 5),
    ];

    private enum Layout { CamtStructured, CamtUnstructured, Mt940German, Mt940Dutch, Mt940Free }

    private sealed record Firm(string Id, string Name, string Surname, string Trade, Country Country, string Iban);

    /// <summary>What the payer wrote about one document: ours (an invoice or the PO on it) or their own voucher.</summary>
    private sealed record Document(string Written, decimal? Remitted, bool Invoice);

    private sealed record Transfer(Truth Truth, string Currency, decimal Amount, string Debtor, string Iban,
        IReadOnlyList<Document> Documents, string Note, Country? Language);

    private sealed class Book
    {
        private static readonly DateOnly Today = new(2026, 11, 17);
        private readonly Random _r;
        private readonly int _payments;
        private readonly List<Firm> _firms = [];
        private readonly List<OpenInvoice> _invoices = [];
        private readonly Dictionary<string, OpenInvoice> _byNumber = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _learned = new(StringComparer.Ordinal);
        private readonly Ledger _ledger;
        private readonly NameResolver _names;
        private int _reference = 70_000;

        public Book(int payments, int seed)
        {
            _r = new Random(seed);
            _payments = payments;
            var count = Math.Clamp(payments / 3, 30, 12_000);
            var names = new HashSet<string>(StringComparer.Ordinal);
            for (var attempts = 0; _firms.Count < count && attempts < count * 50; attempts++)
            {
                var country = Countries[_r.Weighted([30, 14, 12, 8, 14, 10, 12])];
                var (surname, trade) = (_r.Pick(country.Surnames), _r.Pick(country.Trades));
                var place = _r.Chance(0.35) ? " " + _r.Pick<string>(["Nord", "Süd", "Rhein-Main", "Alpes", "Holland", "Midlands", "Skåne", "Lombardia", "Bayern"]) : "";
                var name = (_r.Chance(0.5) ? $"{trade} {surname}{place}" : $"{surname}{place} {trade}") + " " + _r.Pick(country.Forms);
                if (!names.Add(name)) continue;
                var firm = new Firm($"EU{_firms.Count + 1:D5}", name, surname, trade, country, NewIban(country.Code));
                _firms.Add(firm);
                if (_r.Chance(0.35)) _learned[firm.Iban] = firm.Id;
            }
            var number = _r.Next(4_100_000, 4_800_000);
            foreach (var firm in _firms)
            {
                var scale = firm.Country.Currency == "SEK" ? 10m : 1m;
                var contract = _r.Chance(0.25) ? _r.Pick<decimal>([450m, 1_190m, 595m, 238m, 1_428m]) * scale : (decimal?)null;
                var invoices = 1 + _r.Next(0, 3) + _r.Next(0, 6);
                for (var i = 0; i < invoices; i++)
                {
                    var amount = contract is { } fee && _r.Chance(0.6) ? fee
                        : Math.Round((decimal)Math.Exp(_r.NextDouble() * 6.8 + 3.9) * scale, 2);
                    var due = new DateOnly(2026, 10, 1).AddDays(_r.Next(0, 75));
                    var skonto = _r.Chance(0.4);
                    var invoice = new OpenInvoice($"{firm.Id}-{number}", (number++).ToString(CultureInfo.InvariantCulture), firm.Id, firm.Country.Currency, amount, due,
                        _r.Chance(0.3) ? $"45{_r.Next(10_000_000, 99_999_999)}" : "",
                        skonto ? due.AddDays(-16) : null, skonto ? Math.Round(amount * 0.02m, 2) : null);
                    number += _r.Chance(0.2) ? _r.Next(1, 30) : 0; // other companies of the group bill from the same range
                    _invoices.Add(invoice);
                    _byNumber[invoice.Number] = invoice;
                }
            }
            _ledger = new Ledger(_firms.Select(f => new CustomerName(f.Id, f.Name)).ToList(), _invoices, _learned);
            _names = new NameResolver(_ledger.Context.Customers, Abbreviations);
        }

        private string NewIban(string country) =>
            $"{country}{_r.Next(10, 99)}{_r.NextInt64(1_000_000_000_000_000, 9_999_999_999_999_999)}";

        public LabelledScenario Write(string generator, Split split, int seed)
        {
            var files = new List<LabelledFile>
            {
                Camt("camt054-eur.xml", "08", "EUR", "DE44500105175407324931", Share(0.30)),
                Mt940("mt940-eur-de.sta", "EUR", Layout.Mt940German, Share(0.18)),
                Mt940("mt940-eur-nl.sta", "EUR", Layout.Mt940Dutch, Share(0.12)),
                Camt("camt054-gbp.xml", "02", "GBP", "GB29NWBK60161331926819", Share(0.12)),
                Mt940("mt940-chf.sta", "CHF", Layout.Mt940Free, Share(0.10)),
            };
            files.Add(Camt("camt054-sek.xml", "08", "SEK", "SE4550000000058398257466", _payments - files.Sum(f => f.Credits.Count)));
            return new LabelledScenario(generator, split, seed, _ledger.Context, files);
        }

        private int Share(double share) => (int)Math.Round(_payments * share);

        // ---------- which transfer, and what it means ----------

        private Transfer Next(string currency, Layout layout)
        {
            var weights = Mix.Select(m => Fits(m.Habit, layout) ? m.Weight : 0).ToArray();
            for (var attempt = 0; ; attempt++)
            {
                var transfer = attempt < 60 ? Make(Mix[_r.Weighted(weights)].Habit, currency, layout) : NotOurs(currency);
                if (transfer is null) continue;
                _ledger.Settle(transfer.Truth);
                return transfer;
            }
        }

        private static bool Fits(Habit habit, Layout layout) => habit switch
        {
            // A purpose field of 10 × 27 characters holds a few numbers at most.
            Habit.Several => layout != Layout.Mt940Free,
            // Only structured remittance carries our PO as a document of its own.
            Habit.Po => layout == Layout.CamtStructured,
            _ => true,
        };

        private Transfer? Make(Habit habit, string currency, Layout layout) => habit switch
        {
            Habit.Exact => Named(currency, Category.ExactReference, i => i.Number, "exact"),
            Habit.Spaced => Named(currency, Category.ReformattedReference, Spaced, "spaced or glued"),
            Habit.Slip => Slip(currency, layout),
            Habit.Several => Several(currency),
            Habit.NameOnly => NameOnly(currency, layout, skonto: false),
            Habit.Skonto => NameOnly(currency, layout, skonto: true),
            Habit.Combination => Combination(currency, layout),
            Habit.ShortPay => ShortPay(currency),
            Habit.Partial => Partial(currency),
            Habit.OverPay => OverPay(currency),
            Habit.Po => Po(currency),
            Habit.Belegnummer => Belegnummer(currency, layout),
            Habit.Iban => IbanOnly(currency),
            Habit.Ambiguous => Ambiguous(currency, layout),
            Habit.Stranger => Stranger(currency, layout),
            _ => NotOurs(currency),
        };

        private (Firm Firm, OpenInvoice Invoice)? Pick(string currency, Func<OpenInvoice, bool>? suits = null)
        {
            for (var i = 0; i < 25; i++)
            {
                var firm = _r.Pick(_firms);
                if (firm.Country.Currency != currency) continue;
                var open = _ledger.Untargeted(firm.Id, currency).Where(suits ?? (_ => true)).ToList();
                if (open.Count > 0) return (firm, _r.Pick(open));
            }
            return null;
        }

        private Transfer? Named(string currency, Category category, Func<OpenInvoice, string> write, string habit)
        {
            if (Pick(currency) is not (var firm, var invoice)) return null;
            var open = _ledger.Open(invoice);
            return Paying(firm, category, open, [new(write(invoice), open, true)], "", habit, (invoice, open));
        }

        /// <summary>"41 27 305", "4127-305", "RE4127305": still only this number to a person.</summary>
        private string Spaced(OpenInvoice invoice) => _r.Next(4) switch
        {
            0 => $"{invoice.Number[..2]} {invoice.Number[2..4]} {invoice.Number[4..]}",
            1 => $"{invoice.Number[..4]}-{invoice.Number[4..]}",
            2 => $"RE{invoice.Number}",
            _ => $"Nr.{invoice.Number}",
        };

        /// <summary>A slipped number that is none of ours, from a firm a person recognises, for the only open item of exactly that amount.</summary>
        private Transfer? Slip(string currency, Layout layout)
        {
            if (Pick(currency, i => _ledger.Open(i) == i.OpenAmount) is not (var firm, var invoice)) return null;
            if (_ledger.SameAmount(firm.Id, currency, invoice.OpenAmount) != 1) return null;
            var digits = invoice.Number.ToList();
            var at = _r.Next(1, digits.Count - 1);
            var kind = _r.Next(4);
            switch (kind)
            {
                case 0 when digits[at] != digits[at + 1]: (digits[at], digits[at + 1]) = (digits[at + 1], digits[at]); break;
                case 1: digits[at] = (char)('0' + (digits[at] - '0' + 1 + _r.Next(9)) % 10); break;
                case 2: digits.RemoveAt(at); break;
                case 3: digits.Insert(at, (char)('0' + _r.Next(10))); break;
                default: return null;
            }
            var written = new string([.. digits]);
            if (_byNumber.ContainsKey(written)) return null;
            var transfer = Paying(firm, Category.SlippedReference, invoice.OpenAmount, [new(written, invoice.OpenAmount, true)], "",
                new[] { "swapped digits", "wrong digit", "missing digit", "extra digit" }[kind], (invoice, invoice.OpenAmount));
            return Recognised(transfer, firm, layout) ? transfer : null;
        }

        private Transfer? Several(string currency)
        {
            for (var i = 0; i < 10; i++)
            {
                var firm = _r.Pick(_firms);
                var open = _ledger.Untargeted(firm.Id, currency).ToList();
                if (firm.Country.Currency != currency || open.Count < 2) continue;
                var paid = open.OrderBy(_ => _r.Next()).Take(_r.Next(2, Math.Min(open.Count, 3) + 1)).Select(inv => (inv, _ledger.Open(inv))).ToArray();
                return Paying(firm, Category.SeveralReferences, paid.Sum(p => p.Item2), [.. paid.Select(p => new Document(p.inv.Number, p.Item2, true))], "",
                    $"{paid.Length} numbers", paid);
            }
            return null;
        }

        /// <summary>
        /// No number at all: a firm a person recognises by name and the one open item the amount
        /// fits — in full, or less its Skonto when paid in time (then no other item, in full or
        /// less its own Skonto, may fit).
        /// </summary>
        private Transfer? NameOnly(string currency, Layout layout, bool skonto)
        {
            if (Pick(currency, i => _ledger.Open(i) == i.OpenAmount && (!skonto || (i.DiscountAmount is not null && i.DiscountDate >= Today)))
                is not (var firm, var invoice)) return null;
            var amount = skonto ? invoice.OpenAmount - invoice.DiscountAmount!.Value : invoice.OpenAmount;
            var fits = _ledger.OpenOf(firm.Id, currency).Count(i => _ledger.Open(i) == amount
                || (i.DiscountAmount is { } d && i.DiscountDate >= Today && _ledger.Open(i) == i.OpenAmount && i.OpenAmount - d == amount));
            if (fits != 1 || _ledger.Combinations(firm.Id, currency, amount, 1) != 0) return null;
            var transfer = Paying(firm, Category.NameAndUniqueAmount, amount, [], skonto ? "abzgl. Skonto" : _r.Pick<string>(["Zahlung", "Paiement", "Betaling", "Payment", ""]),
                skonto ? "Skonto, no number" : "no number", (invoice, amount)) with { Iban = "" };
            return _names.Identify(Debtor(transfer, layout)) == firm.Id ? transfer : null;
        }

        private Transfer? Combination(string currency, Layout layout)
        {
            for (var i = 0; i < 10; i++)
            {
                var firm = _r.Pick(_firms);
                var open = _ledger.Untargeted(firm.Id, currency).Where(inv => _ledger.Open(inv) == inv.OpenAmount).ToList();
                if (firm.Country.Currency != currency || open.Count < 3) continue;
                var paid = open.OrderBy(_ => _r.Next()).Take(_r.Next(2, 4)).ToList();
                var amount = paid.Sum(p => p.OpenAmount);
                if (_ledger.SameAmount(firm.Id, currency, amount) != 0 || _ledger.Combinations(firm.Id, currency, amount) != 1) continue;
                var transfer = Paying(firm, Category.UniqueCombination, amount, [], "Sammelzahlung", $"{paid.Count} items", [.. paid.Select(p => (p, p.OpenAmount))]);
                if (Recognised(transfer, firm, layout)) return transfer;
            }
            return null;
        }

        private Transfer? ShortPay(string currency)
        {
            if (Pick(currency, i => _ledger.Open(i) == i.OpenAmount && i.OpenAmount > 100m) is not (var firm, var invoice)) return null;
            var reason = _r.Pick(firm.Country.ShortPayWords);
            var deducted = reason.Contains('2') ? Math.Round(invoice.OpenAmount * 0.02m, 2) : Math.Round(invoice.OpenAmount * (decimal)(0.03 + _r.NextDouble() * 0.12), 2);
            var paid = invoice.OpenAmount - deducted;
            return Paying(firm, Category.ShortPayWithReason, paid, [new(invoice.Number, paid, true)], reason, reason, (invoice, paid));
        }

        private Transfer? Partial(string currency)
        {
            if (Pick(currency, i => _ledger.Open(i) == i.OpenAmount && i.OpenAmount > 300m) is not (var firm, var invoice)) return null;
            var paid = Math.Round(invoice.OpenAmount / _r.Next(2, 5), 0);
            return Paying(firm, Category.PartialPayment, paid, [new(invoice.Number, paid, true)], _r.Pick(firm.Country.PartialWords), "instalment", (invoice, paid));
        }

        private Transfer? OverPay(string currency)
        {
            if (Pick(currency) is not (var firm, var invoice)) return null;
            var open = _ledger.Open(invoice);
            var extra = _r.Chance(0.5) ? 5m : Math.Round(open * 0.19m, 2);
            return Paying(firm, Category.OverPay, open + extra, [new(invoice.Number, open + extra, true)],
                extra == 5m ? "inkl. Mahngebühr" : "", extra == 5m ? "dunning fee added" : "VAT paid twice", (invoice, open));
        }

        private Transfer? Po(string currency)
        {
            if (Pick(currency, i => i.PoNumber.Length > 0) is not (var firm, var invoice)) return null;
            var open = _ledger.Open(invoice);
            return Paying(firm, Category.PoOrVoucherReference, open, [new(invoice.PoNumber, open, false)], "", "PO as document", (invoice, open));
        }

        /// <summary>The payer's own Belegnummer, which names nothing of ours: only the name and a unique amount identify the invoice.</summary>
        private Transfer? Belegnummer(string currency, Layout layout)
        {
            if (Pick(currency, i => _ledger.Open(i) == i.OpenAmount && _ledger.OnlyFit(i)) is not (var firm, var invoice)) return null;
            var voucher = $"{_r.Pick<string>(["Beleg ", "Belegnr. ", "Zahlungsavis ", "Pièce "])}51{_r.Next(10_000_000, 99_999_999)}";
            var transfer = Paying(firm, Category.PoOrVoucherReference, invoice.OpenAmount, [new(voucher, invoice.OpenAmount, false)], "", "their voucher",
                (invoice, invoice.OpenAmount)) with { Iban = "" };
            return _names.Identify(Debtor(transfer, layout)) == firm.Id ? transfer : null;
        }

        /// <summary>A learned IBAN and no name a person could use (the AP department, or none), for the only open item of the amount.</summary>
        private Transfer? IbanOnly(string currency)
        {
            if (Pick(currency, i => _ledger.Open(i) == i.OpenAmount && _ledger.OnlyFit(i)) is not (var firm, var invoice)) return null;
            if (!_learned.ContainsKey(firm.Iban)) return null;
            return Paying(firm, Category.LearnedAccount, invoice.OpenAmount, [], "", "IBAN only", (invoice, invoice.OpenAmount))
                with { Debtor = _r.Pick<string>(["", "Kreditorenbuchhaltung", "Service Comptabilité Fournisseurs"]), Iban = firm.Iban };
        }

        private Transfer? Ambiguous(string currency, Layout layout)
        {
            for (var i = 0; i < 25; i++)
            {
                var firm = _r.Pick(_firms);
                if (firm.Country.Currency != currency) continue;
                var twins = _ledger.OpenOf(firm.Id, currency).GroupBy(inv => _ledger.Open(inv)).FirstOrDefault(g => g.Count() > 1);
                if (twins is null) continue;
                var transfer = new Transfer(Truth.NotIdentifiable(Category.AmbiguousAmount, $"{twins.Count()} items of the amount"), currency, twins.Key,
                    Written(firm), _r.Chance(0.5) ? firm.Iban : "", [], _r.Pick(Contracts), firm.Country);
                if (Recognised(transfer, firm, layout)) return transfer;
            }
            return null;
        }

        /// <summary>Someone not on our list, often a namesake in another trade, sometimes paying what a customer owes.</summary>
        private Transfer? Stranger(string currency, Layout layout)
        {
            var namesake = _r.Pick(_firms);
            var trade = _r.Pick(_r.Pick(Countries).Trades);
            if (namesake.Trade == trade) return null;
            var name = $"{namesake.Surname} {trade} {_r.Pick(namesake.Country.Forms)}";
            var owed = _ledger.OpenOf(namesake.Id, currency).Select(i => _ledger.Open(i)).ToList();
            var amount = owed.Count > 0 && _r.Chance(0.5) ? _r.Pick(owed) : Math.Round((decimal)(_r.NextDouble() * 3_000 + 10), 2);
            var transfer = new Transfer(Truth.NotIdentifiable(Category.Stranger, "namesake in another trade"), currency, amount, Transliterated(name),
                NewIban(namesake.Country.Code), _r.Chance(0.3) ? [new($"{_r.Next(1_000, 999_999)}", amount, true)] : [], "", namesake.Country);
            return _names.Candidates(Debtor(transfer, layout)).Count == 0 ? transfer : null;
        }

        private Transfer NotOurs(string currency)
        {
            var amount = Math.Round((decimal)(_r.NextDouble() * 2_500 + 1), 2);
            var (debtor, note) = _r.Next(4) switch
            {
                0 => ("Finanzamt München", "Erstattung Umsatzsteuer 09/2026"),
                1 => ("Nordwind Handels GmbH", $"Umbuchung von Konto {_r.Next(100_000, 999_999)}"),
                2 => ("", "Zinsgutschrift Q3"),
                _ => ($"{_r.Pick(Countries).Surnames[0]} Bürobedarf GmbH", $"Gutschrift zu Ihrer Bestellung {_r.Next(10_000, 99_999)} Rechnung {_r.Next(100_000, 999_999)}"),
            };
            return new Transfer(Truth.NotIdentifiable(Category.NonCustomerCredit, note.Split(' ')[0]), currency, amount, debtor, NewIban("DE"), [], note, null);
        }

        private Transfer Paying(Firm firm, Category category, decimal amount, IReadOnlyList<Document> documents, string note, string habit,
            params (OpenInvoice Invoice, decimal Cash)[] truth) =>
            new(new Truth(category, firm.Id, [.. truth.Select(t => new TruthLine(t.Invoice.Id, t.Cash))], habit), firm.Country.Currency, amount,
                Written(firm), _r.Chance(0.85) ? firm.Iban : "", documents, note, firm.Country);

        /// <summary>The name as a European bank passes it on: transliterated or stripped of accents, "&amp;" gone, sometimes upper-cased, trade and name swapped.</summary>
        private string Written(Firm firm)
        {
            var name = firm.Name;
            if (_r.Chance(0.3)) name = name.Replace($"{firm.Trade} {firm.Surname}", $"{firm.Surname} {firm.Trade}");
            name = name.Replace(" & ", _r.Pick<string>([" + ", " U. ", " "]));
            if (_r.Chance(0.6)) name = Transliterated(name);
            return _r.Chance(0.5) ? name.ToUpperInvariant() : name;
        }

        private string Transliterated(string name) => _r.Chance(0.5)
            ? name.Replace("ä", "ae").Replace("ö", "oe").Replace("ü", "ue").Replace("Ä", "Ae").Replace("Ö", "Oe").Replace("Ü", "Ue").Replace("ß", "ss").Replace("å", "aa").Replace("Å", "Aa")
            : new string(name.Replace("ß", "ss").Normalize(System.Text.NormalizationForm.FormD)
                .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray());

        /// <summary>The debtor's name as the layout will carry it (MT940 subfields hold 54 characters).</summary>
        private static string Debtor(Transfer transfer, Layout layout) =>
            layout == Layout.Mt940German && transfer.Debtor.Length > 54 ? transfer.Debtor[..54] : transfer.Debtor;

        private bool Recognised(Transfer transfer, Firm firm, Layout layout) =>
            _names.Identify(Debtor(transfer, layout)) == firm.Id || _learned.GetValueOrDefault(transfer.Iban) == firm.Id;

        // ---------- how the banks write them ----------

        /// <summary>The purpose text in the payer's language: a word for invoice (or none) before each number, then the note.</summary>
        private string Purpose(Transfer transfer)
        {
            var words = new List<string>();
            var language = transfer.Language ?? Countries[0];
            foreach (var document in transfer.Documents)
                words.Add(!document.Invoice || document.Written.StartsWith("RE", StringComparison.Ordinal) || _r.Chance(0.15)
                    ? document.Written
                    : $"{_r.Pick(language.InvoiceWords)} {document.Written}");
            if (transfer.Note.Length > 0) words.Add(transfer.Note);
            if (transfer.Language is not null && _r.Chance(0.25)) words.Insert(0, _r.Pick<string>([$"Kd-Nr {_r.Next(10_000, 99_999)}", $"Lieferung vom {_r.Next(1, 28):D2}.10.", "Vielen Dank", "Merci"]));
            return string.Join(" ", words);
        }

        private LabelledFile Camt(string name, string version, string currency, string iban, int count)
        {
            var entries = new List<CamtEntry>();
            var truths = new List<Truth>();
            while (truths.Count < count)
            {
                // A SEPA batch books several credits as one entry with a detail each.
                var size = Math.Min(count - truths.Count, _r.Chance(0.15) ? _r.Next(2, 5) : 1);
                var transactions = new List<CamtTransaction>();
                for (var i = 0; i < size; i++)
                {
                    var structured = _r.Chance(0.45);
                    var transfer = Next(currency, structured ? Layout.CamtStructured : Layout.CamtUnstructured);
                    transactions.Add(CamtTransaction(transfer, structured));
                    truths.Add(transfer.Truth);
                }
                entries.Add(new CamtEntry($"E{_reference++}", transactions));
                if (_r.Chance(0.08))
                    entries.Add(new CamtEntry($"E{_reference++}", [new(Math.Round((decimal)(_r.NextDouble() * 900 + 5), 2), false, "", "", "", "", ["Lastschrift Miete"], [])]));
            }
            return new LabelledFile(name, BankFileFormat.Camt054, CamtWriter.Write(version, iban, currency, Today, entries), truths);
        }

        private CamtTransaction CamtTransaction(Transfer transfer, bool structured)
        {
            var end = _r.Chance(0.5) ? $"E2E{_reference++}" : "";
            if (!structured)
                return new(transfer.Amount, true, end, transfer.Debtor, transfer.Iban, "", Lines(Purpose(transfer)), []);
            // Structured: our documents as referred documents (invoices CINV, the PO PUOR), or one as the creditor reference; the rest in words.
            var ours = transfer.Documents.Where(d => d.Invoice || d.Written.StartsWith("45", StringComparison.Ordinal)).ToList();
            var creditorReference = ours.Count == 1 && ours[0].Invoice && _r.Chance(0.2) ? ours[0].Written : "";
            var documents = creditorReference.Length > 0 ? [] : ours.Select(d => new CamtDocument(d.Invoice ? "CINV" : "PUOR", d.Written, d.Remitted)).ToList();
            var words = transfer.Documents.Except(ours).Select(d => d.Written).Append(transfer.Note).Where(w => w.Length > 0).ToList();
            return new(transfer.Amount, true, end, transfer.Debtor, transfer.Iban, "",
                words.Count > 0 ? Lines(string.Join(" ", words)) : [], documents, creditorReference);
        }

        /// <summary>Ustrd lines of at most 140 characters.</summary>
        private static List<string> Lines(string text)
        {
            var lines = new List<string>();
            for (var i = 0; i < text.Length; i += 140) lines.Add(text.Substring(i, Math.Min(140, text.Length - i)).Trim());
            return lines;
        }

        private LabelledFile Mt940(string name, string currency, Layout layout, int count)
        {
            var entries = new List<Mt940Entry>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var transfer = Next(currency, layout);
                var purpose = Purpose(transfer).Replace("?", "").Replace("/", " ");
                var details = layout switch
                {
                    Layout.Mt940German => Mt940Writer.GermanSubfields(_r.Pick<string>(["166", "051", "052"]), "GUTSCHRIFT", Sepa(purpose), "COBADEFFXXX",
                        transfer.Iban, Debtor(transfer, layout)),
                    Layout.Mt940Dutch => Mt940Writer.DutchFields(transfer.Iban, transfer.Debtor.Replace("/", " "), purpose, "NOTPROVIDED"),
                    _ => Mt940Writer.FreeText(string.Join(" ", new[]
                    {
                        "GIRO", transfer.Debtor.Length > 0 ? _r.Pick<string>(["AUFTRAGGEBER:", "ORDERING CUSTOMER:", "DONNEUR D'ORDRE:"]) + " " + transfer.Debtor : "",
                        transfer.Iban.Length > 0 ? "IBAN " + transfer.Iban : "", "MITTEILUNG:", purpose,
                    }.Where(w => w.Length > 0))),
                };
                entries.Add(new Mt940Entry(transfer.Amount, true, "NTRF", "NONREF", $"{_reference++}", details));
                truths.Add(transfer.Truth);
                if (_r.Chance(0.08))
                    entries.Add(new Mt940Entry(Math.Round((decimal)(_r.NextDouble() * 800 + 5), 2), false, "NMSC", "NONREF", $"{_reference++}",
                        Mt940Writer.FreeText("Kontofuehrungsgebuehr")));
            }
            return new LabelledFile(name, BankFileFormat.Mt940, Mt940Writer.Write(layout == Layout.Mt940Dutch ? "NL91RABO0417164300" : "DE89370400440532013000", currency, Today, 250_000m, entries), truths);
        }

        /// <summary>The purpose as SEPA carries it: the "SVWZ+" tag before the payer's words, as German banks show it.</summary>
        private string Sepa(string purpose) => _r.Chance(0.5) ? $"EREF+NOTPROVIDED SVWZ+{purpose}" : purpose;
    }
}
