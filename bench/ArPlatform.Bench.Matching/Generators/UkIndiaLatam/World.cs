using System.Globalization;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.Bench.Matching.Generators.UkIndiaLatam;

internal enum Country { UK, IE, IN, MX, BR, ZA, US }

/// <summary>
/// The invoice series, one per selling entity and kind: GB1 the UK equipment company
/// (GB1-26-0004512), GB2 its field-service company (GB2-26-0001207), IN the Indian company by
/// Indian fiscal year (IN/2026-27/00871, numbering restarting each April), MXA/MXB the Mexican
/// company's CFDI series in pesos and dollars (MXA-018342), NF/NFS the Brazilian company's notas
/// fiscais of goods and of services (NF-012345, NFS-00451), ZA1 the South African company.
/// </summary>
internal enum Series { GB1, GB2, IN, MXA, MXB, NF, NFS, ZA1 }

/// <summary>A customer: <see cref="Name"/> as the customer list knows it, <see cref="LegalName"/> when registered otherwise (trading-as).</summary>
internal sealed record Customer(string Id, Country Country, string Name, string LegalName, string Group, string Account, string BankCode, string TaxId)
{
    /// <summary>The name the bank account is held in: the registered name.</summary>
    public string BankName => LegalName.Length > 0 ? LegalName : Name;
    public decimal? Fee { get; init; }
    public Series? FeeSeries { get; init; }
}

/// <summary>An open item with its number's parts: series, year (yy, or the fiscal year's first year for IN, 0 where the number has none) and sequence.</summary>
internal sealed record Invoice(OpenInvoice Open, Series Series, int Year, int Seq, Customer Customer);

/// <summary>The seller's book at the start of the day: customers, open items, learned accounts, and the numbers already paid (gaps in each sequence).</summary>
internal sealed class World
{
    public static readonly DateOnly Today = new(2026, 11, 16);

    public List<Customer> Customers { get; } = [];
    public Dictionary<string, Customer> ById { get; } = new(StringComparer.Ordinal);
    public List<Invoice> Invoices { get; } = [];
    public Dictionary<string, Invoice> ByInvoiceId { get; } = new(StringComparer.Ordinal);
    public Dictionary<string, string> Learned { get; } = new(StringComparer.Ordinal);
    /// <summary>Numbers of each (series, year) that were issued and are no longer open: paid before today.</summary>
    public Dictionary<(Series Series, int Year), List<int>> Paid { get; } = [];

    private readonly Random _r;
    private readonly HashSet<string> _names = new(StringComparer.OrdinalIgnoreCase);
    private int _customerNumber = 100_000;

    public World(Random random, int customers)
    {
        _r = random;
        (Country Country, int Weight)[] mix = [(Country.UK, 26), (Country.IE, 6), (Country.IN, 26), (Country.MX, 15), (Country.BR, 13), (Country.ZA, 10)];
        var weights = mix.Select(m => m.Weight).ToArray();
        var attempts = 0;
        while (Customers.Count < customers && attempts++ < customers * 20)
        {
            var country = mix[_r.Weighted(weights)].Country;
            if (_r.Chance(0.12) && country is Country.UK or Country.IN or Country.MX or Country.BR) AddGroup(country);
            else TryAdd(country, Names.Single(_r, country), "");
        }
        // A few US subsidiaries of the groups, paying their UK invoices in dollars by check.
        var groups = Customers.Where(c => c.Group.Length > 0 && c.Country is Country.IN or Country.MX).Select(c => c.Group).Distinct().ToList();
        var us = Math.Max(3, customers / 25);
        for (var i = 0; i < us * 4 && Customers.Count(c => c.Country == Country.US) < us; i++)
        {
            var group = groups.Count > 0 && _r.Chance(0.7) ? _r.Pick(groups) : "";
            var core = group.Length > 0 ? group : _r.Pick(Names.UkCores);
            TryAdd(Country.US, (_r.Pick<string>([$"{core} USA Inc.", $"{core} North America LLC", $"{core} Americas Corp."]), ""), group);
        }
        foreach (var customer in Customers) Bill(customer);
        Number();
    }

    private void AddGroup(Country country)
    {
        var core = Names.GroupCore(_r, country);
        var size = _r.Next(2, 4);
        var industries = Names.Industries(country).OrderBy(_ => _r.Next()).Take(size).ToList();
        foreach (var industry in industries) TryAdd(country, (Names.Compose(_r, country, core, industry), ""), core);
    }

    private void TryAdd(Country country, (string Name, string Legal) names, string group)
    {
        if (!_names.Add(Names.Key(names.Name)) || (names.Legal.Length > 0 && !_names.Add(Names.Key(names.Legal)))) return;
        var prefix = country switch
        {
            Country.UK => "UKC", Country.IE => "IEC", Country.IN => "INC", Country.MX => "MXC", Country.BR => "BRC", Country.ZA => "ZAC", _ => "USC",
        };
        _customerNumber += _r.Next(1, 9);
        var (account, bank) = Accounts.Customer(_r, country);
        var customer = new Customer($"{prefix}-{_customerNumber}", country, names.Name, names.Legal, group, account, bank, Accounts.TaxId(_r, country));
        if (_r.Chance(0.3))
        {
            var (fee, series) = Fees(country);
            customer = customer with { Fee = fee, FeeSeries = series };
        }
        Customers.Add(customer);
        ById[customer.Id] = customer;
        // Learned from earlier confirmed payments: only where this customer's bank shows the account.
        if (country is not (Country.ZA) && _r.Chance(0.35)) Learned[customer.Account] = customer.Id;
    }

    private (decimal Fee, Series Series) Fees(Country country) => country switch
    {
        Country.UK => (_r.Pick<decimal>([795m, 1_250m, 2_450m, 3_980m, 640.50m, 1_875m]), Series.GB2),
        Country.IE => (_r.Pick<decimal>([850m, 1_450m, 2_200m, 995.50m]), Series.GB2),
        Country.IN => (_r.Pick<decimal>([59_000m, 88_500m, 118_000m, 35_400m, 47_200m]), Series.IN),
        Country.MX => (_r.Pick<decimal>([18_560m, 34_800m, 9_280m, 23_200m]), Series.MXA),
        Country.BR => (_r.Pick<decimal>([4_500m, 12_800m, 7_990m, 3_250m]), Series.NFS),
        Country.ZA => (_r.Pick<decimal>([14_950m, 27_600m, 8_625m]), Series.ZA1),
        _ => (_r.Pick<decimal>([1_200m, 2_500m]), Series.GB1),
    };

    /// <summary>Pending items: the customer, series, year, currency, amount, due date and PO, numbered later in date order.</summary>
    private readonly List<(Customer Customer, Series Series, int Year, string Currency, decimal Amount, DateOnly Due, string Po)> _pending = [];

    private void Bill(Customer customer)
    {
        var count = Math.Min(14, 1 + (int)(-Math.Log(1 - _r.NextDouble()) * 3.5));
        // Where a customer also buys from the UK company, in its own or another currency.
        var abroad = customer.Country switch
        {
            Country.IN when _r.Chance(0.3) => _r.Pick<string>(["GBP", "USD"]),
            Country.ZA when _r.Chance(0.3) => _r.Pick<string>(["GBP", "USD"]),
            Country.BR when _r.Chance(0.2) => "USD",
            _ => "",
        };
        var dollars = customer.Country == Country.MX && _r.Chance(0.5);
        var blanketPo = _r.Chance(0.25) ? Po(customer.Country) : "";
        for (var i = 0; i < count; i++)
        {
            Series series;
            string currency;
            if (customer.Fee is { } && _r.Chance(0.6))
            {
                series = customer.FeeSeries!.Value;
                currency = CurrencyOf(customer, series, abroad);
                Add(customer, series, currency, customer.Fee.Value, blanketPo);
                continue;
            }
            (series, currency) = customer.Country switch
            {
                Country.UK => (_r.Chance(0.7) ? Series.GB1 : Series.GB2, "GBP"),
                Country.IE => (_r.Chance(0.7) ? Series.GB1 : Series.GB2, "EUR"),
                Country.IN => abroad.Length > 0 && _r.Chance(0.5) ? (Series.GB1, abroad) : (Series.IN, "INR"),
                Country.ZA => abroad.Length > 0 && _r.Chance(0.5) ? (Series.GB1, abroad) : (Series.ZA1, "ZAR"),
                Country.BR => abroad.Length > 0 && _r.Chance(0.5) ? (Series.GB1, abroad) : (_r.Chance(0.7) ? Series.NF : Series.NFS, "BRL"),
                Country.MX => dollars && _r.Chance(0.45) ? (Series.MXB, "USD") : (Series.MXA, "MXN"),
                _ => (Series.GB1, "USD"),
            };
            Add(customer, series, currency, Amount(currency), blanketPo);
        }
    }

    private static string CurrencyOf(Customer customer, Series series, string abroad) => series switch
    {
        Series.GB1 or Series.GB2 => customer.Country switch { Country.UK => "GBP", Country.IE => "EUR", _ => abroad.Length > 0 ? abroad : "USD" },
        Series.IN => "INR", Series.MXA => "MXN", Series.MXB => "USD", Series.NF or Series.NFS => "BRL", _ => "ZAR",
    };

    private void Add(Customer customer, Series series, string currency, decimal amount, string blanketPo)
    {
        var old = series == Series.IN ? _r.Chance(0.15) : _r.Chance(0.08);
        var year = series switch
        {
            Series.IN => old ? 2025 : 2026,
            Series.GB1 or Series.GB2 or Series.ZA1 => old ? 25 : 26,
            _ => 0,
        };
        var due = old ? World.Today.AddDays(-_r.Next(240, 420)) : World.Today.AddDays(_r.Next(-120, 45));
        var po = blanketPo.Length > 0 && _r.Chance(0.6) ? blanketPo : _r.Chance(0.5) ? Po(customer.Country) : "";
        _pending.Add((customer, series, year, currency, amount, due, po));
    }

    private decimal Amount(string currency)
    {
        var (low, high) = currency switch
        {
            "INR" => (8_000d, 9_000_000d), "MXN" => (3_000d, 2_500_000d), "BRL" => (800d, 900_000d), "ZAR" => (1_500d, 2_000_000d),
            _ => (150d, 120_000d),
        };
        var amount = Math.Round((decimal)Math.Exp(_r.NextDouble() * (Math.Log(high) - Math.Log(low)) + Math.Log(low)), 2);
        // Indian invoices are rounded off to the rupee; some others are round list prices.
        if (currency == "INR" && _r.Chance(0.7)) amount = Math.Round(amount, 0);
        if (_r.Chance(0.08) && amount > 1_000m) amount = Math.Round(amount / 100m, 0) * 100m;
        return Math.Max(amount, 1m);
    }

    private string Po(Country country) => country switch
    {
        Country.UK or Country.IE => _r.Chance(0.5) ? $"45{_r.Next(10_000_000, 99_999_999)}" : $"PO{_r.Next(100_000, 999_999)}",
        Country.IN => _r.Chance(0.5) ? $"4100{_r.Next(100_000, 999_999)}" : $"PO/{(char)('A' + _r.Next(26))}{(char)('A' + _r.Next(26))}/{_r.Next(100_000, 999_999)}",
        Country.MX => $"OC-{_r.Next(1_000_000, 9_999_999)}",
        Country.BR => $"PC{_r.Next(100_000_000, 999_999_999)}",
        Country.ZA => $"PO{_r.Next(100_000, 999_999)}",
        _ => $"{_r.Next(1_000_000, 9_999_999)}",
    };

    /// <summary>Numbers every series in date order, with gaps where invoices were issued and have since been paid.</summary>
    private void Number()
    {
        foreach (var group in _pending.GroupBy(p => (p.Series, Restarts: p.Series == Series.IN ? p.Year : 0)))
        {
            var seq = group.Key.Series switch
            {
                Series.GB1 => 3_800, Series.GB2 => 1_100, Series.IN => group.Key.Restarts == 2025 ? 1_400 : 0,
                Series.MXA => 18_000, Series.MXB => 4_200, Series.NF => 12_000, Series.NFS => 400, _ => 4_500,
            };
            foreach (var p in group.OrderBy(p => p.Year).ThenBy(p => p.Due).ThenBy(_ => _r.Next()))
            {
                var gap = _r.Next(0, 4);
                for (var g = 0; g < gap; g++)
                {
                    seq++;
                    if (!Paid.TryGetValue((p.Series, p.Year), out var paid)) Paid[(p.Series, p.Year)] = paid = [];
                    paid.Add(seq);
                }
                seq++;
                var number = Numbers.Issued(p.Series, p.Year, seq);
                var open = new OpenInvoice($"{p.Series}:{p.Year}:{seq}", number, p.Customer.Id, p.Currency, p.Amount, p.Due, p.Po);
                var invoice = new Invoice(open, p.Series, p.Year, seq, p.Customer);
                Invoices.Add(invoice);
                ByInvoiceId[open.Id] = invoice;
            }
        }
    }

    public IEnumerable<CustomerName> CustomerNames() => Customers.Select(c => new CustomerName(c.Id, c.Name, c.LegalName));
}

/// <summary>Bank accounts and tax ids as each country writes them, with real check digits.</summary>
internal static class Accounts
{
    public static (string Account, string Bank) Customer(Random r, Country country)
    {
        switch (country)
        {
            case Country.UK:
                return ($"{r.Next(100_000, 999_999)}{r.Next(10_000_000, 99_999_999)}", "");
            case Country.IE:
                var bank = r.Pick<string>(["AIBK", "BOFI", "IPBS", "ULSB"]);
                return (Iban("IE", $"{bank}{r.Next(900_000, 999_999)}{r.Next(10_000_000, 99_999_999)}"), bank);
            case Country.IN:
                var ifsc = $"{r.Pick<string>(["HDFC", "ICIC", "SBIN", "UTIB", "KKBK", "CNRB", "BARB", "PUNB"])}0{r.Next(0, 99_999):D6}";
                return ($"{r.Next(10_000, 99_999)}{r.Next(100_000_000, 999_999_999)}", ifsc);
            case Country.MX:
                var code = r.Pick<string>(["002", "012", "014", "021", "072", "030", "036"]);
                return (Clabe($"{code}{r.Next(100, 999)}{r.Next(10_000, 99_999)}{r.Next(100_000, 999_999)}"), code);
            case Country.BR:
                var banco = r.Pick<string>(["341", "237", "001", "104", "033", "756"]);
                return ($"{banco} {r.Next(1, 9_999):D4} {r.Next(10_000, 999_999)}-{r.Next(0, 10)}", banco);
            case Country.ZA:
                return ($"{r.Next(100, 999)}{r.Next(10_000_000, 99_999_999)}", r.Pick<string>(["051001", "250655", "632005", "470010"]));
            default:
                return ($"{r.Pick<string>(["021000021", "026009593", "121000248", "071000013"])}-{r.Next(100_000, 999_999)}{r.Next(1_000, 9_999)}", "");
        }
    }

    public static string TaxId(Random r, Country country) => country switch
    {
        Country.BR => $"{r.Next(10, 99)}.{r.Next(100, 999)}.{r.Next(100, 999)}/000{r.Next(1, 4)}-{r.Next(10, 99)}",
        Country.IN => $"{(char)('A' + r.Next(26))}{(char)('A' + r.Next(26))}{(char)('A' + r.Next(26))}C{(char)('A' + r.Next(26))}{r.Next(1_000, 9_999)}{(char)('A' + r.Next(26))}",
        _ => "",
    };

    /// <summary>An IBAN with its ISO 7064 check digits.</summary>
    public static string Iban(string country, string bban)
    {
        var rearranged = bban + country + "00";
        var remainder = 0;
        foreach (var c in rearranged)
        {
            var digits = char.IsAsciiDigit(c) ? (c - '0').ToString(CultureInfo.InvariantCulture) : (char.ToUpperInvariant(c) - 'A' + 10).ToString(CultureInfo.InvariantCulture);
            foreach (var d in digits) remainder = (remainder * 10 + (d - '0')) % 97;
        }
        return $"{country}{98 - remainder:D2}{bban}";
    }

    /// <summary>An 18-digit CLABE: 17 digits and the weighted (3, 7, 1) check digit.</summary>
    public static string Clabe(string seventeen)
    {
        int[] weights = [3, 7, 1];
        var sum = seventeen.Select((c, i) => (c - '0') * weights[i % 3] % 10).Sum();
        return seventeen + ((10 - sum % 10) % 10).ToString(CultureInfo.InvariantCulture);
    }
}
