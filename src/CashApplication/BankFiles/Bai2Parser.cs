using System.Globalization;
using System.Text.RegularExpressions;
using ArPlatform.SharedKernel;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// BAI2 (BAI Cash Management Balance Reporting, version 2), streamed record by record: 01 file,
/// 02 group, 03 account (with summaries), 16 details (every funds type: 0/1/2/Z, S, V, D), 88
/// continuations (of fields after 03, of text after 16), 49/98/99 trailers whose control totals
/// and record counts must tie — a file that does not tie is refused at the trailer that says so.
/// Tolerates what real exports do: records without the "/" terminator, several records on one
/// physical line, a record broken across lines, blank lines, CRLF. BAI2 has no payer field: the
/// payer is read from the text (<see cref="PayerText"/>).
/// </summary>
public static partial class Bai2Parser
{
    private sealed class RawRecord(string code, string body, int line)
    {
        public string Code { get; } = code;
        public string Body { get; set; } = body;
        public int Line { get; } = line;
    }

    private sealed class Totals
    {
        public long Amount;
        public int Records;
        public int Children;
    }

    public static IEnumerable<BankTransaction> Parse(TextReader reader)
    {
        var end = new EndOfFile();
        var records = Records(reader, end).GetEnumerator();
        RawRecord? current = Next(records);
        if (current is not { Code: "01" }) throw new BankFileFormatException(current?.Line ?? 1, "a BAI2 file starts with a 01 file header");
        ParseFileHeader(current);
        var file = new Totals { Records = 1 };
        current = Next(records);
        while (current is { Code: "02" })
        {
            var group = new Totals { Records = 1 };
            var (asOf, groupCurrency) = ParseGroupHeader(current);
            current = Next(records);
            while (current is { Code: "03" })
            {
                var account = new Totals { Records = 1 };
                var (accountId, currency, summaryTotal, continuations) = ParseAccount(current, groupCurrency);
                account.Amount += summaryTotal;
                account.Records += continuations;
                current = Next(records);
                // 88s after the 03 were folded into it; now the details.
                while (current is { Code: "16" })
                {
                    var detail = current;
                    account.Records++;
                    var text = new List<string>();
                    current = Next(records);
                    while (current is { Code: "88" })
                    {
                        account.Records++;
                        text.Add(current.Body.TrimEnd('/').Trim());
                        current = Next(records);
                    }
                    var (transaction, minor) = ParseDetail(detail, accountId, currency, asOf, text);
                    account.Amount += minor;
                    yield return transaction;
                }
                if (current is not { Code: "49" }) throw Expected("49 account trailer", current, end);
                account.Records++;
                CheckTrailer(current, "account", account, countField: 1, childrenField: null);
                group.Amount += account.Amount;
                group.Records += account.Records;
                group.Children++;
                current = Next(records);
            }
            if (current is not { Code: "98" }) throw Expected("98 group trailer", current, end);
            group.Records++;
            CheckTrailer(current, "group", group, countField: 2, childrenField: 1);
            file.Amount += group.Amount;
            file.Records += group.Records;
            file.Children++;
            current = Next(records);
        }
        if (current is not { Code: "99" }) throw Expected("99 file trailer", current, end);
        file.Records++;
        CheckTrailer(current, "file", file, countField: 2, childrenField: 1);
        if (Next(records) is { } extra) throw new BankFileFormatException(extra.Line, "records after the 99 file trailer");
    }

    private static RawRecord? Next(IEnumerator<RawRecord> records) => records.MoveNext() ? records.Current : null;

    /// <summary>Where the file ended: a trailer missing at the end is missing on the line after the last.</summary>
    private sealed class EndOfFile
    {
        public int Line = 1;
    }

    private static BankFileFormatException Expected(string what, RawRecord? found, EndOfFile end) => new(found?.Line ?? end.Line,
        found is null ? $"the file ends where a {what} was expected" : $"a {what} was expected, found a {found.Code} record");

    private static void ParseFileHeader(RawRecord header)
    {
        var f = Fields(header.Body);
        if (f.Length < 4 || Date(f[2], header.Line, "01 file header: creation date") is null)
            throw new BankFileFormatException(header.Line, $"01 file header: creation date '{(f.Length > 2 ? f[2] : "")}' is not YYMMDD");
        if (f.Length >= 8 && f[7].Length > 0 && f[7] != "2")
            throw new BankFileFormatException(header.Line, $"01 file header: version '{f[7]}' is not BAI2 (2)");
    }

    private static (DateOnly AsOf, string Currency) ParseGroupHeader(RawRecord header)
    {
        var f = Fields(header.Body);
        var asOf = Date(f.Length > 3 ? f[3] : "", header.Line, "02 group header: as-of date")
            ?? throw new BankFileFormatException(header.Line, $"02 group header: as-of date '{(f.Length > 3 ? f[3] : "")}' is not YYMMDD");
        var currency = f.Length > 5 && f[5].Length > 0 ? f[5] : "USD";
        return (asOf, currency);
    }

    /// <summary>
    /// The 03 record with its 88 continuations (folded into it by the reader): id, currency, the
    /// sum of its summary amounts and how many 88 records it took.
    /// </summary>
    private static (string Account, string Currency, long SummaryTotal, int Continuations) ParseAccount(RawRecord record, string groupCurrency)
    {
        var continuations = record.Body.Count(c => c == '\u0001');
        var f = Fields(record.Body.Replace("\u0001", ",", StringComparison.Ordinal));
        if (f.Length < 1 || f[0].Length == 0) throw new BankFileFormatException(record.Line, "03 account identifier: the account number is missing");
        var currency = f.Length > 1 && f[1].Length > 0 ? f[1] : groupCurrency;
        long total = 0;
        for (var i = 2; i < f.Length;)
        {
            if (f[i].Length == 0) { i++; continue; }
            if (i + 1 >= f.Length) break;
            total += Amount(f[i + 1], record.Line, "03 summary amount") ?? 0;
            i = SkipFunds(f, i + 3, record.Line);
        }
        return (f[0], currency, total, continuations);
    }

    private static (BankTransaction Transaction, long Minor) ParseDetail(
        RawRecord record, string account, string currency, DateOnly asOf, List<string> continuation)
    {
        // 16,type,amount,funds type[,funds detail],bank ref,customer ref,text — the text may hold commas.
        var f = Fields(record.Body);
        if (f.Length < 2 || !TypeCode().IsMatch(f[0]))
            throw new BankFileFormatException(record.Line, $"16 transaction detail: type code '{(f.Length > 0 ? f[0] : "")}' is not three digits");
        var minor = Amount(f[1], record.Line, "16 amount") ?? throw new BankFileFormatException(record.Line, "16 transaction detail: the amount is missing");
        var type = int.Parse(f[0], CultureInfo.InvariantCulture);
        var after = f.Length > 2 ? SkipFunds(f, 2, record.Line) : f.Length;
        var valueDate = f.Length > 3 && f[2] == "V" ? Date(f[3], record.Line, "16 value date") : null;
        var bankReference = after < f.Length ? f[after] : "";
        var customerReference = after + 1 < f.Length ? f[after + 1] : "";
        var text = after + 2 < f.Length ? string.Join(",", f[(after + 2)..]).TrimEnd('/').Trim() : "";
        var allText = string.Join(" ", new[] { text }.Concat(continuation).Where(t => t.Length > 0));
        var (payerName, payerAccount) = PayerText.Find(allText);
        var decimals = Currency.TryParse(currency, out var known) ? known.MinorUnits
            : throw new BankFileFormatException(record.Line, $"currency '{currency}' is not an ISO 4217 code");
        return (new BankTransaction
        {
            Format = BankFileFormat.Bai2,
            LineNumber = record.Line,
            AccountId = account,
            Currency = currency,
            Amount = MinorUnits.ToAmount(Math.Abs(minor), decimals),
            // BAI type codes 100–399 are credits, 400–699 debits.
            Direction = type < 400 ? Direction.Credit : Direction.Debit,
            BookingDate = asOf,
            ValueDate = valueDate,
            BankReference = bankReference,
            CustomerReference = customerReference,
            TypeCode = f[0],
            PayerName = payerName,
            PayerAccount = payerAccount,
            IsReturn = ReturnTypes.Contains(type),
            Text = allText,
            Remittance = RemittanceText.Extract(allText),
        }, minor);
    }

    /// <summary>Returned and rejected items: the debits that undo a payment received before.</summary>
    private static readonly HashSet<int> ReturnTypes = [555, 556, 557, 558, 559, 560, 561, 562, 563, 564, 565, 566];

    /// <summary>Skips a funds type and its detail fields (S: three amounts; V: date and time; D: a count and that many pairs).</summary>
    private static int SkipFunds(string[] f, int at, int line)
    {
        if (at >= f.Length) return at;
        var funds = f[at];
        return funds switch
        {
            "S" => at + 4,
            "V" => at + 3,
            "D" => at + 2 + 2 * (int.TryParse(at + 1 < f.Length ? f[at + 1] : "", out var n) && n >= 0 ? n
                : throw new BankFileFormatException(line, "funds type D: the number of distributions is missing")),
            "" or "0" or "1" or "2" or "Z" => at + 1,
            _ => throw new BankFileFormatException(line, $"funds type '{funds}' is not 0, 1, 2, S, V, D or Z"),
        };
    }

    private static void CheckTrailer(RawRecord trailer, string level, Totals totals, int countField, int? childrenField)
    {
        var f = Fields(trailer.Body);
        var amount = f.Length > 0 ? Amount(f[0], trailer.Line, $"{trailer.Code} control total") : null;
        // A blank control total (an account with no amounts) is zero.
        if ((amount ?? 0) != totals.Amount)
            throw new BankFileFormatException(trailer.Line,
                $"{trailer.Code} {level} trailer: control total {amount ?? 0} does not tie to the {level}'s amounts, which sum to {totals.Amount}");
        if (f.Length <= countField || !int.TryParse(f[countField], NumberStyles.None, CultureInfo.InvariantCulture, out var count) || count != totals.Records)
            throw new BankFileFormatException(trailer.Line,
                $"{trailer.Code} {level} trailer: record count {(f.Length > countField ? f[countField] : "(missing)")} but the {level} has {totals.Records} records");
        if (childrenField is { } c && (f.Length <= c || !int.TryParse(f[c], NumberStyles.None, CultureInfo.InvariantCulture, out var children) || children != totals.Children))
            throw new BankFileFormatException(trailer.Line,
                $"{trailer.Code} {level} trailer: says {(f.Length > c ? f[c] : "(missing)")} {(level == "file" ? "groups" : "accounts")} but there are {totals.Children}");
    }

    private static long? Amount(string text, int line, string what)
    {
        if (text.Length == 0) return null;
        if (!long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var value))
            throw new BankFileFormatException(line, $"{what} '{text}' is not a whole number of minor units");
        return value;
    }

    private static DateOnly? Date(string text, int line, string what) => BankFileDate.Parse(text, "yyMMdd", line, what);

    private static string[] Fields(string body) => body.TrimEnd().TrimEnd('/').Split(',');

    /// <summary>
    /// Logical records from physical lines: a line may hold several records ("…/  02,…"), a line
    /// that does not start with a record code continues the record before it, and an 88 after
    /// an 03 (or another 88 after one) continues its fields. 88s after a 16 stay records of their own.
    /// </summary>
    private static IEnumerable<RawRecord> Records(TextReader reader, EndOfFile end)
    {
        RawRecord? pending = null;
        var number = 0;
        while (reader.ReadLine() is { } physical)
        {
            number++;
            var line = physical.Trim();
            if (line.Length == 0) continue;
            foreach (var piece in PackedRecords().Split(line))
            {
                var match = RecordStart().Match(piece);
                if (!match.Success)
                {
                    if (pending is null) throw new BankFileFormatException(number, "a record must start with a two-digit record code and a comma");
                    pending.Body = pending.Body.TrimEnd('/') + " " + piece;
                    continue;
                }
                var code = match.Groups[1].Value;
                if (code is not ("01" or "02" or "03" or "16" or "88" or "49" or "98" or "99"))
                    throw new BankFileFormatException(number, $"'{code}' is not a BAI2 record code");
                var body = piece[3..];
                if (code == "88" && pending is { Code: "03" })
                {
                    // Field continuation: \u0001 marks the join (one more record to count for the account).
                    pending.Body = pending.Body.TrimEnd().TrimEnd('/') + "\u0001" + body;
                    continue;
                }
                if (pending is not null) yield return pending;
                pending = new RawRecord(code, body, number);
            }
        }
        end.Line = number + 1;
        if (pending is not null) yield return pending;
    }

    [GeneratedRegex(@"^(\d\d),")]
    private static partial Regex RecordStart();

    [GeneratedRegex(@"(?<=/)\s+(?=\d\d,)")]
    private static partial Regex PackedRecords();

    [GeneratedRegex(@"^\d{3}$")]
    private static partial Regex TypeCode();
}
