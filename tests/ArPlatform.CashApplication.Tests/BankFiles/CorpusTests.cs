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

    private const int Refused = 1;

    public static TheoryData<string> Bai2Files() => BankSamples.Files("bai2");

    [BankSamplesTheory]
    [MemberData(nameof(Bai2Files))]
    public void Every_bai2_sample_parses_or_is_refused_as_its_source_says(string file) =>
        Check(file, Bai2, path => Bai2Parser.Parse(Reader(path)).ToList());

    private static StreamReader Reader(string path) => new(path, Encoding.UTF8, detectEncodingFromByteOrderMarks: true);

    private static void Check(string file, Dictionary<string, int> expected, Func<string, List<BankTransaction>> parse)
    {
        Assert.True(expected.TryGetValue(file, out var outcome), $"{file} is in the corpus but not in this test's table");
        var path = BankSamples.PathOf(FolderOf(expected), file);
        if (outcome >= 0)
        {
            var transactions = parse(path);
            Assert.Equal(outcome, transactions.Count);
            Assert.All(transactions, t => Assert.True(t.Amount >= 0m && t.LineNumber > 0 && t.Currency.Length == 3));
        }
        else
        {
            var error = Assert.Throws<BankFileFormatException>(() => parse(path));
            Assert.True(error.LineNumber > 0, error.Message);
            Assert.False(string.IsNullOrWhiteSpace(error.Reason));
        }
    }

    private static string FolderOf(Dictionary<string, int> table) => table == Bai2 ? "bai2" : throw new ArgumentException("unknown table");
}
