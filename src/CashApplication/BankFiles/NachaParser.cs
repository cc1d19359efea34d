using System.Globalization;
using System.Text;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// NACHA ACH files, record by record (1 file header, 5 batch header, 6 entry, 7 addenda, 8 batch
/// control, 9 file control): one transaction per entry, its payer the entry's individual for
/// consumer entries (PPD, WEB, TEL), else the batch's company, its remittance from the addenda —
/// free text for CCD+/PPD+, a whole X12 820 spread over the CTX addenda, the return reason for a
/// 799. Batch and file controls must tie (entry and addenda counts, entry hash, debit and credit
/// totals, batch count) and every receiving DFI routing number must pass its check digit. Lines
/// shorter than 94 characters are read as padded; notifications of change (COR) carry no money and
/// produce no transaction.
/// </summary>
public static class NachaParser
{
    public static IEnumerable<BankTransaction> Parse(TextReader reader)
    {
        var number = 0;
        DateOnly? fileDate = null;
        Batch? batch = null;
        Entry? entry = null;
        var file = new Control();
        var batches = 0;
        var fileControlled = false;
        while (reader.ReadLine() is { } raw)
        {
            number++;
            if (raw.Length == 0) continue;
            var line = raw.PadRight(94);
            if (fileControlled)
            {
                if (line.Trim().All(c => c == '9')) continue;
                throw new BankFileFormatException(number, "records after the file control (9) record");
            }
            switch (line[0])
            {
                case '1' when fileDate is null && number >= 1:
                    fileDate = Date(line[23..29], number, "file creation date") ?? throw new BankFileFormatException(number, $"file creation date '{line[23..29]}' is not YYMMDD");
                    break;
                case '5':
                    if (fileDate is null) throw new BankFileFormatException(number, "a batch before the file header (1)");
                    if (batch is not null) throw new BankFileFormatException(number, "a batch header (5) inside a batch: its control (8) is missing");
                    batch = new Batch(line, number, fileDate.Value);
                    batches++;
                    break;
                case '6':
                    if (batch is null) throw new BankFileFormatException(number, "an entry (6) outside a batch");
                    if (entry is not null && batch.Sec != "COR") yield return entry.ToTransaction(batch);
                    entry = new Entry(line, number);
                    batch.Add(entry, number);
                    break;
                case '7':
                    if (entry is null || batch is null) throw new BankFileFormatException(number, "an addenda (7) without its entry");
                    entry.Addenda.Add(line);
                    batch.Control.Records++;
                    break;
                case '8':
                    if (batch is null) throw new BankFileFormatException(number, "a batch control (8) without its batch header");
                    if (entry is not null && batch.Sec != "COR") yield return entry.ToTransaction(batch);
                    entry = null;
                    batch.Control.Check(line, number, recordsAt: (4, 10), hashAt: (10, 20), debitAt: (20, 32), creditAt: (32, 44), "batch");
                    file.Add(batch.Control);
                    batch = null;
                    break;
                case '9' when line.Trim().All(c => c == '9'):
                    throw new BankFileFormatException(number, "padding (9999…) before the file control record");
                case '9':
                    if (batch is not null) throw new BankFileFormatException(number, "the file control (9) inside a batch: its control (8) is missing");
                    if (!int.TryParse(line[1..7], NumberStyles.None, CultureInfo.InvariantCulture, out var declared) || declared != batches)
                        throw new BankFileFormatException(number, $"file control says {line[1..7].Trim()} batches; there are {batches}");
                    file.Check(line, number, recordsAt: (13, 21), hashAt: (21, 31), debitAt: (31, 43), creditAt: (43, 55), "file");
                    fileControlled = true;
                    break;
                default:
                    throw new BankFileFormatException(number, $"'{line[0]}' is not a NACHA record type (1, 5, 6, 7, 8, 9)");
            }
        }
        if (fileDate is null) throw new BankFileFormatException(1, "no NACHA file header (1)");
        if (!fileControlled) throw new BankFileFormatException(number, "the file control (9) record is missing");
    }

    private static DateOnly? Date(string yymmdd, int line, string what) => BankFileDate.Parse(yymmdd, "yyMMdd", line, what);

    /// <summary>Debit or credit by transaction code: x1–x4 credit (return, live, prenote, zero), x6–x9 debit.</summary>
    private static bool IsCredit(int code) => code % 10 is >= 1 and <= 4;

    private sealed class Control
    {
        public int Records;
        public long Hash;
        public long Debits;
        public long Credits;

        public void Add(Control batch)
        {
            Records += batch.Records;
            Hash += batch.Hash;
            Debits += batch.Debits;
            Credits += batch.Credits;
        }

        public void Check(string line, int number, (int, int) recordsAt, (int, int) hashAt, (int, int) debitAt, (int, int) creditAt, string level)
        {
            Expect(line, number, recordsAt, Records, $"{level} control: entry and addenda count");
            // The entry hash keeps its last ten digits.
            Expect(line, number, hashAt, Hash % 10_000_000_000, $"{level} control: entry hash");
            Expect(line, number, debitAt, Debits, $"{level} control: total debits (cents)");
            Expect(line, number, creditAt, Credits, $"{level} control: total credits (cents)");
        }

        private static void Expect(string line, int number, (int Start, int End) at, long actual, string what)
        {
            var text = line[at.Start..at.End];
            if (!long.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var declared) || declared != actual)
                throw new BankFileFormatException(number, $"{what} is {text.Trim()}; the records add up to {actual}");
        }
    }

    private sealed class Batch(string header, int line, DateOnly fileDate)
    {
        public Control Control { get; } = new();
        public string Company { get; } = header[4..20].Trim();
        /// <summary>The originator's company identification (often its tax id): what a BAI2 report calls ORIG ID.</summary>
        public string CompanyId { get; } = header[40..50].Trim();
        public string Sec { get; } = header[50..53];
        public string Description { get; } = header[53..63].Trim();
        // Effective entry date; "000000" (or blank) in some files: the file's date then.
        public DateOnly Date { get; } = NachaParser.Date(header[69..75], line, "effective entry date") ?? fileDate;
        public int Line { get; } = line;

        public void Add(Entry entry, int number)
        {
            Control.Records++;
            Control.Hash += entry.Routing;
            if (IsCredit(entry.Code)) Control.Credits += entry.Cents;
            else Control.Debits += entry.Cents;
        }
    }

    private sealed class Entry
    {
        public Entry(string line, int number)
        {
            Line = number;
            if (!int.TryParse(line[1..3], NumberStyles.None, CultureInfo.InvariantCulture, out var code))
                throw new BankFileFormatException(number, $"transaction code '{line[1..3]}' is not a number");
            Code = code;
            if (!long.TryParse(line[3..11], NumberStyles.None, CultureInfo.InvariantCulture, out var routing)
                || !int.TryParse(line[11..12], NumberStyles.None, CultureInfo.InvariantCulture, out var checkDigit))
                throw new BankFileFormatException(number, $"receiving DFI routing '{line[3..12]}' is not nine digits");
            if (CheckDigit(line[3..11]) != checkDigit)
                throw new BankFileFormatException(number, $"receiving DFI routing {line[3..12]}: check digit {checkDigit} should be {CheckDigit(line[3..11])}");
            Routing = routing;
            if (!long.TryParse(line[29..39], NumberStyles.None, CultureInfo.InvariantCulture, out var cents))
                throw new BankFileFormatException(number, $"amount '{line[29..39]}' is not ten digits of cents");
            Cents = cents;
            Account = line[12..29].Trim();
            Identification = line[39..54].Trim();
            Name = line[54..76].Trim();
            Trace = line[79..94].Trim();
        }

        public int Line { get; }
        public int Code { get; }
        public long Routing { get; }
        public long Cents { get; }
        /// <summary>The receiver's account at the receiving bank (DFI account number).</summary>
        public string Account { get; }
        public string Identification { get; }
        public string Name { get; }
        public string Trace { get; }
        public List<string> Addenda { get; } = [];

        public BankTransaction ToTransaction(Batch batch)
        {
            var related = string.Concat(Addenda.Where(a => a[1..3] == "05").Select(a => a[3..83]));
            var returned = Addenda.FirstOrDefault(a => a[1..3] == "99");
            var remittance = batch.Sec == "CTX" && related.TrimStart().StartsWith("ISA", StringComparison.Ordinal)
                ? Embedded820(related)
                : RemittanceText.Extract(related);
            var (payer, payerAccount) = Payer(batch);
            return new BankTransaction
            {
                Format = BankFileFormat.Nacha,
                LineNumber = Line,
                AccountId = Routing.ToString("D8", CultureInfo.InvariantCulture),
                Currency = "USD",
                Amount = Cents / 100m,
                Direction = IsCredit(Code) ? Direction.Credit : Direction.Debit,
                BookingDate = batch.Date,
                BankReference = Trace,
                CustomerReference = Identification,
                TypeCode = $"{batch.Sec}/{Code}",
                PayerName = payer,
                PayerAccount = payerAccount,
                IsReturn = returned is not null,
                ReturnReason = returned?[3..6].Trim() ?? "",
                Remittance = remittance,
                Text = string.Join(" ", new[] { batch.Description, related.Trim() }.Where(t => t.Length > 0)),
            };
        }

        /// <summary>
        /// Who paid. A company pays a company (CCD, CTX) by originating a credit: the payer is the
        /// batch's company, known by its company id. A consumer pays a biller (PPD, WEB, TEL) by
        /// the debit the biller originates against the consumer's account: the payer is the
        /// entry's individual, and the account the entry names is theirs.
        /// </summary>
        private (string Name, string Account) Payer(Batch batch) =>
            batch.Sec is "PPD" or "WEB" or "TEL" ? (Name, Account) : (batch.Company, batch.CompanyId);

        private IReadOnlyList<RemittanceLine> Embedded820(string text)
        {
            try
            {
                return Edi820Parser.Parse(new StringReader(text.Trim())).SelectMany(t => t.Remittance).ToList();
            }
            catch (BankFileFormatException e)
            {
                throw new BankFileFormatException(Line, $"the 820 in the CTX addenda is malformed: {e.Reason}");
            }
        }

        /// <summary>ABA check digit: weights 3, 7, 1 over the eight digits.</summary>
        private static int CheckDigit(string eight)
        {
            int[] weights = [3, 7, 1, 3, 7, 1, 3, 7];
            var sum = eight.Select((c, i) => (c - '0') * weights[i]).Sum();
            return (10 - sum % 10) % 10;
        }
    }
}
