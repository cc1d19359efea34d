using System.Diagnostics;
using System.Text;
using ArPlatform.Bench.Fuzz;
using ArPlatform.CashApplication.BankFiles;
using ArPlatform.CashApplication.Tests.Infrastructure;

namespace ArPlatform.CashApplication.Tests.BankFiles;

/// <summary>
/// Broken and hostile files: whatever the bytes, a parser yields transactions or refuses the file
/// as a format error with its line — never another exception, never a hang, never an expansion.
/// The long run is `bench/ArPlatform.Bench.Fuzz`; here a bounded one on the same mutations.
/// </summary>
public sealed class HostileBankFileTests
{
    [Fact]
    public void Thousands_of_mutated_bank_files_are_each_parsed_or_refused_with_their_line()
    {
        if (BankSamples.Directory is null && BankSamples.InCi) throw new InvalidOperationException("CI=true but " + BankSamples.MissingMessage);
        var seeds = Seeds.Load(BankSamples.Directory);

        var report = FuzzRun.Run(seeds, inputs: 3_000, budget: TimeSpan.FromMinutes(2), seed: 20261207, hangLimit: TimeSpan.FromSeconds(20));

        Assert.True(report.Inputs >= 1_000, $"only {report.Inputs} inputs were tried");
        Assert.Null(report.Hang);
        Assert.Empty(report.Crashes.Select(c => $"{c.Kind} at {c.Where} (from {c.Seed})"));
        Assert.Equal(report.Inputs, report.Parsed + report.Refused);
    }

    [Theory]
    [InlineData("<!DOCTYPE Document [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>")]
    [InlineData("<!DOCTYPE Document [<!ENTITY x SYSTEM \"file:///etc/passwd\">]>")]
    public void A_camt_file_declaring_a_document_type_is_refused_before_any_entity_is_expanded(string dtd)
    {
        var file = "<?xml version=\"1.0\"?>\n" + dtd + "\n<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Ntry><AddtlNtryInf>&b;&x;</AddtlNtryInf></Ntry></Stmt></BkToCstmrStmt></Document>";

        var refused = Assert.Throws<BankFileFormatException>(() => Read(file, BankFileFormat.Camt053));

        // The XML reader gives no position for a prohibited DTD: the refusal names the start of the file.
        Assert.InRange(refused.LineNumber, 1, 2);
        Assert.Contains("DTD is prohibited", refused.Reason);
    }

    [Fact]
    public void An_entry_nested_thousands_deep_is_refused_at_once()
    {
        var nested = string.Concat(Enumerable.Repeat("<a>", 50_000)) + string.Concat(Enumerable.Repeat("</a>", 50_000));
        var file = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt><Ntry>" + nested + "</Ntry></Stmt></BkToCstmrStmt></Document>";
        var clock = Stopwatch.StartNew();

        var refused = Assert.Throws<BankFileFormatException>(() => Read(file, BankFileFormat.Camt053));

        Assert.Contains($"nested more than {CamtParser.MaxDepth} levels deep", refused.Reason);
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"refusing took {clock.Elapsed}");
    }

    [Fact]
    public void A_transaction_summary_counting_more_than_a_number_holds_is_refused_with_its_line()
    {
        var file = "<Document xmlns=\"urn:iso:std:iso:20022:tech:xsd:camt.053.001.02\"><BkToCstmrStmt><Stmt>\n<TxsSummry><TtlNtries><NbOfNtries>99999999999999999999</NbOfNtries></TtlNtries></TxsSummry></Stmt></BkToCstmrStmt></Document>";

        var refused = Assert.Throws<BankFileFormatException>(() => Read(file, BankFileFormat.Camt053));

        Assert.Contains("is not a count", refused.Reason);
    }

    [Fact]
    public void A_bai2_file_cut_before_its_trailers_is_refused_on_the_line_after_its_last()
    {
        var file = "01,BANK,ARPLATFORM,261130,0800,1,,,2/\n02,ARPLATFORM,BANK,1,261130,,USD,2/\n03,0001,USD,010,100,,/\n16,195,100,Z,REF,,PAYMENT/\n";

        var refused = Assert.Throws<BankFileFormatException>(() => Read(file, BankFileFormat.Bai2));

        Assert.Equal((5, "the file ends where a 49 account trailer was expected"), (refused.LineNumber, refused.Reason));
    }

    [Fact]
    public void A_german_subfield_written_twice_adds_to_the_purpose_instead_of_failing()
    {
        var file = ":20:STMT\n:25:DE44500105175407324931\n:28C:1/1\n:60F:C261129EUR0,00\n:61:2611301130CR100,00NTRFNONREF\n:86:166?00GUTSCHRIFT?20RE 4711?20 4712?32ACME GMBH\n:62F:C261130EUR100,00\n-\n";

        var (_, transactions) = BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(file)), BankFileFormat.Mt940);

        Assert.Contains("RE 4711 4712", Assert.Single(transactions).Text);
    }

    private static List<BankTransaction> Read(string file, BankFileFormat format) =>
        [.. BankFileReader.Read(new MemoryStream(Encoding.UTF8.GetBytes(file)), format).Transactions];
}
