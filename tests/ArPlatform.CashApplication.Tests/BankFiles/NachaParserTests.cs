using System.Globalization;
using System.Text;
using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.CashApplication.Tests.BankFiles;

public sealed class NachaParserTests
{
    /// <summary>Builds a NACHA file we wrote: fixed-width records with controls computed as NACHA says.</summary>
    private sealed class AchFile
    {
        private readonly List<(string Sec, string Company, List<(int Code, string Routing, long Cents, string Name, string[] Addenda)> Entries)> _batches = [];

        public AchFile Batch(string sec, string company, params (int Code, string Routing, long Cents, string Name, string[] Addenda)[] entries)
        {
            _batches.Add((sec, company, entries.ToList()));
            return this;
        }

        public override string ToString()
        {
            var lines = new List<string> { Record("101 021000021 1234567892611030800A094101FEDERAL RESERVE        ARPLATFORM INC") };
            long fileHash = 0, fileDebit = 0, fileCredit = 0;
            var fileRecords = 0;
            for (var b = 0; b < _batches.Count; b++)
            {
                var (sec, company, entries) = _batches[b];
                lines.Add(Record($"5220{company,-16}{"",-20}1234567890{sec}PAYMENT   261103261103   1021000020{b + 1:D7}"));
                long hash = 0, debit = 0, credit = 0;
                var records = 0;
                for (var e = 0; e < entries.Count; e++)
                {
                    var (code, routing, cents, name, addenda) = entries[e];
                    var trace = $"02100002{e + 1:D7}";
                    lines.Add(Record($"6{code:D2}{routing}{"123456789",-17}{cents:D10}{"CUST-42",-15}{name,-22}  {(addenda.Length > 0 ? 1 : 0)}{trace}"));
                    foreach (var (text, i) in addenda.Select((t, i) => (t, i)))
                        lines.Add(Record(text.StartsWith("799", StringComparison.Ordinal) ? text : $"705{text,-80}{i + 1:D4}{e + 1:D7}"));
                    records += 1 + addenda.Length;
                    hash += long.Parse(routing[..8], CultureInfo.InvariantCulture);
                    if (code % 10 <= 4) credit += cents; else debit += cents;
                }
                lines.Add(Record($"8220{records:D6}{hash % 10_000_000_000:D10}{debit:D12}{credit:D12}1234567890{"",25}021000020{b + 1:D7}"));
                fileHash += hash; fileDebit += debit; fileCredit += credit; fileRecords += records;
            }
            lines.Add(Record($"9{_batches.Count:D6}{1:D6}{fileRecords:D8}{fileHash % 10_000_000_000:D10}{fileDebit:D12}{fileCredit:D12}"));
            return string.Join("\n", lines) + "\n";
        }

        private static string Record(string text) => text.PadRight(94);
    }

    private const string Routing = "026009593";

    private static List<BankTransaction> Parse(string text) => NachaParser.Parse(new StringReader(text)).ToList();

    [Fact]
    public void A_ccd_plus_credit_brings_its_payer_trace_and_invoice_numbers_from_the_addenda()
    {
        var file = new AchFile().Batch("CCD", "ACME CORP", (22, Routing, 32475, "ARPLATFORM INC", ["RMR*IV*INV-000123*PI*324.75\\ INVOICE 2026-000991"]));

        var payment = Assert.Single(Parse(file.ToString()));

        Assert.Equal((324.75m, Direction.Credit, "ACME CORP", "021000020000001", new DateOnly(2026, 11, 3)),
            (payment.Amount, payment.Direction, payment.PayerName, payment.BankReference, payment.BookingDate));
        Assert.Equal(("CCD/22", "CUST-42"), (payment.TypeCode, payment.CustomerReference));
        Assert.Contains(payment.Remittance, r => r.Reference == "2026-000991");
    }

    [Fact]
    public void A_ctx_credit_carries_the_whole_820_in_its_addenda()
    {
        const string x12 = "ISA*00*          *00*          *ZZ*ACME           *ZZ*ARPLATFORM     *261103*0800*U*00401*000000007*0*P*>~" +
                           "GS*RA*ACME*ARPLATFORM*20261103*0800*7*X*004010~ST*820*0001~BPR*C*1300.00*C*ACH*CTX*01*021000021*DA*1*2**01*026009593*DA*3*20261103~" +
                           "TRN*1*T-1~RMR*IV*INV-000123**324.75~RMR*IV*INV-000124**975.25~SE*6*0001~GE*1*7~IEA*1*000000007~";
        var addenda = x12.Chunk(80).Select(c => new string(c)).ToArray();
        var file = new AchFile().Batch("CTX", "ACME CORP", (22, Routing, 130000, "0003ARPLATFORM INC", addenda));

        var payment = Assert.Single(Parse(file.ToString()));

        Assert.Equal(["INV-000123", "INV-000124"], payment.Remittance.Select(r => r.Reference));
        Assert.Equal([324.75m, 975.25m], payment.Remittance.Select(r => r.PaidAmount!.Value));
    }

    [Fact]
    public void A_returned_entry_carries_its_return_reason()
    {
        var file = new AchFile().Batch("PPD", "ACME CORP", (26, Routing, 5000, "ARPLATFORM INC", ["799R01021000020000001      02100002                                            021000020000001"]));

        var returned = Assert.Single(Parse(file.ToString()));

        Assert.Equal((true, "R01", Direction.Debit), (returned.IsReturn, returned.ReturnReason, returned.Direction));
    }

    [Theory]
    [InlineData("8220000001", "8220000002", "batch control: entry and addenda count is 000002")]
    [InlineData("9000001", "9000002", "file control says 000002 batches")]
    [InlineData("622026009593", "622026009594", "check digit 4 should be 3")]
    public void A_file_whose_controls_do_not_tie_is_refused_at_the_control(string original, string broken, string reason)
    {
        var file = new AchFile().Batch("CCD", "ACME CORP", (22, Routing, 32475, "ARPLATFORM INC", [])).ToString();
        var at = file.IndexOf(original, StringComparison.Ordinal);
        Assert.True(at >= 0, $"fixture lacks {original}");

        var error = Assert.Throws<BankFileFormatException>(() => Parse(string.Concat(file.AsSpan(0, at), broken, file.AsSpan(at + original.Length))));

        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_file_without_its_file_control_is_refused()
    {
        var file = new AchFile().Batch("CCD", "ACME CORP", (22, Routing, 32475, "ARPLATFORM INC", [])).ToString();

        var error = Assert.Throws<BankFileFormatException>(() => Parse(file[..file.LastIndexOf("9000001", StringComparison.Ordinal)]));

        Assert.Contains("file control (9) record is missing", error.Message);
    }

    [Theory]
    [InlineData("491231", 2049, 12, 31)]
    [InlineData("500101", 1950, 1, 1)]
    public void A_two_digit_year_reads_inside_the_business_dates_so_no_nacha_date_can_leave_them(string effective, int year, int month, int day)
    {
        var file = new AchFile().Batch("CCD", "ACME CORP", (22, Routing, 32475, "ARPLATFORM INC", [])).ToString();

        var payment = Assert.Single(Parse(file.Replace("PAYMENT   261103261103", $"PAYMENT   261103{effective}")));

        Assert.Equal(new DateOnly(year, month, day), payment.BookingDate);
    }

    [Theory]
    [InlineData("CCD", 22, "ACME CORP", "1234567890")]
    [InlineData("CTX", 22, "ACME CORP", "1234567890")]
    [InlineData("PPD", 27, "JANE DOE", "123456789")]
    [InlineData("WEB", 27, "JANE DOE", "123456789")]
    [InlineData("TEL", 27, "JANE DOE", "123456789")]
    public void A_company_pays_as_the_batchs_company_and_a_consumer_as_the_entrys_individual(string sec, int code, string payer, string account)
    {
        var file = new AchFile().Batch(sec, "ACME CORP", (code, Routing, 32475, "JANE DOE", ["INVOICE INV-000777"]));

        var payment = Assert.Single(Parse(file.ToString()));

        Assert.Equal((payer, account), (payment.PayerName, payment.PayerAccount));
        Assert.Equal(["INV-000777"], payment.Remittance.Select(r => r.Reference));
        Assert.Contains("INVOICE INV-000777", payment.Text);
    }
}
