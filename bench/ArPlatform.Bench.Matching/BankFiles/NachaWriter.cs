using System.Globalization;
using System.Text;

namespace ArPlatform.Bench.Matching.BankFiles;

/// <summary>
/// One ACH credit received: the originating company (the payer, as NACHA names it in the batch
/// header), the SEC code (CCD or CTX), and the addenda's payment-related information (free text
/// for CCD+, an X12 820 for CTX), split over 80-character addenda records.
/// </summary>
public sealed record AchCredit(string Company, string CompanyId, string Sec, string Description, decimal Amount, string Identification, string Receiver, string Related);

/// <summary>
/// Writes a NACHA file with one batch per credit (the payer is the batch's company): fixed
/// 94-character records, routing check digits, entry hashes and control totals that tie, and
/// the file padded to a block of ten with 9s.
/// </summary>
public static class NachaWriter
{
    /// <summary>Our bank's routing number (eight digits; the check digit is computed).</summary>
    private const string OurRouting = "02100002";

    public static string Write(IEnumerable<AchCredit> credits, DateOnly date)
    {
        var d6 = date.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var lines = new List<string>
        {
            $"101 {OurRouting}{CheckDigit(OurRouting)} 091000019{d6}0645A094101{"OUR BANK NA",-23}{"NORTHWIND SUPPLY CO",-23}{"",8}",
        };
        var routing = long.Parse(OurRouting, CultureInfo.InvariantCulture);
        var (batches, records, hash, credited) = (0, 0, 0L, 0L);
        foreach (var credit in credits)
        {
            batches++;
            var cents = (long)(credit.Amount * 100m);
            var addenda = Chunks(credit.Related, 80).ToList();
            lines.Add($"5220{Fit(credit.Company, 16)}{"",20}{Fit(credit.CompanyId, 10)}{credit.Sec}{Fit(credit.Description, 10)}{d6}{d6}   1{"09100001"}{batches:D7}");
            lines.Add($"622{OurRouting}{CheckDigit(OurRouting)}{Fit("4471002299", 17)}{cents:D10}{Fit(credit.Identification, 15)}{Fit(credit.Receiver, 22)}  {(addenda.Count > 0 ? 1 : 0)}{"091000010000001"}");
            for (var i = 0; i < addenda.Count; i++)
                lines.Add($"705{Fit(addenda[i], 80)}{i + 1:D4}{1:D7}");
            var count = 1 + addenda.Count;
            lines.Add($"8220{count:D6}{routing:D10}{0:D12}{cents:D12}{Fit(credit.CompanyId, 10)}{"",19}{"",6}{"09100001"}{batches:D7}");
            (records, hash, credited) = (records + count, hash + routing, credited + cents);
        }
        var blocks = (lines.Count + 1 + 9) / 10;
        lines.Add($"9{batches:D6}{blocks:D6}{records:D8}{hash % 10_000_000_000:D10}{0:D12}{credited:D12}{"",39}");
        while (lines.Count % 10 != 0) lines.Add(new string('9', 94));
        var file = new StringBuilder();
        foreach (var line in lines) file.Append(line).Append('\n');
        return file.ToString();
    }

    private static string Fit(string text, int width) => text.Length >= width ? text[..width] : text.PadRight(width);

    private static IEnumerable<string> Chunks(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size) yield return text.Substring(i, Math.Min(size, text.Length - i));
    }

    private static int CheckDigit(string eight)
    {
        int[] weights = [3, 7, 1, 3, 7, 1, 3, 7];
        return (10 - eight.Select((c, i) => (c - '0') * weights[i]).Sum() % 10) % 10;
    }
}
