using System.Globalization;
using System.Text;
using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// SWIFT MT940 statements (and MT942 interim reports), streamed statement by statement: :20:,
/// :25: account, :28C: sequence, :60F/M: opening balance, :61: entries with their :86:
/// details (German ?NN subfields, Dutch /CODE/ fields or free text; :NS: proprietary blocks),
/// :62F/M: closing balance — which must equal the opening balance plus the entries, or the
/// statement is refused at its closing balance. Survives SWIFT envelopes ({1:}{2:}{4: … -}),
/// SOH/ETX and Ctrl-Z bytes, a ":940:" first line, blank lines, "." or "," decimals.
/// </summary>
public static partial class Mt940Parser
{
    private sealed record Tag(string Name, string Value, int Line);

    private sealed class Statement
    {
        public string Account = "";
        public string Currency = "";
        public decimal? Opening;
        public decimal Movement;
        public bool Interim;
        /// <summary>Past its closing balance: only :64:, :65: and a statement-level :86: may follow.</summary>
        public bool Closed;
    }

    public static IEnumerable<BankTransaction> Parse(TextReader reader)
    {
        Statement? statement = null;
        Tag? entry = null;
        var details = new List<Tag>();
        var lastLine = 0;
        foreach (var tag in Tags(reader))
        {
            lastLine = tag.Line;
            if (statement is { Closed: true } && tag.Name is not ("64" or "65" or "86" or "20"))
                throw new BankFileFormatException(tag.Line, $"tag :{tag.Name}: after the closing balance; a new statement starts with :20:");
            if (tag.Name is "86" or "NS" && entry is not null)
            {
                details.Add(tag);
                continue;
            }
            if (entry is not null)
            {
                yield return Entry(entry, details, statement!);
                entry = null;
                details.Clear();
            }
            switch (tag.Name)
            {
                case "20":
                    // A statement cut off (a transfer broken mid-message) must not pass as an empty one.
                    if (statement is { Interim: false, Closed: false })
                        throw new BankFileFormatException(tag.Line, Unclosed(statement) + "; the next statement starts here");
                    statement = new Statement();
                    break;
                case "25" when statement is { Account.Length: 0 }:
                    statement.Account = tag.Value.Trim();
                    break;
                case "25":
                    throw new BankFileFormatException(tag.Line, "a second :25: account in one statement (a mistyped tag?)");
                case "21" or "28" or "28C" or "NS" or "64" or "65" or "86" or "34F" or "90D" or "90C" when statement is not null:
                    break;
                case "13D" when statement is not null:
                    statement.Interim = true;
                    break;
                case "60F" or "60M" when statement is not null:
                    (statement.Opening, statement.Currency) = Balance(tag);
                    break;
                case "61" when statement is not null:
                    if (statement.Opening is null && !statement.Interim)
                        throw new BankFileFormatException(tag.Line, "an entry (:61:) before the opening balance (:60F:)");
                    entry = tag;
                    break;
                case "62F" or "62M" when statement is not null:
                    var (closing, currency) = Balance(tag);
                    if (statement.Opening is { } opening && opening + statement.Movement != closing)
                        throw new BankFileFormatException(tag.Line,
                            $"the statement does not reconcile: opening {opening} {currency} plus entries {statement.Movement} is not the closing {closing}");
                    statement.Closed = true;
                    break;
                default:
                    throw new BankFileFormatException(tag.Line,
                        statement is null ? $"tag :{tag.Name}: outside a statement (a statement starts with :20:)" : $"unexpected tag :{tag.Name}:");
            }
        }
        if (entry is not null) yield return Entry(entry, details, statement!);
        if (lastLine == 0) throw new BankFileFormatException(1, "no MT940 statement in the file");
        if (statement is { Interim: false, Closed: false })
            throw new BankFileFormatException(lastLine, Unclosed(statement));
    }

    private static string Unclosed(Statement statement) =>
        $"statement of account {(statement.Account.Length > 0 ? statement.Account : "(no :25:)")} has no closing balance (:62F:)";

    private static BankTransaction Entry(Tag entry, List<Tag> details, Statement statement)
    {
        var lines = entry.Value.Split('\n');
        var m = EntryLine().Match(lines[0]);
        if (!m.Success) throw new BankFileFormatException(entry.Line, $":61: '{lines[0]}' is not value date, [entry date,] mark, amount, type");
        var valueDate = Date(m.Groups["value"].Value, entry.Line, ":61: value date");
        var bookingDate = m.Groups["entry"].Value.Trim() is { Length: 4 } mmdd
            ? BookingDate(valueDate, mmdd, entry.Line)
            : valueDate;
        var amount = Amount(m.Groups["amount"].Value, entry.Line, ":61: amount");
        var mark = m.Groups["mark"].Value;
        // RC reverses a credit (money leaves), RD a debit (money comes back).
        var direction = mark is "C" or "RD" ? Direction.Credit : Direction.Debit;
        statement.Movement += direction == Direction.Credit ? amount : -amount;
        var references = m.Groups["refs"].Value.Split("//", 2);
        var type = m.Groups["type"].Value.Trim();
        var (text, payer, payerAccount, typeCode) = Details(details, direction);
        return new BankTransaction
        {
            Format = BankFileFormat.Mt940,
            LineNumber = entry.Line,
            AccountId = statement.Account,
            Currency = statement.Currency.Length > 0 ? statement.Currency : "EUR",
            Amount = amount,
            Direction = direction,
            BookingDate = bookingDate,
            ValueDate = valueDate,
            CustomerReference = references[0].Trim() is "NONREF" ? "" : references[0].Trim(),
            BankReference = references.Length > 1 ? references[1].Trim() : "",
            TypeCode = typeCode.Length > 0 ? typeCode : type,
            PayerName = payer,
            PayerAccount = payerAccount,
            IsReturn = mark.StartsWith('R') || type.EndsWith("RTI", StringComparison.Ordinal),
            Text = string.Join(" ", new[] { text, string.Join(" ", lines.Skip(1)).Trim() }.Where(t => t.Length > 0)),
            Remittance = RemittanceText.Extract(text),
        };
    }

    /// <summary>The :86: (or :NS:) text: German ?NN subfields, Dutch /CODE/ fields, or free text.</summary>
    private static (string Text, string Payer, string PayerAccount, string TypeCode) Details(List<Tag> details, Direction direction)
    {
        if (details.Count == 0) return ("", "", "", "");
        var raw = string.Join("\n", details.Select(d => d.Value));
        if (GermanSubfields().IsMatch(raw))
        {
            // Subfields break anywhere, mid-word included: lines join without a space.
            var joined = raw.Replace("\n", "", StringComparison.Ordinal);
            // A subfield written twice (a bank's or a copy's slip) adds to what it says rather than replacing it.
            var fields = Subfield().Matches(joined).GroupBy(f => f.Groups[1].Value, StringComparer.Ordinal)
                .ToDictionary(g => g.Key, g => string.Concat(g.Select(f => f.Groups[2].Value)), StringComparer.Ordinal);
            string Get(params string[] keys) => string.Concat(keys.Select(k => fields.GetValueOrDefault(k, "")));
            var purpose = Get("20", "21", "22", "23", "24", "25", "26", "27", "28", "29", "60", "61", "62", "63");
            return (Squash(Get("00") + " " + purpose), Squash(Get("32", "33")), Get("31").Trim(), joined[..3]);
        }
        var flat = Squash(raw.Replace("\n", " ", StringComparison.Ordinal));
        if (DutchField().IsMatch(raw)) return Structured(raw, flat, direction);
        var (payer, payerAccount) = PayerText.Find(flat);
        return (flat, payer, payerAccount, "");
    }

    /// <summary>
    /// Dutch-style /CODE/ fields. The other party is /NAME/ and /IBAN/, or the account, BIC and
    /// name of /CNTP/, or — for a credit — the ordering party /ORDP/ (for a debit the beneficiary
    /// /BENM/): written with subfields ("/ORDP//NAME/ACME/ID/123") its name is that /NAME/;
    /// written positionally, its account then its name ("/ORDP/530500003804588" and "/HRISTO
    /// JANKOV" on the next line).
    /// </summary>
    private static (string Text, string Payer, string PayerAccount, string TypeCode) Structured(string raw, string flat, Direction direction)
    {
        var parts = DutchField().Split(raw.Replace("\n", "", StringComparison.Ordinal));
        var codes = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i + 1 < parts.Length; i += 2) codes.TryAdd(parts[i], parts[i + 1]);
        string Get(string code) => codes.GetValueOrDefault(code, "").Trim('/');
        var counterparty = Get("CNTP").Split('/');
        var party = Positional(codes.GetValueOrDefault(direction == Direction.Credit ? "ORDP" : "BENM", ""));
        var remittance = Get("REMI");
        remittance = remittance.StartsWith("USTD//", StringComparison.Ordinal) ? remittance[6..] : remittance;
        var name = First(Get("NAME"), counterparty.Length > 2 ? counterparty[2] : "", party.Name);
        var account = First(Get("IBAN"), counterparty[0], party.Account);
        return (remittance.Length > 0 ? Squash(remittance) : flat, name, account, Get("TRTP"));
    }

    /// <summary>"530500003804588/HRISTO JANKOV/…": account, then name; nothing when subfields follow at once ("/NAME/…").</summary>
    private static (string Account, string Name) Positional(string value)
    {
        if (value.StartsWith('/')) return ("", "");
        var parts = value.Split('/');
        return (parts[0], parts.Length > 1 && parts[1].Any(char.IsLetter) ? parts[1] : "");
    }

    private static string First(params string[] candidates) => candidates.Select(c => c.Trim()).FirstOrDefault(c => c.Length > 0) ?? "";

    private static (decimal Amount, string Currency) Balance(Tag tag)
    {
        var m = BalanceLine().Match(tag.Value.Trim());
        if (!m.Success) throw new BankFileFormatException(tag.Line, $":{tag.Name}: '{tag.Value.Trim()}' is not mark, date, currency, amount");
        Date(m.Groups["date"].Value, tag.Line, $":{tag.Name}: date");
        var amount = Amount(m.Groups["amount"].Value, tag.Line, $":{tag.Name}: amount");
        return (m.Groups["mark"].Value == "D" ? -amount : amount, m.Groups["currency"].Value);
    }

    private static decimal Amount(string text, int line, string what)
    {
        // "12,35", "185723," and the old Rabobank "000000002145.00".
        var normalised = text.Replace(',', '.');
        if (normalised.EndsWith('.')) normalised += "0";
        if (normalised.Count(c => c == '.') > 1
            || !decimal.TryParse(normalised, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            throw new BankFileFormatException(line, $"{what} '{text}' is not an amount");
        return amount;
    }

    private static DateOnly Date(string yymmdd, int line, string what) =>
        BankFileDate.Parse(yymmdd, "yyMMdd", line, what) ?? throw new BankFileFormatException(line, $"{what} '{yymmdd}' is not a date");

    /// <summary>The entry date (MMDD) in the value date's year, or the year around it when it crosses New Year.</summary>
    private static DateOnly BookingDate(DateOnly valueDate, string mmdd, int line)
    {
        var candidates = new[] { valueDate.Year - 1, valueDate.Year, valueDate.Year + 1 }
            .Select(y => DateOnly.TryParseExact($"{y:D4}{mmdd}", "yyyyMMdd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d) ? d : (DateOnly?)null)
            .OfType<DateOnly>().ToList();
        if (candidates.Count == 0) throw new BankFileFormatException(line, $":61: entry date '{mmdd}' is not a date");
        return candidates.MinBy(d => Math.Abs(d.DayNumber - valueDate.DayNumber));
    }

    private static string Squash(string text) => Spaces().Replace(text, " ").Trim();

    /// <summary>Tags with their continuation lines, the envelope and framing bytes removed.</summary>
    private static IEnumerable<Tag> Tags(TextReader reader)
    {
        Tag? pending = null;
        var builder = new StringBuilder();
        var number = 0;
        while (reader.ReadLine() is { } physical)
        {
            number++;
            var line = Framing().Replace(physical, "").Trim();
            // "-}" ends a message; another envelope may open on the same line.
            var ends = line.StartsWith('-') && (line.Length == 1 || line[1] == '}');
            line = Envelope().Replace(ends ? line.TrimStart('-') : line, "").TrimEnd();
            // Some exports put the sender's BIC and "940" on lines of their own before the first tag.
            if (pending is null && !ends && FileHeader().IsMatch(line)) continue;
            if (!ends && (line.Length == 0 || line.StartsWith("{5:", StringComparison.Ordinal))) continue;
            if (ends)
            {
                if (pending is not null) yield return pending with { Value = builder.ToString() };
                pending = null;
                continue;
            }
            var m = TagStart().Match(line);
            if (m.Success)
            {
                if (pending is not null) yield return pending with { Value = builder.ToString() };
                pending = new Tag(m.Groups[1].Value, "", number);
                builder.Clear().Append(line[m.Length..]);
            }
            else if (pending is not null) builder.Append('\n').Append(line);
            else throw new BankFileFormatException(number, "text outside any :tag:");
        }
        if (pending is not null) yield return pending with { Value = builder.ToString() };
    }

    [GeneratedRegex(@"^(:940:|940|[A-Z0-9]{8}|[A-Z0-9]{11})$")]
    private static partial Regex FileHeader();

    [GeneratedRegex("[\u0001\u0003\u001a\uFEFF]")]
    private static partial Regex Framing();

    [GeneratedRegex(@"^:([0-9]{2}[A-Z]?|NS):")]
    private static partial Regex TagStart();

    [GeneratedRegex(@"^\}?(\{[1-3]:(?:[^{}]|\{[^{}]*\})*\})*(\{4:)?|\{5:.*$")]
    private static partial Regex Envelope();

    [GeneratedRegex(@"^(?<value>\d{6})(?<entry>\d{4}|\s{4})?(?<mark>RC|RD|C|D)(?<funds>[A-Z])?(?<amount>\d[\d,.]*)\s?(?<type>[A-Z][A-Z0-9 ]{3})(?<refs>.*)$")]
    private static partial Regex EntryLine();

    [GeneratedRegex(@"^(?<mark>[CD])(?<date>\d{6})(?<currency>[A-Z]{3})(?<amount>\d[\d,.]*)$")]
    private static partial Regex BalanceLine();

    [GeneratedRegex(@"^\d{3}\?\d\d")]
    private static partial Regex GermanSubfields();

    [GeneratedRegex(@"\?(\d\d)([^?]*)")]
    private static partial Regex Subfield();

    [GeneratedRegex(@"/(TRTP|IBAN|BIC|NAME|REMI|EREF|MARF|CSID|CNTP|ORDP|BENM|SVWZ|RTRN|ADDR|TRCD|PREF|ULTC|ULTD|PURP|ISDT|FX|ATTN|KREF|OCMT|CHGS|ID)/")]
    private static partial Regex DutchField();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Spaces();
}
