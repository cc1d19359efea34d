using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ArPlatform.Bench.Matching.Generators.UkIndiaLatam;

/// <summary>
/// Customer names as each country writes them (Ltd, PLC, LLP, DAC, Teoranta; Pvt. Ltd. and
/// proprietors trading as a concern; S.A. de C.V., S. de R.L. de C.V.; Ltda., S/A, EPP; (Pty)
/// Ltd, CC, (Edms) Bpk), and how banks write them back: upper case, legal forms and words
/// abbreviated, accents dropped or mangled, cut to the rail's length, run together.
/// </summary>
internal static class Names
{
    public static readonly string[] UkCores =
    [
        "Hargreaves", "Ashworth", "Pennine", "Tyneside", "Calder", "Mersey", "Whitfield", "Brackley", "Kendal", "Ribble", "Thackeray",
        "Sefton", "Wrekin", "Cotswold", "Medway", "Humber", "Blackwood", "Fairbairn", "Ellesmere", "Severn", "Lindley", "Crossley",
        "Holroyd", "Pemberton", "Greaves", "Aire Valley", "Clydeside", "Grampian", "Marchmont", "Tamar", "Wharfedale", "Solway",
        "Trent", "Chiltern", "Mendip", "Quantock",
    ];
    private static readonly string[] UkIndustries =
    [
        "Precision Engineering", "Fabrications", "Water Services", "Process Systems", "Dairies", "Brewery", "Foods", "Chemicals",
        "Pumps & Valves", "Plastics", "Packaging", "Paper Mills", "Energy", "Pharmaceuticals", "Building Services", "Utilities",
        "Aggregates", "Castings", "Hydraulics", "Facilities Management", "Distillers", "Bakeries",
    ];
    private static readonly string[] Towns = ["Bolton", "Leeds", "Hull", "Derby", "Stoke", "Wigan", "Paisley", "Swansea"];
    private static readonly string[] UkForenames = ["J.", "R.", "A.W.", "T.", "D.M.", "G.H."];

    private static readonly string[] IeCores =
    [
        "Ó Briain", "Mac Cárthaigh", "Shannon", "Corrib", "Liffey", "Boyne", "Slaney", "Ó Súilleabháin", "Kilkenny", "Déise", "Barrow",
        "Moy", "Ó Ceallaigh", "Connacht", "Brosna", "Suir",
    ];
    private static readonly string[] IeIndustries =
    [
        "Engineering", "Dairies", "Meats", "Process Solutions", "Pharma", "Distillery", "Water Services", "Agri Services", "Foods", "Plastics",
    ];

    private static readonly string[] InCores =
    [
        "Shree Ganesh", "Sai Krishna", "Laxmi Narayan", "Venkateswara", "Sundaram", "Jai Bharat", "Om Sai", "Balaji", "Mahalaxmi",
        "Shri Ram", "Gurukrupa", "Vishwakarma", "Annapurna", "Kaveri", "Narmada", "Sahyadri", "Deccan", "Bhagyalaxmi", "Siddhivinayak",
        "Trimurti", "Jyoti", "Amrut", "Sri Venkata Sai", "Parvati",
    ];
    private static readonly string[] InFamilies = ["K.R. Patel", "A.K. Mehta", "R.S. Agarwal", "M.N. Reddy", "S.V. Iyer", "Bhatia", "Khanna", "Desai", "H.P. Shah"];
    private static readonly string[] InIndustries =
    [
        "Engineering Works", "Hydraulics", "Castings", "Forgings", "Agro Industries", "Sugar Mills", "Steel Rolling Mills",
        "Process Equipments", "Pharma", "Chemicals", "Textiles", "Polymers", "Fabricators", "Dairy", "Cements", "Paper Mills",
        "Infra Projects", "Engineers", "Industries", "Enterprises",
    ];
    private static readonly string[] Proprietors = ["Rajesh Kumar Agarwal", "Suresh Babu Naidu", "Mahendra Singh Rathore", "Anil Kumar Jain", "Prakash Rao Kulkarni"];

    private static readonly string[] MxTypes =
    [
        "Aceros", "Industrias", "Comercializadora", "Maquinados", "Alimentos", "Lácteos", "Química", "Papelera", "Embotelladora",
        "Minera", "Cementos", "Agroindustrias", "Refacciones Industriales", "Transformadora", "Plásticos",
    ];
    private static readonly string[] MxCores =
    [
        "del Bajío", "Peña", "Núñez", "Santa Bárbara", "La Piedad", "San Judas", "Ávalos", "Ibáñez", "de Monterrey", "del Norte",
        "Tapatía", "Queretana", "de Jalisco", "Hermanos Muñoz", "Castañeda", "Zúñiga", "Olvera", "Sánchez", "del Pacífico", "Peñasco", "Cañada",
    ];
    private static readonly string[] MxForms = ["S.A. de C.V.", "S. de R.L. de C.V.", "S.A.P.I. de C.V.", "S.A.B. de C.V.", "S.A. de C.V."];

    private static readonly string[] BrTypes =
    [
        "Metalúrgica", "Indústria de Papéis", "Usinagem", "Açúcar e Álcool", "Construtora", "Laticínios", "Frigorífico", "Siderúrgica",
        "Mineração", "Têxtil", "Cerâmica", "Química", "Agroindustrial", "Alimentos", "Embalagens", "Usina",
    ];
    private static readonly string[] BrCores =
    [
        "São João", "Conceição", "Paraná", "Boa Esperança", "Irmãos Gonçalves", "Santa Luzia", "Guaíba", "Ribeirão", "Araújo", "Cunha",
        "Jequitibá", "Piracicaba", "São Bento", "Três Rios", "Itajubá", "Paraíso", "Aparecida", "Ipiranga",
    ];
    private static readonly string[] BrForms = ["Ltda.", "S/A", "S.A.", "Ltda - ME", "Ltda. EPP", "Eireli"];

    private static readonly string[] ZaCores =
    [
        "Bokamoso", "Umgeni", "Van der Merwe", "Du Toit", "Karoo", "Thabazimbi", "Lebowa", "Mpumalanga", "Drakensberg", "Sibanda", "Nkosi",
        "Botha", "Pretorius", "Vaal", "Highveld", "Tugela", "Limpopo", "Mokopane", "Kwena", "Letaba",
    ];
    private static readonly string[] ZaIndustries =
    [
        "Mining Supplies", "Water Treatment", "Engineering", "Boerdery", "Pompe", "Staal", "Sugar", "Chemicals", "Mills", "Platinum",
        "Construction", "Irrigation", "Pumps",
    ];

    public static IReadOnlyList<string> Industries(Country country) => country switch
    {
        Country.UK => UkIndustries, Country.IE => IeIndustries, Country.IN => InIndustries, Country.MX => MxTypes, Country.BR => BrTypes,
        _ => ZaIndustries,
    };

    public static string GroupCore(Random r, Country country) => country switch
    {
        Country.UK => r.Pick(UkCores), Country.IN => r.Pick(InCores), Country.MX => r.Pick(MxCores), Country.BR => r.Pick(BrCores), _ => r.Pick(ZaCores),
    };

    /// <summary>A group company's name: core and industry in the country's order, with its legal form.</summary>
    public static string Compose(Random r, Country country, string core, string industry) => country switch
    {
        Country.UK => $"{core} {industry} {r.Pick<string>(["Ltd", "Limited", "PLC", "Ltd"])}",
        Country.IE => $"{core} {industry} {r.Pick<string>(["Ltd", "Limited", "DAC", "Teoranta", "Unlimited Company"])}",
        Country.IN => $"{core} {industry} {r.Pick<string>(["Pvt. Ltd.", "Private Limited", "Pvt Ltd", "Limited", "Ltd.", "LLP"])}",
        Country.MX => $"{industry} {core}{(r.Chance(0.4) ? "," : "")} {r.Pick(MxForms)}",
        Country.BR => $"{industry} {core} {r.Pick(BrForms)}",
        _ => $"{core} {industry} {r.Pick<string>(["(Pty) Ltd", "CC", "(Edms) Bpk", "Ltd", "(Pty) Ltd"])}",
    };

    /// <summary>A stand-alone customer: its name and, for trading-as, the registered name.</summary>
    public static (string Name, string Legal) Single(Random r, Country country)
    {
        switch (country)
        {
            case Country.UK when r.Chance(0.1):
                return ($"{r.Pick(UkCores)} & Sons ({r.Pick(Towns)}) Ltd", "");
            case Country.UK when r.Chance(0.1):
                return ($"{r.Pick(UkCores)} {r.Pick(UkIndustries)}", $"{r.Pick(UkForenames)} {r.Pick(UkCores)} & Co Ltd");
            case Country.IN when r.Chance(0.15):
                return ($"{r.Pick(InFamilies)} & Sons", "");
            case Country.IN when r.Chance(0.08):
                var proprietor = r.Pick(Proprietors);
                return ($"{proprietor.Split(' ')[^1]} {r.Pick<string>(["Engineering Stores", "Hydraulic Works", "Machine Tools", "Trading Company"])}", proprietor);
            case Country.IN when r.Chance(0.1):
                return ($"{r.Pick(InFamilies)} {r.Pick(InIndustries)} {r.Pick<string>(["Pvt. Ltd.", "Private Limited", "& Co."])}", "");
            case Country.ZA when r.Chance(0.1):
                var core = r.Pick(ZaCores);
                return ($"{core} {r.Pick(ZaIndustries)}", $"{core} Holdings (Pty) Ltd");
            default:
                var stem = country == Country.IE ? r.Pick(IeCores) : GroupCore(r, country);
                return (Compose(r, country, stem, r.Pick(Industries(country))), "");
        }
    }

    /// <summary>A key for telling names apart when the world is built: the folded meaningful words.</summary>
    public static string Key(string name) => string.Join(' ', PayerReader.Words(name));

    // ---------- lookalikes and other payers ----------

    public static string Lookalike(Random r, Customer customer)
    {
        var core = customer.Group.Length > 0 ? customer.Group : customer.Name.Split(' ')[0];
        var other = customer.Country switch
        {
            Country.UK or Country.IE or Country.US => r.Pick<string>(["Consulting Ltd", "Dental Practice", "Estate Agents Ltd", "Motors Ltd", "Solicitors LLP", "Golf Club"]),
            Country.IN => r.Pick<string>(["Traders", "Jewellers Pvt Ltd", "Textile Agencies", "Tours & Travels", "Medicals", "Hardware Stores"]),
            Country.MX => r.Pick<string>(["Abarrotes", "Transportes S.A. de C.V.", "Inmobiliaria", "Servicios Contables S.C.", "Farmacias"]),
            Country.BR => r.Pick<string>(["Comércio de Veículos Ltda", "Transportes Ltda", "Imobiliária", "Contabilidade S/S", "Farmácia"]),
            _ => r.Pick<string>(["Motors (Pty) Ltd", "Properties CC", "Attorneys Inc", "Spares", "Family Trust"]),
        };
        return customer.Country is Country.MX or Country.BR ? $"{other.Split(' ')[0]} {core} {string.Join(' ', other.Split(' ').Skip(1))}".Trim() : $"{core} {other}";
    }

    // ---------- how banks write names ----------

    /// <summary>Bank abbreviations of words: the folded word → what the bank writes. The reader knows them back (<see cref="PayerReader"/>).</summary>
    public static readonly Dictionary<string, string> Shorter = new(StringComparer.Ordinal)
    {
        ["engineering"] = "ENGG", ["engineers"] = "ENGRS", ["industries"] = "INDS", ["brothers"] = "BROS", ["hermanos"] = "HNOS",
        ["metalurgica"] = "METALURG", ["comercializadora"] = "COMERC", ["construtora"] = "CONSTR", ["mining"] = "MNG", ["supplies"] = "SUPP",
        ["equipments"] = "EQPTS", ["chemicals"] = "CHEM", ["fabrications"] = "FABS", ["hydraulics"] = "HYD", ["pharmaceuticals"] = "PHARMA",
        ["agroindustrial"] = "AGROIND", ["siderurgica"] = "SID", ["mineracao"] = "MIN", ["alimentos"] = "ALIM", ["embalagens"] = "EMB",
        ["refacciones"] = "REFACC", ["industriales"] = "INDS", ["industrias"] = "IND", ["industria"] = "IND", ["services"] = "SVCS",
        ["management"] = "MGMT", ["precision"] = "PREC", ["treatment"] = "TRTMT", ["construction"] = "CONSTR", ["laticinios"] = "LATIC",
    };

    private static readonly (string Long, string[] Short)[] LegalShort =
    [
        ("Private Limited", ["PVT LTD", "PRIVATE LIMITED", "P LTD"]), ("Pvt. Ltd.", ["PVT LTD", "PVT. LTD."]), ("Limited", ["LTD", "LIMITED"]),
        ("S.A. de C.V.", ["SA DE CV", "S.A. DE C.V.", "SA CV"]), ("S. de R.L. de C.V.", ["S DE RL DE CV", "S. DE R.L. DE C.V."]),
        ("S.A.P.I. de C.V.", ["SAPI DE CV"]), ("S.A.B. de C.V.", ["SAB DE CV"]), ("Ltda.", ["LTDA", "LTDA."]), ("(Pty) Ltd", ["PTY LTD", "(PTY) LTD", "PTY"]),
        ("(Edms) Bpk", ["EDMS BPK", "(EDMS) BPK"]), ("Unlimited Company", ["UC", "UNLTD CO"]), ("Teoranta", ["TEO", "TEORANTA"]),
    ];

    /// <summary>
    /// The registered name as a bank passes it on: upper case (unless the rail keeps the
    /// payer's typing), legal forms shortened or dropped, some words abbreviated, "M/S" before
    /// Indian names, accents dropped (or <paramref name="accents"/> applied), cut to <paramref name="limit"/>.
    /// </summary>
    public static string AsBankWrites(Random r, string name, int limit, bool upper, Func<string, string> accents, bool indian = false)
    {
        var text = name;
        foreach (var (full, shorts) in LegalShort)
            if (text.Contains(full, StringComparison.Ordinal)) text = text.Replace(full, r.Chance(0.15) ? "" : r.Pick(shorts), StringComparison.Ordinal);
        text = text.Replace(",", "", StringComparison.Ordinal);
        if (r.Chance(0.35))
            text = string.Join(' ', text.Split(' ').Select(w => Shorter.TryGetValue(Fold(w.ToLowerInvariant()), out var s) && r.Chance(0.6) ? s : w));
        if (upper && r.Chance(0.3)) text = text.Replace("&", "AND", StringComparison.Ordinal);
        if (indian && r.Chance(0.2)) text = (r.Chance(0.5) ? "M/S " : "M/S. ") + text;
        text = accents(text);
        if (upper) text = text.ToUpperInvariant();
        text = Regex.Replace(text, " +", " ").Trim();
        return Cut(text, limit);
    }

    /// <summary>Run together and cut: how IMPS and some narratives squeeze a name ("SAIKRISHNAHY").</summary>
    public static string Squashed(string name, int limit)
    {
        var words = name.ToUpperInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries)
            .Where(w => !PayerReader.IsLegalWord(Fold(w.ToLowerInvariant()))).Select(w => new string(Fold(w).Where(char.IsAsciiLetterOrDigit).ToArray()));
        return Cut(string.Concat(words), limit);
    }

    public static string Cut(string text, int limit) => limit <= 0 || text.Length <= limit ? text : text[..limit].TrimEnd();

    /// <summary>Lower or upper, accents removed (São → Sao, Ñ → N).</summary>
    public static string Fold(string text) =>
        new string(text.Replace("ß", "ss", StringComparison.Ordinal).Normalize(NormalizationForm.FormD)
            .Where(c => CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.NonSpacingMark).ToArray()).Normalize(NormalizationForm.FormC);

    /// <summary>UTF-8 read as Windows-1252 by a bank on the way: "São" → "SÃ£o".</summary>
    public static string Mojibake(string text)
    {
        var map = new Dictionary<char, string>
        {
            ['á'] = "Ã¡", ['é'] = "Ã©", ['í'] = "Ã­", ['ó'] = "Ã³", ['ú'] = "Ãº", ['ã'] = "Ã£", ['õ'] = "Ãµ", ['ç'] = "Ã§", ['ñ'] = "Ã±",
            ['â'] = "Ã¢", ['ê'] = "Ãª", ['ô'] = "Ã´", ['Ó'] = "Ã“", ['É'] = "Ã‰", ['Ñ'] = "Ã‘", ['Ç'] = "Ã‡",
        };
        var result = new StringBuilder();
        foreach (var c in text) result.Append(map.TryGetValue(c, out var s) ? s : c.ToString());
        return result.ToString();
    }

    /// <summary>A character set without accents, the bank putting '?' (or '#', or nothing) where one was.</summary>
    public static string Unsupported(string text, string replacement)
    {
        var result = new StringBuilder();
        foreach (var c in text) result.Append(c > 127 && char.IsLetter(c) ? replacement : c.ToString());
        return result.ToString();
    }
}

/// <summary>
/// Whom a person with the customer list would take a written payer name to be: the customers
/// whose name or registered name holds every meaningful written word — equal once accents and
/// case are set aside, a bank abbreviation of it, or for the last word, its start (the bank cut
/// it); initials written apart or together alike (K.R., K R, KR). A single long word is read as
/// a name run together ("SAIKRISHNAHYD"). Legal forms (Pvt Ltd, S.A. de C.V., Ltda, (Pty) Ltd, CC …),
/// "M/S" and fillers mean nothing. At least one word of three letters or more must be whole.
/// Generators of this world label a payment identifiable by name only when exactly one customer answers.
/// </summary>
internal sealed class PayerReader
{
    private static readonly HashSet<string> Legal = new(StringComparer.Ordinal)
    {
        "ltd", "limited", "plc", "llp", "pvt", "private", "p", "co", "company", "inc", "llc", "corp", "dac", "teo", "teoranta", "unlimited",
        "uc", "unltd", "sa", "cv", "rl", "sapi", "sab", "sc", "s", "ss", "ltda", "me", "epp", "eireli", "pty", "edms", "bpk", "cc", "ms", "messrs",
    };
    private static readonly HashSet<string> Fillers = new(StringComparer.Ordinal)
    {
        "and", "the", "of", "de", "del", "la", "el", "los", "las", "y", "e", "do", "da", "dos", "das", "ta", "van", "der", "du",
    };

    /// <summary>What a written abbreviation stands for (folded).</summary>
    private static readonly Dictionary<string, string[]> Abbreviations = Names.Shorter
        .GroupBy(s => Names.Fold(s.Value.ToLowerInvariant()), StringComparer.Ordinal)
        .ToDictionary(g => g.Key, g => g.Select(s => s.Key).ToArray(), StringComparer.Ordinal);

    private readonly List<(string Id, List<List<string>> Names, List<string> Squashed)> _customers = [];
    private readonly Dictionary<string, List<int>> _byWord = new(StringComparer.Ordinal);

    public PayerReader(IEnumerable<Customer> customers)
    {
        foreach (var c in customers)
        {
            var names = new List<List<string>> { Words(c.Name) };
            if (c.LegalName.Length > 0) names.Add(Words(c.LegalName));
            _customers.Add((c.Id, names, names.Select(n => string.Concat(n)).ToList()));
            foreach (var word in names.SelectMany(n => n).Distinct())
            {
                if (!_byWord.TryGetValue(word, out var list)) _byWord[word] = list = [];
                list.Add(_customers.Count - 1);
            }
        }
    }

    public static bool IsLegalWord(string folded) => Legal.Contains(folded);

    /// <summary>The meaningful words of a name: folded, initials joined, legal forms and fillers gone.</summary>
    public static List<string> Words(string name)
    {
        var lowered = Names.Fold(name.ToLowerInvariant()).Replace("&", " ", StringComparison.Ordinal).Replace("t/a", " ", StringComparison.Ordinal);
        lowered = Regex.Replace(lowered, @"^\s*(m/s\.?|messrs\.?)\s*", " ");
        var joined = new List<string>();
        var initials = false;
        foreach (var w in Regex.Split(lowered, "[^a-z0-9]+").Where(w => w.Length > 0))
        {
            // Initials: single letters in a row are one word (K.R., K R and KR alike).
            if (w.Length == 1 && char.IsAsciiLetter(w[0]))
            {
                if (initials) joined[^1] += w;
                else joined.Add(w);
                initials = true;
                continue;
            }
            joined.Add(w);
            initials = false;
        }
        return joined.Where(w => !Legal.Contains(w) && !Fillers.Contains(w)).ToList();
    }

    public IReadOnlyList<string> Candidates(string written)
    {
        var words = WordsOf(written);
        if (words.Count == 0) return [];
        var found = new HashSet<int>();
        if (words.Count == 1 && words[0].Length >= 8)
            for (var i = 0; i < _customers.Count; i++)
                if (_customers[i].Squashed.Any(s => s.StartsWith(words[0], StringComparison.Ordinal))) found.Add(i);
        if (words.Count(w => w.Length >= 3) == 0) return found.Select(i => _customers[i].Id).ToList();
        IEnumerable<int> pool = words.Count == 1
            ? Enumerable.Range(0, _customers.Count)
            : new[] { words[0] }.Concat(Abbreviations.GetValueOrDefault(words[0]) ?? []).SelectMany(w => _byWord.GetValueOrDefault(w) ?? []).Distinct();
        foreach (var i in pool)
            if (_customers[i].Names.Any(n => Covers(n, words))) found.Add(i);
        return found.Select(i => _customers[i].Id).ToList();
    }

    public string? Identify(string written) => Candidates(written) is [var only] ? only : null;

    /// <summary>The words a person reads in a written name: as <see cref="Words"/>, separated initials joined the same way.</summary>
    private static List<string> WordsOf(string written) => Words(written);

    private static bool Covers(List<string> customer, List<string> written)
    {
        var free = customer.ToList();
        var whole = false;
        for (var i = 0; i < written.Count; i++)
        {
            var w = written[i];
            var at = free.IndexOf(w);
            if (at < 0 && Abbreviations.TryGetValue(w, out var full)) at = free.FindIndex(full.Contains);
            if (at >= 0)
            {
                whole |= w.Length >= 3 || Abbreviations.ContainsKey(w);
                free.RemoveAt(at);
                continue;
            }
            if (i == written.Count - 1 && (at = free.FindIndex(c => c.StartsWith(w, StringComparison.Ordinal))) >= 0)
            {
                free.RemoveAt(at);
                continue;
            }
            return false;
        }
        return whole;
    }
}
