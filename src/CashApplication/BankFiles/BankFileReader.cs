using System.Text;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// One entry point for every format: detects the format from the file's first bytes (unless
/// told) and streams its transactions. The stream must be seekable: the start is read twice.
/// </summary>
public static class BankFileReader
{
    private const int Sniff = 4096;

    public static BankFileFormat? Detect(string start)
    {
        var text = start.TrimStart('\uFEFF', '\u0001', ' ', '\t', '\r', '\n');
        if (text.StartsWith('<')) return text.Contains("camt.054", StringComparison.Ordinal) ? BankFileFormat.Camt054 : BankFileFormat.Camt053;
        if (text.StartsWith("ISA", StringComparison.Ordinal)) return BankFileFormat.Edi820;
        if (text.StartsWith("01,", StringComparison.Ordinal)) return BankFileFormat.Bai2;
        if (text.StartsWith("101", StringComparison.Ordinal)) return BankFileFormat.Nacha;
        if (text.StartsWith(CsvLockboxParser.Header[..13], StringComparison.OrdinalIgnoreCase)) return BankFileFormat.CsvLockbox;
        if (text.StartsWith(":20:", StringComparison.Ordinal) || text.StartsWith("{1:", StringComparison.Ordinal)
            || text.StartsWith(":940:", StringComparison.Ordinal) || text.Contains("\n:20:", StringComparison.Ordinal))
            return BankFileFormat.Mt940;
        return null;
    }

    /// <summary>The transactions of a bank file, in the given format or the detected one.</summary>
    public static (BankFileFormat Format, IEnumerable<BankTransaction> Transactions) Read(Stream content, BankFileFormat? format = null)
    {
        if (!content.CanSeek) throw new ArgumentException("a bank file is read from a seekable stream", nameof(content));
        var detected = format ?? Detect(Start(content)) ?? throw new BankFileFormatException(1,
            "the format was not recognised (BAI2, camt.053/054, X12 820, NACHA, MT940 or the CSV lockbox format); name it explicitly");
        content.Position = 0;
        var reader = new StreamReader(content, new UTF8Encoding(false, false), detectEncodingFromByteOrderMarks: true, bufferSize: 64 * 1024, leaveOpen: true);
        return (detected, Parse(detected, reader));
    }

    private static IEnumerable<BankTransaction> Parse(BankFileFormat format, StreamReader reader)
    {
        using (reader)
        {
            var transactions = format switch
            {
                BankFileFormat.Bai2 => Bai2Parser.Parse(reader),
                BankFileFormat.Camt053 or BankFileFormat.Camt054 => CamtParser.Parse(reader),
                BankFileFormat.Edi820 => Edi820Parser.Parse(reader),
                BankFileFormat.Nacha => NachaParser.Parse(reader),
                BankFileFormat.Mt940 => Mt940Parser.Parse(reader),
                BankFileFormat.CsvLockbox => CsvLockboxParser.Parse(reader),
                _ => throw new ArgumentOutOfRangeException(nameof(format), format, "not a bank file format"),
            };
            foreach (var transaction in transactions) yield return Checked(transaction);
        }
    }

    /// <summary>Whatever the format: a known currency, and no more decimals than it has.</summary>
    private static BankTransaction Checked(BankTransaction t)
    {
        if (!SharedKernel.Currency.TryParse(t.Currency, out var currency))
            throw new BankFileFormatException(t.LineNumber, $"currency '{t.Currency}' is not an ISO 4217 code");
        if (Math.Round(t.Amount, currency.MinorUnits) != t.Amount)
            throw new BankFileFormatException(t.LineNumber, $"amount {t.Amount} has more decimals than {t.Currency} allows ({currency.MinorUnits})");
        return t;
    }

    private static string Start(Stream content)
    {
        content.Position = 0;
        var buffer = new byte[Sniff];
        var read = content.ReadAtLeast(buffer, Sniff, throwOnEndOfStream: false);
        return Encoding.UTF8.GetString(buffer, 0, read);
    }
}
