using System.Globalization;
using ArPlatform.Bench.Matching.BankFiles;
using ArPlatform.Bench.Matching.Labelling;
using ArPlatform.CashApplication.BankFiles;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Generators;

/// <summary>
/// A supplier to multinational groups. Its customers are the groups' subsidiaries ("Kaiyo
/// Chemicals Europe GmbH", "Kaiyo Japan K.K."), but the money comes from the groups' payment
/// factories and shared service centres, whose names wire systems cut at 35 characters ("KAIYO
/// GLOBAL BUSINESS SERVICES CENTRE"), sometimes naming the subsidiary as ultimate debtor, often
/// not. The factory's account is learned for whichever subsidiary was confirmed last. Our
/// selling entities number their invoices "AB/26/00417", each its own sequence, so "26/00417"
/// and "417" name several. Payments arrive as camt.054 in JPY (no decimals) and EUR, BAI2 wires
/// (ORG, OBI cut into 35-character pieces), MT940 free text and a USD lockbox; international
/// wires arrive short by bank charges or withholding tax.
/// </summary>
public sealed class GroupPayerGenerator : IScenarioGenerator
{
    public string Name => "group-payers";

    /// <summary>Never tuned on: the held-out world.</summary>
    public bool HeldOutOnly => true;

    public LabelledScenario Generate(int payments, int seed, Split split) => new Receivables(payments, seed).Write(Name, split, seed);

    private static readonly string[] Brands =
    [
        "Kaiyo", "Nordhavn", "Ostara", "Veridian", "Solenne", "Tamsin", "Halvard", "Quorra", "Belmonte", "Ishikawa", "Marlowe", "Corvina",
        "Altamira", "Brightwater", "Castellan", "Dunmore",
    ];
    private static readonly (string Activity, string Country, string Currency, string Form)[] Subsidiaries =
    [
        ("Chemicals Europe", "DE", "EUR", "GmbH"), ("Japan", "JP", "JPY", "K.K."), ("Polymers", "US", "USD", "Inc."), ("Trading", "JP", "JPY", "Co., Ltd."),
        ("Industrial Solutions", "FR", "EUR", "S.A.S."), ("Components", "US", "USD", "LLC"), ("Precision Japan", "JP", "JPY", "Corporation"),
        ("Benelux", "NL", "EUR", "B.V."), ("Materials Americas", "US", "USD", "Corp."), ("Iberia", "ES", "EUR", "S.L."),
    ];
    private static readonly string[] Factories =
    [
        "{0} GLOBAL BUSINESS SERVICES CENTRE", "{0} SHARED SERVICES CENTRE EUROPE SP. Z O.O.", "{0} TREASURY SERVICES B.V.",
        "{0} PAYMENT FACTORY (NETHERLANDS) B.V.", "{0} GROUP FINANCE SHARED SERVICES LIMITED",
    ];
    private static readonly string[] Entities = ["AB", "CD", "EF", "GH"];

    private enum Way { Exact, Compact, Slip, Batch, Ultimate, Combination, Charges, Withholding, OverPay, Learned, FactoryOnly, Stranger, Treasury }

    private static readonly (Way Way, int Weight)[] Mix =
    [
        (Way.Exact, 18), (Way.Compact, 9), (Way.Slip, 5), (Way.Batch, 14), (Way.Ultimate, 8), (Way.Combination, 3), (Way.Charges, 6),
        (Way.Withholding, 4), (Way.OverPay, 2), (Way.Learned, 6), (Way.FactoryOnly, 10), (Way.Stranger, 6), (Way.Treasury, 6),
    ];

    private enum Rail { Camt, Wire, Mt940, Lockbox }

    private sealed record Subsidiary(string Id, string Name, string Currency, string Account);

    private sealed record Group(string Brand, string Factory, string FactoryAccount, List<Subsidiary> Members);

    /// <summary>A payment as the group's treasury releases it.</summary>
    private sealed record Release(Truth Truth, decimal Amount, string Payer, string PayerAccount, string OnBehalfOf,
        IReadOnlyList<(string Reference, decimal? Amount)> References, string Words);

    private sealed class Receivables
    {
        private static readonly DateOnly Today = new(2026, 11, 18);
        private readonly Random _r;
        private readonly int _payments;
        private readonly List<Group> _groups = [];
        private readonly List<Subsidiary> _subsidiaries = [];
        private readonly List<OpenInvoice> _invoices = [];
        /// <summary>Our invoice numbers as a person reads them: entity, year and sequence; or year and sequence; or sequence.</summary>
        private readonly Dictionary<string, List<OpenInvoice>> _read = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string> _learned = new(StringComparer.Ordinal);
        private readonly Ledger _ledger;
        private readonly NameResolver _names;
        private int _sequence;

        public Receivables(int payments, int seed)
        {
            _r = new Random(seed);
            _payments = payments;
            var groups = Math.Clamp(payments / 25, 6, 2_000);
            for (var g = 0; g < groups; g++)
            {
                // Brands repeat across groups in a large world: a regional suffix tells them apart.
                var brand = Brands[g % Brands.Length] + (g < Brands.Length ? "" : $" {(char)('A' + g / Brands.Length % 26)}{g / Brands.Length}");
                var group = new Group(brand, string.Format(CultureInfo.InvariantCulture, _r.Pick(Factories), brand.ToUpperInvariant()), $"NL{_r.Next(10, 99)}INGB{_r.NextInt64(1_000_000_000, 9_999_999_999)}", []);
                foreach (var (activity, country, currency, form) in Subsidiaries.OrderBy(_ => _r.Next()).Take(_r.Next(2, 6)))
                {
                    var member = new Subsidiary($"GP{_subsidiaries.Count + 1:D5}", $"{brand} {activity} {form}", currency,
                        $"{country}{_r.Next(10, 99)}{_r.NextInt64(100_000_000_000, 999_999_999_999)}");
                    group.Members.Add(member);
                    _subsidiaries.Add(member);
                    if (_r.Chance(0.3)) _learned[member.Account] = member.Id;
                }
                // The factory's account was learned from the last subsidiary a person confirmed it for.
                if (_r.Chance(0.6)) _learned[group.FactoryAccount] = _r.Pick(group.Members).Id;
                _groups.Add(group);
            }
            var sequences = Entities.ToDictionary(e => e, _ => _r.Next(100, 2_000));
            foreach (var member in _subsidiaries)
            {
                var count = _r.Next(2, 12);
                for (var i = 0; i < count; i++)
                {
                    var entity = _r.Pick(Entities);
                    var number = sequences[entity]++;
                    var amount = member.Currency == "JPY"
                        ? Math.Round((decimal)Math.Exp(_r.NextDouble() * 5 + 10) / 1_000m, 0) * 1_000m
                        : Math.Round((decimal)Math.Exp(_r.NextDouble() * 5.5 + 5.5), 2);
                    var invoice = new OpenInvoice($"{member.Id}-{entity}{number}", $"{entity}/26/{number:D5}", member.Id, member.Currency, amount,
                        Today.AddDays(_r.Next(-60, 45)));
                    _invoices.Add(invoice);
                    foreach (var key in new[] { $"{entity}26{number}", $"26{number}", $"{number}", $"{entity}{number}" })
                    {
                        if (!_read.TryGetValue(key, out var list)) _read[key] = list = [];
                        list.Add(invoice);
                    }
                }
            }
            _sequence = _r.Next(10_000, 90_000);
            _ledger = new Ledger(_subsidiaries.Select(s => new CustomerName(s.Id, s.Name)).ToList(), _invoices, _learned);
            _names = new NameResolver(_ledger.Context.Customers, new Dictionary<string, string[]>(StringComparer.Ordinal)
            {
                ["chem"] = ["chemicals"], ["eur"] = ["europe"], ["ind"] = ["industrial"], ["sol"] = ["solutions"], ["comp"] = ["components"],
                ["mat"] = ["materials"], ["amer"] = ["americas"], ["prec"] = ["precision"], ["jpn"] = ["japan"], ["kk"] = ["k"],
            });
        }

        public LabelledScenario Write(string generator, Split split, int seed)
        {
            var files = new List<LabelledFile>
            {
                Camt("camt054-jpy.xml", "JPY", Share(0.25)),
                Bai2Wires("bai2-wires-usd.txt", "USD", Share(0.22)),
                Mt940("mt940-eur.sta", "EUR", Share(0.20)),
                Camt("camt054-eur.xml", "EUR", Share(0.18)),
            };
            files.Add(Lockbox("lockbox-usd.csv", _payments - files.Sum(f => f.Credits.Count)));
            return new LabelledScenario(generator, split, seed, _ledger.Context, files);
        }

        private int Share(double share) => (int)Math.Round(_payments * share);

        // ---------- the group's payments, and their truth ----------

        private Release Next(string currency, Rail rail)
        {
            for (var attempt = 0; ; attempt++)
            {
                var way = Mix[_r.Weighted([.. Mix.Select(m => Allowed(m.Way, rail) ? m.Weight : 0)])].Way;
                var release = attempt < 60 ? Make(way, currency, rail) : Treasury(currency);
                if (release is null) continue;
                _ledger.Settle(release.Truth);
                return release;
            }
        }

        private static bool Allowed(Way way, Rail rail) => way switch
        {
            // Only camt names the subsidiary as ultimate debtor; a lockbox has no words for charges or tax.
            Way.Ultimate => rail == Rail.Camt,
            Way.Charges or Way.Withholding => rail != Rail.Lockbox,
            _ => true,
        };

        private Release? Make(Way way, string currency, Rail rail) => way switch
        {
            Way.Exact => Referenced(currency, rail, Category.ExactReference, i => i.Number, "as issued"),
            Way.Compact => Referenced(currency, rail, Category.ReformattedReference, Compact, "compacted"),
            Way.Slip => Slip(currency, rail),
            Way.Batch => Batch(currency, rail),
            Way.Ultimate => Ultimate(currency),
            Way.Combination => Combination(currency, rail),
            Way.Charges => Deducted(currency, rail, charges: true),
            Way.Withholding => Deducted(currency, rail, charges: false),
            Way.OverPay => OverPay(currency, rail),
            Way.Learned => Learned(currency, rail),
            Way.FactoryOnly => FactoryOnly(currency, rail),
            Way.Stranger => Stranger(currency, rail),
            _ => Treasury(currency),
        };

        private (Group Group, Subsidiary Member, OpenInvoice Invoice)? Owed(string currency, Func<OpenInvoice, bool>? suits = null)
        {
            for (var i = 0; i < 30; i++)
            {
                var group = _r.Pick(_groups);
                var member = _r.Pick(group.Members);
                if (member.Currency != currency) continue;
                var open = _ledger.Untargeted(member.Id, currency).Where(suits ?? (_ => true)).ToList();
                if (open.Count > 0) return (group, member, _r.Pick(open));
            }
            return null;
        }

        /// <summary>How a person reads a written number: the invoices it could be.</summary>
        private List<OpenInvoice> Read(string written)
        {
            var compact = new string([.. written.Where(char.IsLetterOrDigit)]).ToUpperInvariant();
            var entity = compact.Length > 2 && char.IsLetter(compact[0]) && char.IsLetter(compact[1]) ? compact[..2] : "";
            var digits = compact[entity.Length..];
            if (digits.Length == 0 || !digits.All(char.IsAsciiDigit)) return [];
            var key = digits.Length > 2 && digits.StartsWith("26", StringComparison.Ordinal)
                ? $"{entity}26{int.Parse(digits[2..], CultureInfo.InvariantCulture)}"
                : $"{entity}{int.Parse(digits, CultureInfo.InvariantCulture)}";
            return _read.GetValueOrDefault(key) ?? [];
        }

        /// <summary>"AB2600417", "AB 26 417", "26/00417", "00417": a form only this invoice answers to, or null.</summary>
        private string? Compact(OpenInvoice invoice)
        {
            var (entity, number) = (invoice.Number[..2], invoice.Number[6..]);
            string[] forms = [$"{entity}26{number}", $"{entity} 26 {int.Parse(number, CultureInfo.InvariantCulture)}", $"26/{number}", number, $"{entity}-{number}"];
            var unique = forms.Where(f => Read(f) is [var only] && only == invoice).ToList();
            return unique.Count > 0 ? _r.Pick(unique) : null;
        }

        private Release? Referenced(string currency, Rail rail, Category category, Func<OpenInvoice, string?> write, string habit)
        {
            if (Owed(currency) is not (var group, var member, var invoice) || write(invoice) is not { } written) return null;
            var open = _ledger.Open(invoice);
            return FromFactory(group, member, rail, category, open, [(written, open)], "", habit, (invoice, open));
        }

        /// <summary>A slipped number no invoice answers to, confirmed by the exact amount and a payer a person knows to be the subsidiary.</summary>
        private Release? Slip(string currency, Rail rail)
        {
            if (Owed(currency, i => _ledger.Open(i) == i.OpenAmount) is not (var group, var member, var invoice)) return null;
            if (_ledger.SameAmount(member.Id, currency, invoice.OpenAmount) != 1) return null;
            var digits = invoice.Number[6..].ToList();
            var at = _r.Next(digits.Count - 1);
            if (digits[at] == digits[at + 1]) return null;
            (digits[at], digits[at + 1]) = (digits[at + 1], digits[at]);
            var written = $"{invoice.Number[..6]}{new string([.. digits])}";
            if (Read(written).Count > 0) return null;
            // Only the subsidiary's own account or name makes the payer certain: the factory pays for all of them.
            var release = new Release(new(Category.SlippedReference, member.Id, [new(invoice.Id, invoice.OpenAmount)], "swapped digits"), invoice.OpenAmount,
                Wired(member.Name, rail), member.Account, "", [(written, invoice.OpenAmount)], "");
            return _names.Identify(release.Payer) == member.Id || _learned.GetValueOrDefault(release.PayerAccount) == member.Id ? release : null;
        }

        /// <summary>The factory's run: many invoices of one subsidiary in one payment, each with what is paid on it.</summary>
        private Release? Batch(string currency, Rail rail)
        {
            for (var i = 0; i < 15; i++)
            {
                var group = _r.Pick(_groups);
                var member = _r.Pick(group.Members);
                var open = _ledger.Untargeted(member.Id, currency).ToList();
                if (member.Currency != currency || open.Count < 2) continue;
                var paid = open.OrderBy(_ => _r.Next()).Take(_r.Next(2, Math.Min(open.Count, 8) + 1)).Select(inv => (inv, _ledger.Open(inv))).ToArray();
                var references = paid.Select(p => (Compact(p.inv) is { } c && _r.Chance(0.3) ? c : p.inv.Number, (decimal?)p.Item2)).ToList();
                return FromFactory(group, member, rail, Category.SeveralReferences, paid.Sum(p => p.Item2), references, "", $"{paid.Length} invoices", paid);
            }
            return null;
        }

        /// <summary>No reference, but the subsidiary named as ultimate debtor and the only open item of the amount.</summary>
        private Release? Ultimate(string currency)
        {
            if (Owed(currency, i => _ledger.Open(i) == i.OpenAmount && _ledger.OnlyFit(i)) is not (var group, var member, var invoice)) return null;
            var release = FromFactory(group, member, Rail.Camt, Category.NameAndUniqueAmount, invoice.OpenAmount, [], "", "ultimate debtor", (invoice, invoice.OpenAmount))
                with { OnBehalfOf = Wired(member.Name, Rail.Camt) };
            return _names.Identify(release.OnBehalfOf) == member.Id && _learned.GetValueOrDefault(release.PayerAccount) != member.Id ? release : null;
        }

        private Release? Combination(string currency, Rail rail)
        {
            for (var i = 0; i < 15; i++)
            {
                var member = _r.Pick(_subsidiaries);
                var open = _ledger.Untargeted(member.Id, currency).Where(inv => _ledger.Open(inv) == inv.OpenAmount).ToList();
                if (member.Currency != currency || open.Count < 3) continue;
                var paid = open.OrderBy(_ => _r.Next()).Take(2).ToList();
                var amount = paid.Sum(p => p.OpenAmount);
                if (_ledger.SameAmount(member.Id, currency, amount) != 0 || _ledger.Combinations(member.Id, currency, amount) != 1) continue;
                var release = new Release(new(Category.UniqueCombination, member.Id, [.. paid.Select(p => new TruthLine(p.Id, p.OpenAmount))], "subsidiary pays itself"),
                    amount, Wired(member.Name, rail), member.Account, "", [], "");
                if (_names.Identify(release.Payer) == member.Id || _learned.GetValueOrDefault(release.PayerAccount) == member.Id) return release;
            }
            return null;
        }

        /// <summary>An international wire short by the banks' charges, or by tax withheld at source, and saying so.</summary>
        private Release? Deducted(string currency, Rail rail, bool charges)
        {
            if (Owed(currency, i => _ledger.Open(i) == i.OpenAmount && i.OpenAmount > (currency == "JPY" ? 100_000m : 500m)) is not (var group, var member, var invoice))
                return null;
            var deducted = charges
                ? currency == "JPY" ? _r.Pick<decimal>([1_500m, 2_500m, 4_000m]) : _r.Pick<decimal>([15m, 20m, 25m, 35m])
                : currency == "JPY" ? Math.Round(invoice.OpenAmount * 0.1021m, 0) : Math.Round(invoice.OpenAmount * 0.10m, 2);
            var paid = invoice.OpenAmount - deducted;
            var words = charges ? _r.Pick<string>(["LESS BANK CHARGES", "CHARGES DEDUCTED BY INTERMEDIARY", "/CHGS/ BEN"]) : _r.Pick<string>(["LESS WHT 10%", "WITHHOLDING TAX DEDUCTED"]);
            return FromFactory(group, member, rail, Category.ShortPayWithReason, paid, [(invoice.Number, paid)], words, charges ? "bank charges" : "withholding tax", (invoice, paid));
        }

        private Release? OverPay(string currency, Rail rail)
        {
            if (Owed(currency) is not (var group, var member, var invoice)) return null;
            var open = _ledger.Open(invoice);
            var paid = currency == "JPY" ? open + 10_000m : Math.Ceiling(open / 1_000m) * 1_000m;
            return paid == open ? null
                : FromFactory(group, member, rail, Category.OverPay, paid, [(invoice.Number, paid)], "", "rounded up", (invoice, open));
        }

        /// <summary>A subsidiary paying from its own learned account, with no name a person could use and no reference.</summary>
        private Release? Learned(string currency, Rail rail)
        {
            if (Owed(currency, i => _ledger.Open(i) == i.OpenAmount && _ledger.OnlyFit(i)) is not (_, var member, var invoice)) return null;
            if (!_learned.ContainsKey(member.Account)) return null;
            return new Release(new(Category.LearnedAccount, member.Id, [new(invoice.Id, invoice.OpenAmount)], "own account"), invoice.OpenAmount,
                rail == Rail.Lockbox ? "" : "ACCOUNTS PAYABLE", member.Account, "", [], "");
        }

        /// <summary>The factory pays, says nothing of whom for: the amount may fit the subsidiary its account was learned for — and still be another's.</summary>
        private Release? FactoryOnly(string currency, Rail rail)
        {
            if (Owed(currency) is not (var group, var member, var invoice)) return null;
            var open = _ledger.Open(invoice);
            return new Release(Truth.NotIdentifiable(Category.AmbiguousPayer, "factory, no reference"), open, Wired(group.Factory, rail), group.FactoryAccount, "", [],
                _r.Pick<string>(["PAYMENT RUN 2026-11", "SUPPLIER PAYMENT", ""]));
        }

        /// <summary>A sister company of the group that is not our customer, or a stranger, sometimes quoting one of our numbers as theirs.</summary>
        private Release? Stranger(string currency, Rail rail)
        {
            var group = _r.Pick(_groups);
            var name = $"{group.Brand} {_r.Pick<string>(["Pharma", "Insurance", "Real Estate", "Foundation", "Ventures"])} {_r.Pick<string>(["Ltd", "GmbH", "K.K.", "Inc."])}";
            var owed = group.Members.SelectMany(m => _ledger.OpenOf(m.Id, currency)).Select(i => _ledger.Open(i)).ToList();
            var amount = owed.Count > 0 && _r.Chance(0.5) ? _r.Pick(owed) : currency == "JPY" ? _r.Next(10, 900) * 1_000m : Math.Round((decimal)(_r.NextDouble() * 8_000 + 50), 2);
            var release = new Release(Truth.NotIdentifiable(Category.Stranger, "sister company, not a customer"), amount, Wired(name, rail),
                $"GB{_r.Next(10, 99)}{_r.NextInt64(100_000_000_000, 999_999_999_999)}", "", _r.Chance(0.3) ? [($"{_r.Pick(Entities)}/25/{_r.Next(100, 3_000):D5}", amount)] : [], "");
            return _names.Candidates(release.Payer).Count == 0 ? release : null;
        }

        private Release Treasury(string currency)
        {
            var amount = currency == "JPY" ? _r.Next(1, 5_000) * 1_000m : Math.Round((decimal)(_r.NextDouble() * 50_000 + 100), 2);
            var (payer, words) = _r.Next(3) switch
            {
                0 => ("NORTHWIND TREASURY B.V.", "INTERCOMPANY LOAN DRAWDOWN"),
                1 => ("MIZUHO BANK LTD", "FX SWAP SETTLEMENT"),
                _ => ("ALLIANZ GLOBAL CORPORATE", "INSURANCE CLAIM SETTLEMENT"),
            };
            return new Release(Truth.NotIdentifiable(Category.NonCustomerCredit, words), amount, payer, "", "", [], words);
        }

        /// <summary>The payment as the group's factory sends it for a subsidiary: the factory's name (cut by the rail) and account.</summary>
        private Release FromFactory(Group group, Subsidiary member, Rail rail, Category category, decimal amount,
            IReadOnlyList<(string, decimal?)> references, string words, string habit, params (OpenInvoice Invoice, decimal Cash)[] truth) =>
            new(new(category, member.Id, [.. truth.Select(t => new TruthLine(t.Invoice.Id, t.Cash))], habit), amount,
                Wired(group.Factory, rail), group.FactoryAccount, _r.Chance(0.3) ? Wired(member.Name, rail) : "", references, words);

        /// <summary>Wires carry 35 characters of name, cut wherever that falls; lockbox operators type what they see.</summary>
        private static string Wired(string name, Rail rail)
        {
            if (rail == Rail.Lockbox) return name;
            var upper = name.ToUpperInvariant();
            return upper.Length > 35 ? upper[..35].TrimEnd() : upper;
        }

        // ---------- the rails ----------

        private string Numbers(Release release) => string.Join(_r.Pick<string>([" ", ",", " / "]), release.References.Select(r => r.Reference));

        private LabelledFile Camt(string name, string currency, int count)
        {
            var entries = new List<CamtEntry>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var release = Next(currency, Rail.Camt);
                var structured = release.References.Count > 1 || _r.Chance(0.4);
                var documents = structured ? release.References.Select(r => new CamtDocument("CINV", r.Reference, r.Amount)).ToList() : [];
                var words = (structured ? release.Words : $"{(release.References.Count > 0 ? "INV " : "")}{Numbers(release)} {release.Words}").Trim();
                entries.Add(new CamtEntry($"JP{_sequence++}", [new CamtTransaction(release.Amount, true, $"PF{_sequence++}", release.Payer, release.PayerAccount,
                    release.OnBehalfOf, words.Length > 0 ? [words] : [], documents)]));
                truths.Add(release.Truth);
            }
            return new LabelledFile(name, BankFileFormat.Camt054, CamtWriter.Write("02", currency == "JPY" ? "JP0012345678901234" : "DE75512108001245126199", currency, Today, entries), truths);
        }

        /// <summary>Fedwire-style text: ORG with the account, OBI in pieces of 35 characters, each piece its own 88 record.</summary>
        private LabelledFile Bai2Wires(string name, string currency, int count)
        {
            var details = new List<Bai2Detail>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var release = Next(currency, Rail.Wire);
                var obi = $"{Numbers(release)} {release.Words}".Trim();
                var text = new List<string> { $"FED NO:{_sequence++}", $"ORG:=/{release.PayerAccount} {release.Payer}".Replace("=/ ", "=") };
                for (var at = 0; at < obi.Length; at += 35) text.Add((at == 0 ? "OBI:=" : "") + obi.Substring(at, Math.Min(35, obi.Length - at)));
                details.Add(new Bai2Detail("195", release.Amount, $"W{_sequence++}", "", text));
                truths.Add(release.Truth);
            }
            return new LabelledFile(name, BankFileFormat.Bai2, Bai2Writer.Write("026009593", "NORTHWINDGRP", "7788990011", currency, Today, details), truths);
        }

        private LabelledFile Mt940(string name, string currency, int count)
        {
            var entries = new List<Mt940Entry>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var release = Next(currency, Rail.Mt940);
                var text = $"/PT/FT/BO/{release.Payer} {(release.PayerAccount.Length > 0 ? "/ACC/" + release.PayerAccount : "")} /RI/{(release.References.Count > 0 && _r.Chance(0.5) ? "INV " : "")}{Numbers(release)} {release.Words}";
                entries.Add(new Mt940Entry(release.Amount, true, "NTRF", $"PF{_sequence++}", $"{_sequence++}", Mt940Writer.FreeText(text)));
                truths.Add(release.Truth);
            }
            return new LabelledFile(name, BankFileFormat.Mt940, Mt940Writer.Write("NL20INGB0001234567", currency, Today, 1_000_000m, entries), truths);
        }

        private LabelledFile Lockbox(string name, int count)
        {
            var checks = new List<LockboxCheck>();
            var truths = new List<Truth>();
            for (var i = 0; i < count; i++)
            {
                var release = Next("USD", Rail.Lockbox);
                checks.Add(new LockboxCheck($"{_sequence++}", release.Amount, release.Payer, release.PayerAccount, release.References));
                truths.Add(release.Truth);
            }
            return new LabelledFile(name, BankFileFormat.CsvLockbox, LockboxCsvWriter.Write("LBX0420", "USD", Today, checks), truths);
        }
    }
}
