using System.Globalization;
using System.Text;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// Our CSV lockbox format (documented in the README), for banks and scanning services that send
/// spreadsheets: a header row, then one row per remittance line —
/// <c>deposit_date,lockbox,batch,item,check_number,amount,currency,payer_name,payer_account,invoice_number,invoice_amount</c>.
/// Rows with the same lockbox, batch and item are one check; its amount, currency, date and payer
/// repeat on each of its rows and must agree. RFC 4180 quoting; UTF-8.
/// </summary>
public static class CsvLockboxParser
{
    public const string Header = "deposit_date,lockbox,batch,item,check_number,amount,currency,payer_name,payer_account,invoice_number,invoice_amount";
    private static readonly string[] Columns = Header.Split(',');

    public static IEnumerable<BankTransaction> Parse(TextReader reader)
    {
        var number = 0;
        string? header = null;
        while (header is null && reader.ReadLine() is { } first)
        {
            number++;
            if (first.Trim().Length > 0) header = first.Trim().TrimStart('\uFEFF');
        }
        if (header is null || !string.Equals(header.Replace(" ", "", StringComparison.Ordinal), Header, StringComparison.OrdinalIgnoreCase))
            throw new BankFileFormatException(Math.Max(number, 1), $"the header row must be: {Header}");

        Check? open = null;
        while (reader.ReadLine() is { } line)
        {
            number++;
            if (line.Trim().Length == 0) continue;
            var fields = Split(line, number);
            if (fields.Count != Columns.Length)
                throw new BankFileFormatException(number, $"{fields.Count} fields; a lockbox row has {Columns.Length}");
            var key = $"{fields[1]}/{fields[2]}/{fields[3]}";
            if (open is not null && open.Key != key)
            {
                yield return open.ToTransaction();
                open = null;
            }
            open ??= new Check(key, fields, number);
            open.Add(fields, number);
        }
        if (open is not null) yield return open.ToTransaction();
        else throw new BankFileFormatException(number, "no lockbox rows after the header");
    }

    private sealed class Check(string key, IReadOnlyList<string> first, int line)
    {
        private readonly List<RemittanceLine> _lines = [];
        public string Key { get; } = key;
        private readonly DateOnly _date = BankFileDate.Parse(first[0], "yyyy-MM-dd", line, "deposit_date")
            ?? throw new BankFileFormatException(line, $"deposit_date '{first[0]}' is not YYYY-MM-DD");
        private readonly decimal _amount = Amount(first[5], line, "amount") ?? throw new BankFileFormatException(line, "amount is required");

        public void Add(IReadOnlyList<string> fields, int number)
        {
            // Every row of a check repeats the check's own fields.
            foreach (var i in new[] { 0, 4, 5, 6, 7, 8 })
                if (fields[i] != first[i])
                    throw new BankFileFormatException(number, $"{Columns[i]} '{fields[i]}' differs from the check's first row ('{first[i]}')");
            if (fields[9].Length > 0) _lines.Add(new RemittanceLine("IV", fields[9], Amount(fields[10], number, "invoice_amount")));
        }

        public BankTransaction ToTransaction()
        {
            if (first[6].Length != 3 || !first[6].All(char.IsAsciiLetterUpper))
                throw new BankFileFormatException(line, $"currency '{first[6]}' is not an ISO 4217 code");
            return new BankTransaction
            {
                Format = BankFileFormat.CsvLockbox,
                LineNumber = line,
                AccountId = first[1],
                Currency = first[6],
                Amount = _amount,
                Direction = Direction.Credit,
                BookingDate = _date,
                BankReference = Key,
                CustomerReference = first[4],
                TypeCode = "LOCKBOX",
                PayerName = first[7],
                PayerAccount = first[8],
                Remittance = _lines,
                Text = string.Join(" ", _lines.Select(l => l.Reference)),
            };
        }
    }

    private static decimal? Amount(string text, int line, string column)
    {
        if (text.Length == 0) return null;
        return decimal.TryParse(text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var value) && value > 0m
            ? value
            : throw new BankFileFormatException(line, $"{column} '{text}' is not a positive amount with a '.' decimal point");
    }

    /// <summary>RFC 4180 fields of one line: quoted fields may hold commas and doubled quotes.</summary>
    private static List<string> Split(string line, int number)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        var quoted = false;
        for (var i = 0; i < line.Length; i++)
        {
            var c = line[i];
            if (quoted)
            {
                if (c == '"' && i + 1 < line.Length && line[i + 1] == '"') { field.Append('"'); i++; }
                else if (c == '"') quoted = false;
                else field.Append(c);
            }
            else if (c == '"' && field.Length == 0) quoted = true;
            else if (c == ',') { fields.Add(field.ToString().Trim()); field.Clear(); }
            else field.Append(c);
        }
        if (quoted) throw new BankFileFormatException(number, "a quoted field is not closed");
        fields.Add(field.ToString().Trim());
        return fields;
    }
}
