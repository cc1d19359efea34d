using System.Text;
using ArPlatform.CashApplication.BankFiles;
using ArPlatform.CashApplication.Tests.Infrastructure;

namespace ArPlatform.CashApplication.Tests.BankFiles;

/// <summary>
/// Every file of ../shared/samples/bankfiles, with what SOURCES.md says of it: valid files parse
/// (their control totals tie, or the parser would refuse them) into the transactions listed
/// here; malformed ones, and sanitised exports whose totals no longer tie, are refused with the
/// line and the reason. A file in the folder that this table does not know fails the test.
/// </summary>
public sealed class CorpusTests
{
    /// <summary>File → transactions expected, or the line it is refused at (negative).</summary>
    private static readonly Dictionary<string, int> Bai2 = new()
    {
        ["dnsbty__bai2__test.bai"] = -Refused, // 49/98/99 counts claim more records than there are
        ["dnsbty__bai2__test2.bai"] = -Refused, // trailers copied from a bigger file
        ["hengpor__bai2-to-csv__sample.bai"] = -Refused, // 8-digit date in the 01 header
        ["ministryofjustice__bai2__account_trailer_amount_blank_example.bai2"] = 0,
        ["ministryofjustice__bai2__citi_example.bai2"] = 1,
        ["ministryofjustice__bai2__svb_us_example.bai2"] = 2,
        ["moov-io__bai2__sample-parseError.txt"] = -Refused,
        ["moov-io__bai2__sample1.txt"] = 17,
        ["moov-io__bai2__sample2.txt"] = 4,
        ["moov-io__bai2__sample3.txt"] = 26,
        ["moov-io__bai2__sample4-continuations-newline-delimited.txt"] = -Refused, // sanitised: totals do not tie
        ["venturehacks__bai2__daily.bai2"] = 1,
        ["venturehacks__bai2__daily_with_summary.bai2"] = 1,
        ["venturehacks__bai2__eod.bai2"] = 1,
        ["venturehacks__bai2__eod_without_as_of_time.bai2"] = 1,
    };

    /// <summary>A statement whose opening balance plus its entries is not its closing balance is refused.</summary>
    private static readonly Dictionary<string, int> Mt940 = new()
    {
        ["fruitl00p__php-mt940__Bunq_sample"] = 111,
        ["fruitl00p__php-mt940__Kbs_sample2"] = 7,
        ["fruitl00p__php-mt940__Penta_sample"] = 30,
        ["fruitl00p__php-mt940__Rabo_sample"] = -Refused, // balance-only statements whose balances jump
        ["sandermarechal__jejik-mt940__deutschebank.txt"] = -Refused, // sanitised: 0 + (−12.35) ≠ 0
        ["sandermarechal__jejik-mt940__ing-dos.txt"] = -Refused, // does not reconcile
        ["sandermarechal__jejik-mt940__postfinance.txt"] = -Refused, // second statement off by 0.20
        ["sandermarechal__jejik-mt940__rabobank.txt"] = -Refused, // does not reconcile
        ["sandermarechal__jejik-mt940__volksbankenraiffeisenbanken.txt"] = 12,
        ["wolph__mt940__ASNB_mt940.txt"] = 8,
        ["wolph__mt940__betterplace_sepa_snippet_broken.sta"] = -Refused, // :86: mistyped as a second :25:
        ["wolph__mt940__betterplace_with_binary_character.sta"] = 4,
        ["wolph__mt940__citi_mt940.txt"] = 5,
        ["wolph__mt940__february_30.sta"] = -Refused, // value date 30 February
        ["wolph__mt940__malformed_details.sta"] = -Refused,
        ["wolph__mt940__mBank_with_newline_in_tnr.sta"] = -Refused, // sanitised balances
        ["wolph__mt940__mt942.sta"] = 1, // an interim report: no balances to reconcile
        ["wolph__mt940__sberbank_171011_01234945.sta"] = 3,
        ["zilverline__mt940__abnamro_structured.txt"] = -Refused, // does not reconcile
        ["zilverline__mt940__mt940_iban.txt"] = 21,
        ["zilverline__mt940__two_accounts.txt"] = 3,
    };

    /// <summary>One transaction per entry detail (per entry without details, or whose batch details carry no amounts).</summary>
    private static readonly Dictionary<string, int> Camt = new()
    {
        ["Subite-eu__camt-to-coda__CAMT_053_2024-03-07.xml"] = 3, // minified, no booking dates: the balances' date
        ["Subite-eu__camt-to-coda__CAMT_054_2024-03-18.xml"] = 41, // each detail with its own amount and direction
        ["Subite-eu__camt-to-coda__account_statement.xml"] = 3,
        ["genkgo__camt__camt053.v2.all-balance-types.xml"] = 1,
        ["genkgo__camt__camt053.v2.five.decimals.xml"] = 1,
        ["genkgo__camt__camt053.v2.minimal.xml"] = 1,
        ["genkgo__camt__camt053.v2.multi.statement.xml"] = 2,
        ["genkgo__camt__camt053.v3.xml"] = 1,
        ["genkgo__camt__camt053.v4.xml"] = 1,
        ["genkgo__camt__camt053.v8.xml"] = 1,
        ["genkgo__camt__camt054.v2.xml"] = 1, // a batch of three details without amounts: one payment
        ["genkgo__camt__camt054.v4.xml"] = 3,
        ["genkgo__camt__camt054.v8.xml"] = 3,
        ["moov-io__iso20022__200519_camt.054_P_CH2909000000250094239_1111091335_0_2020061900081727.xml"] = 2,
        ["moov-io__iso20022__200519_camt054-ESR-ASR_P_CH2909000000250094239_1110092704_0_2019042500372179.xml"] = 6,
        ["moov-io__iso20022__200519_camt054-chdd_p_ch2909000000250094239_1110097484_0_20190520700381159.xml"] = 2,
        ["moov-io__iso20022__200924_camt.054_P_CH2909000000250094239_1110092703_0_2019042423412214.xml"] = 6,
        ["moov-io__iso20022__FI_camt_053_sample.xml.xml"] = 13, // 10 entries, 12 details
        ["moov-io__iso20022__camt.053_P_CH2909000000250094239_1110092698_0_2020112503071366.xml"] = 5,
        ["moov-io__iso20022__camt054-returns_p_ch5109000000250092291_1110097606_0_2020112500512470.xml"] = 1,
        ["moov-io__iso20022__statement_1.xml"] = 4,
    };

    /// <summary>One payment per ST…SE; remittance need not add up to the payment (short-pays are real).</summary>
    private static readonly Dictionary<string, int> Edi820 = new()
    {
        ["Inteligenz__X12Parser__Example1_MortgageBankers.txt"] = 1, // BOM, newline-terminated segments
        ["Inteligenz__X12Parser__Example2_ScanaEnergy.txt"] = 1,
        ["Inteligenz__X12Parser__Example4_Safeway.txt"] = 1,
        ["Inteligenz__X12Parser__Example5_Wikipedia.txt"] = 1, // backslash terminator, no BPR16: dated by GS04
        ["Inteligenz__X12Parser__Example6.txt"] = 1, // SE02 0001203 = ST02 000001203 as numbers
    };

    /// <summary>One transaction per entry; batch and file controls tie or the file is refused.</summary>
    private static readonly Dictionary<string, int> Nacha = new()
    {
        ["moov-io__ach__20110805A.ach"] = -Refused, // file control says 5 batches, 4 are there
        ["moov-io__ach__adv-noFileControl.ach"] = -Refused, // ADV layout, no file control
        ["moov-io__ach__ccd-debit.ach"] = 2,
        ["moov-io__ach__contested-return.ach"] = 1,
        ["moov-io__ach__cor-read.ach"] = 0, // a notification of change moves no money
        ["moov-io__ach__issue1620_return.ach"] = 1, // effective date 000000: dated by the file
        ["moov-io__ach__nonascii-utf8.ach"] = -Refused, // file control counts 1 entry and addenda record of 13
        ["moov-io__ach__nonascii.ach"] = -Refused, // the same
        ["moov-io__ach__ppd-debit-invalid-entryDetail-checkDigit.ach"] = -Refused,
        ["moov-io__ach__ppd-mixedDebitCredit.ach"] = 3,
        ["moov-io__ach__return-WEB.ach"] = 2,
        ["moov-io__ach__short-line.ach"] = 1, // a 74-character header read as padded
        ["moov-io__ach__txp-credit.ach"] = 1,
        ["moov-io__ach__web-credit.ach"] = 1,
    };

    private const int Refused = 1;

    /// <summary>Each corpus folder's table.</summary>
    private static readonly Dictionary<string, Dictionary<string, int>> Tables = new()
    {
        ["bai2"] = Bai2, ["camt"] = Camt, ["edi820"] = Edi820, ["mt940"] = Mt940, ["nacha"] = Nacha,
    };

    public static TheoryData<string> Bai2Files() => BankSamples.Files("bai2");

    [BankSamplesTheory]
    [MemberData(nameof(Bai2Files))]
    public void Every_bai2_sample_parses_or_is_refused_as_its_source_says(string file) =>
        Check("bai2", file, Bai2Parser.Parse);

    public static TheoryData<string> Mt940Files() => BankSamples.Files("mt940");

    [BankSamplesTheory]
    [MemberData(nameof(Mt940Files))]
    public void Every_mt940_sample_parses_or_is_refused_as_its_source_says(string file) =>
        Check("mt940", file, Mt940Parser.Parse);

    public static TheoryData<string> CamtFiles() => BankSamples.Files("camt");

    [BankSamplesTheory]
    [MemberData(nameof(CamtFiles))]
    public void Every_camt_sample_parses_or_is_refused_as_its_source_says(string file) =>
        Check("camt", file, CamtParser.Parse);

    public static TheoryData<string> Edi820Files() => BankSamples.Files("edi820");

    [BankSamplesTheory]
    [MemberData(nameof(Edi820Files))]
    public void Every_edi820_sample_parses_or_is_refused_as_its_source_says(string file) =>
        Check("edi820", file, Edi820Parser.Parse);

    public static TheoryData<string> NachaFiles() => BankSamples.Files("nacha");

    [BankSamplesTheory]
    [MemberData(nameof(NachaFiles))]
    public void Every_nacha_sample_parses_or_is_refused_as_its_source_says(string file) =>
        Check("nacha", file, NachaParser.Parse);

    public static TheoryData<string, string> AllFiles()
    {
        var data = new TheoryData<string, string>();
        foreach (var folder in Tables.Keys)
            foreach (var file in BankSamples.Files(folder))
                data.Add(folder, file);
        return data;
    }

    /// <summary>Whatever the format, the reader recognises it from the first bytes and reads it the same way.</summary>
    [BankSamplesTheory]
    [MemberData(nameof(AllFiles))]
    public void Every_sample_that_parses_is_recognised_and_read_the_same_without_naming_its_format(string folder, string file)
    {
        if (!Tables[folder].TryGetValue(file, out var expected) || expected < 0) return;
        using var stream = File.OpenRead(BankSamples.PathOf(folder, file));

        var (format, transactions) = BankFileReader.Read(stream);

        Assert.Equal(folder, format switch
        {
            BankFileFormat.Bai2 => "bai2", BankFileFormat.Camt053 or BankFileFormat.Camt054 => "camt", BankFileFormat.Edi820 => "edi820",
            BankFileFormat.Mt940 => "mt940", BankFileFormat.Nacha => "nacha", _ => "csv",
        });
        Assert.Equal(expected, transactions.Count());
    }

    private static StreamReader Reader(string path) => new(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    private static void Check(string folder, string file, Func<TextReader, IEnumerable<BankTransaction>> parser)
    {
        var path = BankSamples.PathOf(folder, file);
        List<BankTransaction> Parse(string at)
        {
            using var reader = Reader(at);
            return parser(reader).ToList();
        }
        Assert.True(Tables[folder].TryGetValue(file, out var outcome), $"{file} is in the corpus but not in this test's table: {Describe(path, Parse)}");
        if (outcome >= 0)
        {
            var transactions = Parse(path);
            Assert.Equal(outcome, transactions.Count);
            Assert.All(transactions, t => Assert.True(t.Amount >= 0m && t.LineNumber > 0 && t.Currency.Length == 3));
        }
        else
        {
            var error = Assert.Throws<BankFileFormatException>(() => Parse(path));
            Assert.True(error.LineNumber > 0, error.Message);
            Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        }
    }

    private static string Describe(string path, Func<string, List<BankTransaction>> parse)
    {
        try { return $"parses into {parse(path).Count} transactions"; }
        catch (BankFileFormatException e) { return $"refused: {e.Message}"; }
    }

}

/// <summary>What the samples say about who paid and for what reaches the transactions.</summary>
public sealed class CorpusRemittanceTests
{
    private static List<BankTransaction> Read(string format, string file, Func<TextReader, IEnumerable<BankTransaction>> parse)
    {
        using var reader = new StreamReader(BankSamples.PathOf(format, file), Encoding.UTF8);
        return parse(reader).ToList();
    }

    [BankSamplesFact]
    public void A_fedwire_obi_invoice_number_in_bai2_becomes_remittance()
    {
        var wire = Assert.Single(Read("bai2", "venturehacks__bai2__eod.bai2", Bai2Parser.Parse));

        Assert.Equal((83259.82m, Direction.Credit, "195"), (wire.Amount, wire.Direction, wire.TypeCode));
        Assert.Contains(wire.Remittance, r => r.Reference == "123456");
    }

    [BankSamplesFact]
    public void Camt_referred_documents_creditor_references_and_returns_come_through()
    {
        var finnish = Read("camt", "moov-io__iso20022__FI_camt_053_sample.xml.xml", CamtParser.Parse);
        var isr = Read("camt", "moov-io__iso20022__200519_camt054-ESR-ASR_P_CH2909000000250094239_1110092704_0_2019042500372179.xml", CamtParser.Parse);
        var returned = Assert.Single(Read("camt", "moov-io__iso20022__camt054-returns_p_ch5109000000250092291_1110097606_0_2020112500512470.xml", CamtParser.Parse));

        Assert.Contains(finnish, t => t.Remittance.Any(r => r.Qualifier == "CINV" && r.Reference == "217827182718"));
        Assert.Contains(finnish, t => t.Remittance.Any(r => r.Reference == "US20291092"));
        Assert.Contains(isr, t => t.Remittance.Any(r => r.Qualifier == "ISR Reference" && r.Reference == "120000000000234478943216899"));
        Assert.Equal((true, "AC01"), (returned.IsReturn, returned.ReturnReason));
    }

    [BankSamplesFact]
    public void Camt_credits_name_their_debtor_as_v2_and_v8_write_it_and_an_ultimate_debtor_before_the_debtor()
    {
        var v2 = Assert.Single(Read("camt", "genkgo__camt__camt053.v2.minimal.xml", CamtParser.Parse));
        var v8 = Assert.Single(Read("camt", "genkgo__camt__camt053.v8.xml", CamtParser.Parse));
        var finnish = Read("camt", "moov-io__iso20022__FI_camt_053_sample.xml.xml", CamtParser.Parse);

        Assert.Equal(("NAME NAME", "NL56AGDH9619008421"), (v2.PayerName, v2.PayerAccount)); // Dbtr/Nm
        Assert.Equal(("NAME NAME", "NL56AGDH9619008421"), (v8.PayerName, v8.PayerAccount)); // Dbtr/Pty/Nm
        var onBehalf = Assert.Single(finnish, t => t.CustomerReference == "EndToEndIdSCT01");
        Assert.Equal(("ULTIMATE DEBTOR", "Debtor: DEBTOR"), (onBehalf.PayerName, onBehalf.Text));
        // Its debits name the creditor they paid.
        Assert.All(finnish.Where(t => t.Direction == Direction.Debit && t.PayerName.Length > 0), t => Assert.Equal("Creditor Company", t.PayerName));
    }

    [BankSamplesFact]
    public void Mt940_credits_name_their_payer_from_german_subfields_dutch_name_fields_and_the_ordering_party()
    {
        var german = Read("mt940", "sandermarechal__jejik-mt940__volksbankenraiffeisenbanken.txt", Mt940Parser.Parse);
        var bunq = Read("mt940", "fruitl00p__php-mt940__Bunq_sample", Mt940Parser.Parse);
        var kbs = Read("mt940", "fruitl00p__php-mt940__Kbs_sample2", Mt940Parser.Parse);

        Assert.Equal(("Olivia Dorn", "DE40500105174675974588"), (german[0].PayerName, german[0].PayerAccount)); // ?32, ?31
        Assert.Contains(german, t => t.PayerName == "Hellwig, Annegret, Hellwig, Dieter"); // ?32 continued in ?33
        Assert.Equal(("P.C. Wacki", "NL65BUNQ2206724936"), (bunq[0].PayerName, bunq[0].PayerAccount)); // /IBAN/ /NAME/
        var credit = Assert.Single(kbs, t => t.Direction == Direction.Credit);
        Assert.Equal(("HRISTO JANKOV Dane Krapcev br.20 S", "530500003804588"), (credit.PayerName, credit.PayerAccount)); // /ORDP/
        Assert.All(german.Concat(bunq).Concat(kbs).Where(t => t.Direction == Direction.Credit), t => Assert.NotEqual("", t.PayerName));
    }

    [BankSamplesFact]
    public void Nacha_payers_are_the_company_of_a_ccd_batch_and_the_individual_of_a_web_entry()
    {
        var tax = Assert.Single(Read("nacha", "moov-io__ach__txp-credit.ach", NachaParser.Parse));
        var web = Assert.Single(Read("nacha", "moov-io__ach__web-credit.ach", NachaParser.Parse));
        var returns = Read("nacha", "moov-io__ach__return-WEB.ach", NachaParser.Parse);

        Assert.Equal(("ACME CORP", "1123456789"), (tax.PayerName, tax.PayerAccount));
        Assert.Equal(("John Doe", "12345678"), (web.PayerName, web.PayerAccount));
        Assert.EndsWith("PAY-GATE payment\\", web.Text); // the 05 addenda, as written
        Assert.Equal(["Paul Jones", "Bob Marley"], returns.Select(t => t.PayerName));
    }

    [BankSamplesFact]
    public void Edi820_remittance_lines_carry_invoice_paid_and_discount_amounts_and_adjustments()
    {
        var safeway = Assert.Single(Read("edi820", "Inteligenz__X12Parser__Example4_Safeway.txt", Edi820Parser.Parse));
        var wikipedia = Assert.Single(Read("edi820", "Inteligenz__X12Parser__Example5_Wikipedia.txt", Edi820Parser.Parse));

        Assert.Equal((416093.15m, "Safeway - U. S. Corporate", "4311000190"), (safeway.Amount, safeway.PayerName, safeway.BankReference));
        Assert.Contains(safeway.Remittance, r => r is { Qualifier: "IV", Reference: "6092392", PaidAmount: 20430.34m, InvoiceAmount: 20851.11m, DiscountAmount: 420.77m });
        Assert.Contains(safeway.Remittance, r => r.AdjustmentAmount == -13676.81m);
        Assert.Equal(wikipedia.Amount, wikipedia.Remittance.Sum(r => r.PaidAmount));
        // N1*PR is the payer, BPR09 its account; N1*PE (YOWZACO, Safeway Supplier Name) is the payee.
        Assert.Equal(("WHIZCO OF AMERICA INC", "0099109999"), (wikipedia.PayerName, wikipedia.PayerAccount));
        Assert.Equal("2000014804300", safeway.PayerAccount);
        Assert.Equal(new DateOnly(2003, 10, 16), wikipedia.BookingDate);
    }

    [BankSamplesFact]
    public void German_invoice_numbers_and_dutch_structured_fields_in_mt940_become_remittance_and_payer()
    {
        var penta = Read("mt940", "fruitl00p__php-mt940__Penta_sample", Mt940Parser.Parse);
        var ing = Read("mt940", "zilverline__mt940__mt940_iban.txt", Mt940Parser.Parse);

        Assert.Contains(penta, t => t.Remittance.Any(r => r.Reference == "7983"));
        Assert.Equal(("B Bert", "NL57ABNA0876543211"), (ing[0].PayerName, ing[0].PayerAccount));
        Assert.Equal(192.36m, ing[0].Amount);
        Assert.StartsWith("22-08-2014 Omschrijving", ing[0].Text);
    }
}
