using System.Globalization;
using System.Text;
using ArPlatform.Bench.Matching.BankFiles;
using ArPlatform.Bench.Matching.Labelling;
using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.Bench.Matching.Generators.UkIndiaLatam;

/// <summary>The banks' files: how each lays out what the rails carried.</summary>
internal sealed partial class Day
{
    private static readonly Dictionary<string, string> MexicanBanks = new(StringComparer.Ordinal)
    {
        ["002"] = "BANAMEX", ["012"] = "BBVA MEXICO", ["014"] = "SANTANDER", ["021"] = "HSBC", ["072"] = "BANORTE", ["030"] = "BAJIO", ["036"] = "INBURSA",
    };

    public LabelledScenario Write(string generator, Split split, int seed)
    {
        // The morning's files in the order the cash team imports them (and the truth is settled).
        var files = new List<LabelledFile?>
        {
            UkCamt053("uk-gbp-camt053.xml", "GBP", [(Rail.Bacs, 45), (Rail.Fps, 25), (Rail.Chaps, 15), (Rail.SwiftGbp, 15)], Share(0.24)),
            UkCamt053("uk-eur-camt053.xml", "EUR", [(Rail.Sepa, 1)], Share(0.06)),
            UkCamt053("uk-usd-camt053.xml", "USD", [(Rail.SwiftUsd, 1)], Share(0.03)),
            IndiaMt940("in-inr-mt940.sta", Share(0.26)),
            MexicoCamt054("mx-mxn-camt054.xml", Rail.Spei, Share(0.11)),
            MexicoCamt054("mx-usd-camt054.xml", Rail.Spid, Share(0.04)),
            BrazilMt940("br-brl-mt940.txt", Share(0.13)),
            SouthAfricaCamt053("za-zar-camt053.xml", Share(0.10)),
        };
        files.Add(Lockbox("us-lockbox-usd.csv", _payments - files.Sum(f => f?.Credits.Count ?? 0)));
        return new LabelledScenario(generator, split, seed, _ledger.Context, [.. files.OfType<LabelledFile>()]);
    }

    private int Share(double share) => (int)Math.Round(_payments * share);

    private RailSpec PickRail((Rail Rail, int Weight)[] rails) => RailSpec.Of(rails[_r.Weighted(rails.Select(r => r.Weight).ToArray())].Rail);

    private string Serial(string prefix) => $"{prefix}{_serial++:D8}";

    private decimal Money(double low, double high) => Math.Round((decimal)(_r.NextDouble() * (high - low) + low), 2);

    // ---------- the UK bank: camt.053 per currency account ----------

    private LabelledFile? UkCamt053(string name, string currency, (Rail, int)[] rails, int count)
    {
        if (count <= 0) return null;
        var items = new List<CamtItem>();
        var truths = new List<Truth>();
        for (var i = 0; i < count; i++)
        {
            var rail = PickRail(rails);
            var intent = Next(rail);
            items.Add(UkItem(rail, intent));
            truths.Add(intent.Truth);
            if (_r.Chance(0.07))
                items.Add(new CamtItem(false, Money(50, 40_000), Serial("D"), "", _r.Pick<string>(["HMRC PAYE", "SUPPLIER RUN 46", "BRITISH GAS", "LLOYDS CARDNET"]),
                    "", [], _r.Pick<string>(["BACS PAYMENT", "DIRECT DEBIT"]), "ICDT", "DMCT"));
        }
        var account = currency switch
        {
            "GBP" => Accounts.Iban("GB", "NWBK60161331926819"), "EUR" => Accounts.Iban("GB", "NWBK60161340018877"), _ => Accounts.Iban("GB", "NWBK60161340022419"),
        };
        return new LabelledFile(name, BankFileFormat.Camt053,
            IsoCamtWriter.Write(true, account, currency, "THORNBURY PROCESS EQUIPMENT LTD", "NWBKGB2L", World.Today, Money(20_000, 900_000), items), truths);
    }

    private CamtItem UkItem(RailSpec rail, Intent intent)
    {
        var text = intent.Text.Length > 0 ? (IReadOnlyList<string>)[intent.Text] : [];
        return rail.Rail switch
        {
            Rail.Bacs => new CamtItem(true, intent.Amount, Serial("B"), "", intent.Name, intent.Account, text, "BACS CREDIT", "RCDT", "DMCT", "BGC"),
            Rail.Fps => new CamtItem(true, intent.Amount, Serial("F"), $"FP{_r.Next(10_000_000, 99_999_999)}{_r.Next(1_000, 9_999)}", intent.Name, intent.Account, text,
                "FASTER PAYMENTS RECEIPT", "RCDT", "DMCT", "FPI"),
            Rail.Chaps => new CamtItem(true, intent.Amount, Serial("C"), "", intent.Name, intent.Account, Lines(intent.Text, 35), "CHAPS CREDIT", "RCDT", "DMCT", "CHP",
                UltimateDebtor: intent.Ultimate),
            Rail.Sepa => new CamtItem(true, intent.Amount, Serial("S"), _r.Chance(0.3) ? $"PMT{_r.Next(100_000, 999_999)}-{_r.Next(10, 99)}" : "", intent.Name, intent.Account, text,
                "SEPA CREDIT TRANSFER", "RCDT", "ESCT", UltimateDebtor: intent.Ultimate),
            _ => new CamtItem(true, intent.Amount, Serial("W"), "", intent.Name, intent.Account, Lines(intent.Text, 35),
                "INTERNATIONAL PAYMENT RECEIVED", "RCDT", "XBCT", "SWF",
                TransactionInfo: intent.ChargesSaid ? $"CHARGES {rail.Currency} {intent.Charges.ToString("0.00", CultureInfo.InvariantCulture)} DEDUCTED BY INTERMEDIARY BANK" : "",
                Instructed: intent.Instructed, Charges: intent.Charges),
        };
    }

    /// <summary>Text in lines of the rail's width (SWIFT's 35), broken at spaces where a word allows it.</summary>
    private static List<string> Lines(string text, int width)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > width)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word);
            while (line.Length > width)
            {
                // A long run of fields (NEFT*IFSC*UTR*NAME*…) breaks after a separator where one allows, else anywhere.
                var cut = line.ToString(0, width).LastIndexOfAny(['*', '/']) + 1;
                if (cut < width / 2) cut = width;
                lines.Add(line.ToString(0, cut));
                line.Remove(0, cut);
            }
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return lines;
    }

    // ---------- the Indian bank: MT940 with NEFT/RTGS/IMPS narratives ----------

    private LabelledFile? IndiaMt940(string name, int count)
    {
        if (count <= 0) return null;
        var entries = new List<Mt940Entry>();
        var truths = new List<Truth>();
        var yyddd = $"{World.Today:yy}{World.Today.DayOfYear:D3}";
        for (var i = 0; i < count; i++)
        {
            var rail = PickRail([(Rail.Neft, 50), (Rail.Rtgs, 30), (Rail.Imps, 20)]);
            var intent = Next(rail);
            var ifsc = intent.Payer?.BankCode is { Length: 11 } code ? code
                : $"{_r.Pick<string>(["HDFC", "ICIC", "SBIN", "UTIB", "KKBK"])}0{_r.Next(0, 99_999):D6}";
            var payer = Mt(intent.Name);
            var text = Mt(intent.Text);
            string narrative, reference;
            switch (rail.Rail)
            {
                case Rail.Neft:
                    reference = $"{ifsc[..4]}N{yyddd}{_r.Next(100_000, 999_999)}";
                    narrative = $"BY TRANSFER-NEFT*{ifsc}*{reference}*{payer}*{text}";
                    break;
                case Rail.Rtgs:
                    var utr = $"{ifsc[..4]}R5{World.Today:yyyyMMdd}{_r.Next(10_000_000, 99_999_999)}";
                    reference = utr[^16..];
                    narrative = $"BY TRANSFER-RTGS*{ifsc}*{utr}*{payer}*{(intent.Account.Length > 0 ? intent.Account + "*" : "")}{text}";
                    break;
                default:
                    reference = $"{yyddd[1..]}{_r.Next(10_000_000, 99_999_999)}";
                    narrative = $"BY TRANSFER-IMPS/P2A/{reference}/{payer}/{text}";
                    break;
            }
            entries.Add(new Mt940Entry(intent.Amount, true, "NTRF", "NONREF", reference, Wrap(narrative)));
            truths.Add(intent.Truth);
            if (_r.Chance(0.07))
                entries.Add(new Mt940Entry(Money(1_000, 500_000), false, "NTRF", "NONREF", Serial("OUT"),
                    Wrap($"TO TRANSFER-NEFT*{_r.Pick<string>(["VENDOR PAYMENT", "GST PAYMENT", "SALARY BATCH", "TDS CHALLAN 281"])}")));
        }
        return new LabelledFile(name, BankFileFormat.Mt940, Mt940Writer.Write("50200023456789", "INR", World.Today, Money(1_000_000, 9_000_000), entries), truths);
    }

    /// <summary>MT940's character set: no colon (a line starting with one would read as a tag), no braces.</summary>
    private static string Mt(string text) => new(text.Select(c => c is ':' or '{' or '}' ? ' ' : c).ToArray());

    /// <summary>A :86: narrative in lines of 65, broken where a space allows, at most six lines.</summary>
    private static string Wrap(string narrative) =>
        string.Join("\n", Lines(narrative, 65).Take(6).Select(l => l.Trim() == "-" ? "." : l));

    // ---------- the Mexican bank: camt.054 of SPEI (pesos) and SPID (dollars) ----------

    private LabelledFile? MexicoCamt054(string name, Rail railName, int count)
    {
        if (count <= 0) return null;
        var rail = RailSpec.Of(railName);
        var items = new List<CamtItem>();
        var truths = new List<Truth>();
        for (var i = 0; i < count; i++)
        {
            var intent = Next(rail);
            var bank = intent.Account.Length >= 3 ? MexicanBanks.GetValueOrDefault(intent.Account[..3], "STP") : "STP";
            items.Add(new CamtItem(true, intent.Amount, Serial("MX"), $"{bank.Replace(" ", "", StringComparison.Ordinal).PadRight(4, 'X')[..4]}{World.Today:yyMMdd}{_r.Next(10_000_000, 99_999_999)}",
                intent.Name, intent.Account, intent.Text.Length > 0 ? [intent.Text] : [], railName == Rail.Spei ? "ABONO SPEI" : "ABONO SPID", "RCDT", "DMCT",
                railName == Rail.Spei ? "SPEI" : "SPID", NumericReference: intent.NumericRef, NumericReferenceType: "REFERENCIA NUMERICA",
                TransactionInfo: $"{(railName == Rail.Spei ? "SPEI" : "SPID")} RECIBIDO {bank}"));
            truths.Add(intent.Truth);
        }
        var account = Accounts.Clabe(railName == Rail.Spei ? "01218000123456789" : "01218000987654321");
        return new LabelledFile(name, BankFileFormat.Camt054,
            IsoCamtWriter.Write(false, account, rail.Currency, "THORNBURY EQUIPOS DE PROCESO SA DE CV", "BCMRMXMM", World.Today, 0m, items), truths);
    }

    // ---------- the Brazilian bank: MT940 with TED, PIX and boleto narratives ----------

    private LabelledFile? BrazilMt940(string name, int count)
    {
        if (count <= 0) return null;
        var entries = new List<Mt940Entry>();
        var truths = new List<Truth>();
        for (var i = 0; i < count; i++)
        {
            var rail = PickRail([(Rail.Ted, 35), (Rail.Pix, 45), (Rail.Boleto, 20)]);
            var intent = Next(rail);
            var payer = Mt(intent.Name);
            var text = Mt(intent.Text);
            var narrative = rail.Rail switch
            {
                Rail.Ted => $"TED RECEBIDA-{(intent.Account.Length > 0 ? intent.Account + "-" : "")}{payer}{(text.Length > 0 ? "-" + text : "")}",
                Rail.Pix => $"PIX RECEBIDO-{(intent.Payer?.TaxId is { Length: > 0 } cnpj ? cnpj : Accounts.TaxId(_r, Country.BR))}-{payer}{(text.Length > 0 ? "-" + text : "")}",
                _ => $"LIQUIDACAO BOLETO-{payer}-SEU NUM {text}",
            };
            entries.Add(new Mt940Entry(intent.Amount, true, rail.Rail == Rail.Boleto ? "NCOL" : "NTRF", "NONREF", Serial("BR"), Wrap(narrative)));
            truths.Add(intent.Truth);
            if (_r.Chance(0.06))
                entries.Add(new Mt940Entry(Money(100, 80_000), false, "NTRF", "NONREF", Serial("PG"),
                    Wrap(_r.Pick<string>(["PAGTO FORNECEDOR", "TARIFA PACOTE SERVICOS", "DARF IMPOSTOS", "FOLHA PAGAMENTO"]))));
        }
        return new LabelledFile(name, BankFileFormat.Mt940, Mt940Writer.Write("341/0912/00123-4", "BRL", World.Today, Money(50_000, 2_000_000), entries), truths);
    }

    // ---------- the South African bank: camt.053 of EFT (ACB) and real-time credits ----------

    private LabelledFile? SouthAfricaCamt053(string name, int count)
    {
        if (count <= 0) return null;
        var items = new List<CamtItem>();
        var truths = new List<Truth>();
        for (var i = 0; i < count; i++)
        {
            var rail = PickRail([(Rail.ZaEft, 70), (Rail.ZaRtc, 30)]);
            var intent = Next(rail);
            items.Add(rail.Rail == Rail.ZaEft
                ? new CamtItem(true, intent.Amount, Serial("Z"), "", "", "", [$"{intent.Name} {intent.Text}".Trim()], "ACB CREDIT", "RCDT", "DMCT", "ACB")
                : new CamtItem(true, intent.Amount, Serial("R"), "", intent.Name, "", intent.Text.Length > 0 ? [intent.Text] : [], "RTC CREDIT", "RCDT", "DMCT", "RTC"));
            truths.Add(intent.Truth);
            if (_r.Chance(0.06))
                items.Add(new CamtItem(false, Money(20, 60_000), Serial("ZD"), "", _r.Pick<string>(["SARS PAYE", "ESKOM", "SERVICE FEES"]), "", [], "DEBIT ORDER", "RDDT", "ESDD"));
        }
        return new LabelledFile(name, BankFileFormat.Camt053,
            IsoCamtWriter.Write(true, "410234567", "ZAR", "THORNBURY PROCESS EQUIPMENT SOUTH AFRICA (PTY) LTD", "SBZAZAJJ", World.Today, Money(100_000, 5_000_000), items), truths);
    }

    // ---------- the US lockbox: checks from the groups' US subsidiaries ----------

    private LabelledFile? Lockbox(string name, int count)
    {
        if (count <= 0) return null;
        var rail = RailSpec.Of(Rail.Lockbox);
        var checks = new List<LockboxCheck>();
        var truths = new List<Truth>();
        for (var i = 0; i < count; i++)
        {
            var intent = Next(rail);
            checks.Add(new LockboxCheck($"{_r.Next(100_000, 999_999)}", intent.Amount, intent.Name, intent.Account, intent.Stub));
            truths.Add(intent.Truth);
        }
        return new LabelledFile(name, BankFileFormat.CsvLockbox, LockboxCsvWriter.Write("LBX4410", "USD", World.Today, checks), truths);
    }
}
