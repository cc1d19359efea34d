using System.Globalization;
using System.Xml;
using System.Xml.Linq;

namespace ArPlatform.CashApplication.BankFiles;

/// <summary>
/// ISO 20022 bank-to-customer statements and notifications: camt.053 (Stmt), camt.054 (Ntfctn)
/// and camt.052 (Rpt), any version (02 to 10 and later: elements are matched by local name).
/// Streamed entry by entry with an XmlReader; a batch entry with transaction details becomes one
/// transaction per detail, carrying its own amount, references, debtor and remittance (Ustrd
/// lines; Strd referred documents and creditor references). A statement's transaction summary
/// (TxsSummry), when present, must agree with its entries. Balances are not reconciled: a
/// closing balance may rightly leave out entries with a later value date.
/// </summary>
public static class CamtParser
{
    public static IEnumerable<BankTransaction> Parse(TextReader text)
    {
        using var reader = XmlReader.Create(text, new XmlReaderSettings
        {
            DtdProcessing = DtdProcessing.Prohibit, IgnoreComments = true, IgnoreWhitespace = true, XmlResolver = null,
        });
        var info = (IXmlLineInfo)reader;
        var format = (BankFileFormat?)null;
        Account? account = null;
        var statements = 0;
        // Reading an element whole (Element) leaves the reader on the node after it: that
        // node must be looked at before reading on, or an entry right after another is missed.
        var positioned = false;
        while (positioned || Read(reader, info))
        {
            positioned = false;
            if (reader.NodeType != XmlNodeType.Element) continue;
            switch (reader.LocalName)
            {
                case "Document" when format is null:
                    format = FormatOf(reader.NamespaceURI, info.LineNumber);
                    break;
                case "Stmt" or "Ntfctn" or "Rpt":
                    Finish(account);
                    account = new Account(info.LineNumber);
                    statements++;
                    break;
                case "Acct" when account is { Id.Length: 0 }:
                    var acct = Element(reader, info);
                    positioned = true;
                    account.Id = Text(acct, "Id", "IBAN") ?? Text(acct, "Id", "Othr", "Id") ?? "";
                    account.Currency = Text(acct, "Ccy") ?? "";
                    break;
                case "CreDtTm" when account is { Created: null, Entries: 0 }:
                    var createdAt = info.LineNumber;
                    account.Created = Day(Content(reader, info), createdAt, "CreDtTm");
                    positioned = true;
                    break;
                case "Bal" when account is not null:
                    var balanceAt = info.LineNumber;
                    var balance = Element(reader, info);
                    account.Created ??= Date(balance, "Dt", balanceAt);
                    positioned = true;
                    break;
                case "TxsSummry" when account is not null:
                    var summary = Element(reader, info);
                    positioned = true;
                    account.DeclaredEntries = Text(summary, "TtlNtries", "NbOfNtries") is { } n
                        ? (int.TryParse(n, NumberStyles.None, CultureInfo.InvariantCulture, out var declared) ? declared
                            : throw new BankFileFormatException(Math.Max(1, info.LineNumber), $"the transaction summary's entry count '{n}' is not a count"), info.LineNumber)
                        : null;
                    break;
                case "Ntry" when account is not null:
                    var line = info.LineNumber;
                    var entry = Element(reader, info);
                    positioned = true;
                    account.Entries++;
                    foreach (var transaction in Entry(entry, account, format ?? BankFileFormat.Camt053, line))
                        yield return transaction;
                    break;
            }
        }
        if (format is null) throw new BankFileFormatException(1, "not an ISO 20022 camt document (no <Document>)");
        if (statements == 0) throw new BankFileFormatException(1, "the camt document holds no statement, notification or report");
        Finish(account);
    }

    private sealed class Account(int line)
    {
        public int Line { get; } = line;
        public string Id { get; set; } = "";
        public string Currency { get; set; } = "";
        public int Entries { get; set; }
        /// <summary>When the statement was created (or its balances dated): the booking date of entries that give none.</summary>
        public DateOnly? Created { get; set; }
        public (int Count, int Line)? DeclaredEntries { get; set; }
    }

    private static void Finish(Account? account)
    {
        if (account?.DeclaredEntries is { } declared && declared.Count != account.Entries)
            throw new BankFileFormatException(declared.Line,
                $"the transaction summary counts {declared.Count} entries but the statement has {account.Entries}");
    }

    private static BankFileFormat FormatOf(string ns, int line) => ns switch
    {
        _ when ns.Contains("camt.053", StringComparison.Ordinal) || ns.Contains("camt.052", StringComparison.Ordinal) => BankFileFormat.Camt053,
        _ when ns.Contains("camt.054", StringComparison.Ordinal) => BankFileFormat.Camt054,
        _ => throw new BankFileFormatException(line, $"namespace '{ns}' is not camt.052, camt.053 or camt.054"),
    };

    private static IEnumerable<BankTransaction> Entry(XElement entry, Account account, BankFileFormat format, int line)
    {
        var (amount, currency) = Amount(entry.Elements().FirstOrDefault(e => e.Name.LocalName == "Amt"), line, account.Currency);
        var direction = Indicator(entry, line) ?? throw new BankFileFormatException(line, "entry without CdtDbtInd");
        var valueDate = Date(entry, "ValDt", line);
        var booking = Date(entry, "BookgDt", line) ?? valueDate ?? account.Created
                      ?? throw new BankFileFormatException(line, "entry without a booking or value date, in a statement without a date");
        var reversal = Text(entry, "RvslInd") is "true" or "1";
        var entryReference = Text(entry, "AcctSvcrRef") ?? Text(entry, "NtryRef") ?? "";
        var typeCode = BankTransactionCode(entry);
        var entryText = Text(entry, "AddtlNtryInf") ?? "";
        var details = Descendants(entry, "TxDtls").ToList();
        if (details.Count == 0 || (details.Count > 1 && details.All(d => DetailAmount(d) is null)))
        {
            // No details, or a batch whose details carry no amounts of their own: one payment of
            // the entry's amount, with every detail's remittance (matching splits it).
            var ustrd = details.SelectMany(d => Descendants(d, "Ustrd")).Select(u => u.Value.Trim()).Where(u => u.Length > 0).ToList();
            var text = Joined([entryText, .. ustrd]);
            var named = details.Select(d => Party(d, direction)).FirstOrDefault(p => p.Name.Length > 0) ?? Counterparty.None;
            yield return new BankTransaction
            {
                Format = format, LineNumber = line, AccountId = account.Id, Currency = currency, Amount = amount,
                Direction = direction, BookingDate = booking, ValueDate = valueDate, BankReference = entryReference,
                TypeCode = typeCode, IsReturn = reversal, Text = Joined([text, named.Note]),
                PayerName = named.Name,
                PayerAccount = named.Account,
                Remittance = [.. details.SelectMany(Structured), .. RemittanceText.Extract(text)],
            };
            yield break;
        }
        for (var i = 0; i < details.Count; i++)
        {
            var detail = details[i];
            var detailAmount = DetailAmount(detail);
            // A single detail without its own amount is the whole entry.
            var (value, ccy) = detailAmount is not null ? Amount(detailAmount, line, account.Currency)
                : details.Count == 1 ? (amount, currency)
                : throw new BankFileFormatException(line, $"transaction detail {i + 1} of a batch entry has no amount");
            var way = Indicator(detail, line) ?? direction;
            var party = Party(detail, way);
            var ustrd = Descendants(detail, "Ustrd").Select(u => u.Value.Trim()).Where(u => u.Length > 0).ToList();
            var text = Joined([.. ustrd, Text(detail, "AddtlTxInf") ?? ""]);
            var returnReason = Text(detail, "RtrInf", "Rsn", "Cd") ?? "";
            yield return new BankTransaction
            {
                Format = format,
                LineNumber = line,
                AccountId = account.Id,
                Currency = ccy,
                Amount = value,
                Direction = way,
                BookingDate = booking,
                ValueDate = valueDate,
                BankReference = Text(detail, "Refs", "AcctSvcrRef") ?? (entryReference.Length > 0 ? $"{entryReference}/{i + 1}" : ""),
                CustomerReference = Text(detail, "Refs", "EndToEndId") is { } e2e && e2e != "NOTPROVIDED" ? e2e : "",
                TypeCode = BankTransactionCode(detail) is { Length: > 0 } own ? own : typeCode,
                PayerName = party.Name,
                PayerAccount = party.Account,
                IsReturn = reversal || returnReason.Length > 0 || Path(detail, "RtrInf") is not null,
                ReturnReason = returnReason,
                Text = Joined([text.Length > 0 ? text : entryText, party.Note]),
                Remittance = [.. Structured(detail), .. RemittanceText.Extract(string.Join(" ", ustrd))],
            };
        }
    }

    private static XElement? DetailAmount(XElement detail) =>
        detail.Elements().FirstOrDefault(e => e.Name.LocalName == "Amt") ?? Path(detail, "AmtDtls", "TxAmt", "Amt");

    /// <summary>The other side of a movement, and a note for the text naming who else stands in it.</summary>
    private sealed record Counterparty(string Name, string Account, string Note)
    {
        public static readonly Counterparty None = new("", "", "");
    }

    /// <summary>
    /// The other side: who paid a credit, who was paid by a debit (the creditor). A credit's payer
    /// is its ultimate debtor when the file names one — the customer for whom a payment factory,
    /// parent or agent paid as debtor, and so the name matching must recognise; the debtor stays
    /// in the text ("Debtor: …"). The account is the debtor's: the one the money came from.
    /// </summary>
    private static Counterparty Party(XElement detail, Direction direction)
    {
        if (direction == Direction.Debit) return new(PartyName(detail, "Cdtr"), PartyAccount(detail, "CdtrAcct"), "");
        var (debtor, ultimate) = (PartyName(detail, "Dbtr"), PartyName(detail, "UltmtDbtr"));
        if (ultimate.Length == 0 || string.Equals(ultimate, debtor, StringComparison.OrdinalIgnoreCase))
            return new(debtor, PartyAccount(detail, "DbtrAcct"), "");
        return new(ultimate, PartyAccount(detail, "DbtrAcct"), debtor.Length > 0 ? $"Debtor: {debtor}" : "");
    }

    /// <summary>A related party's name, as in v2 (Nm) or in v8+ (Pty/Nm).</summary>
    private static string PartyName(XElement detail, string party) =>
        Text(detail, "RltdPties", party, "Nm") ?? Text(detail, "RltdPties", party, "Pty", "Nm") ?? "";

    private static string PartyAccount(XElement detail, string account) =>
        Text(detail, "RltdPties", account, "Id", "IBAN") ?? Text(detail, "RltdPties", account, "Id", "Othr", "Id") ?? "";

    private static string Joined(IEnumerable<string> texts) => string.Join(" ", texts.Where(t => t.Length > 0));

    /// <summary>Referred documents (invoices, credit notes) and creditor references of Strd remittance.</summary>
    private static IEnumerable<RemittanceLine> Structured(XElement detail)
    {
        foreach (var strd in Descendants(detail, "Strd"))
        {
            var amount = Path(strd, "RfrdDocAmt", "RmtdAmt") ?? Path(strd, "RfrdDocAmt", "DuePyblAmt");
            var paid = amount is not null && decimal.TryParse(amount.Value, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var a) ? a : (decimal?)null;
            foreach (var document in Descendants(strd, "RfrdDocInf"))
                if (Text(document, "Nb") is { } number)
                    yield return new RemittanceLine(Text(document, "Tp", "CdOrPrtry", "Cd") ?? Text(document, "Tp", "CdOrPrtry", "Prtry") ?? "DOC", number, paid);
            if (Text(strd, "CdtrRefInf", "Ref") is { } reference)
                yield return new RemittanceLine(Text(strd, "CdtrRefInf", "Tp", "CdOrPrtry", "Cd") ?? Text(strd, "CdtrRefInf", "Tp", "CdOrPrtry", "Prtry") ?? "SCOR",
                    reference.Trim(), paid);
        }
    }

    private static string BankTransactionCode(XElement element)
    {
        var code = Path(element, "BkTxCd");
        if (code is null) return "";
        var domain = Text(code, "Domn", "Cd");
        return domain is not null
            ? string.Join("/", new[] { domain, Text(code, "Domn", "Fmly", "Cd"), Text(code, "Domn", "Fmly", "SubFmlyCd") }.OfType<string>())
            : Text(code, "Prtry", "Cd") ?? "";
    }

    private static (decimal Amount, string Currency) Amount(XElement? element, int line, string accountCurrency)
    {
        if (element is null) throw new BankFileFormatException(line, "entry without an amount");
        if (!decimal.TryParse(element.Value.Trim(), NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out var amount))
            throw new BankFileFormatException(line, $"amount '{element.Value}' is not a decimal number");
        var currency = element.Attribute("Ccy")?.Value ?? accountCurrency;
        if (currency.Length != 3) throw new BankFileFormatException(line, "amount without a currency");
        return (amount, currency);
    }

    private static Direction? Indicator(XElement element, int line) =>
        element.Elements().FirstOrDefault(e => e.Name.LocalName == "CdtDbtInd")?.Value.Trim() switch
        {
            null => null,
            "CRDT" => Direction.Credit,
            "DBIT" => Direction.Debit,
            var other => throw new BankFileFormatException(line, $"CdtDbtInd '{other}' is neither CRDT nor DBIT"),
        };

    /// <summary>The day of a date element (Dt or DtTm inside <paramref name="name"/>), or null when it has none.</summary>
    private static DateOnly? Date(XElement parent, string name, int line)
    {
        var holder = parent.Elements().FirstOrDefault(e => e.Name.LocalName == name);
        return Day(holder is null ? null : Text(holder, "Dt") ?? Text(holder, "DtTm"), line, name);
    }

    /// <summary>The day of an ISO date or date-time ("2026-11-03", "2026-11-03T08:00:00+01:00").</summary>
    private static DateOnly? Day(string? text, int line, string what) =>
        text is { Length: >= 10 } ? BankFileDate.Parse(text[..10], "yyyy-MM-dd", line, what) : null;

    private static XElement? Path(XElement start, params string[] names)
    {
        var current = start;
        foreach (var name in names)
        {
            current = current.Elements().FirstOrDefault(e => e.Name.LocalName == name);
            if (current is null) return null;
        }
        return current;
    }

    private static string? Text(XElement start, params string[] names) =>
        Path(start, names)?.Value.Trim() is { Length: > 0 } value ? value : null;

    private static IEnumerable<XElement> Descendants(XElement start, string name) =>
        start.Descendants().Where(e => e.Name.LocalName == name);

    /// <summary>Deeper than any camt element goes (an entry's remittance is about a dozen levels down).</summary>
    public const int MaxDepth = 64;

    /// <summary>
    /// The element the reader is on, read whole, leaving the reader on the node after it (as
    /// XNode.ReadFrom would) — but refusing nesting deeper than <see cref="MaxDepth"/>: every node
    /// added to a tree checks its ancestors, so a hostile file nested thousands deep would take
    /// time quadratic in its size.
    /// </summary>
    private static XElement Element(XmlReader reader, IXmlLineInfo info)
    {
        try
        {
            var top = reader.Depth;
            var root = Started(reader);
            if (reader.IsEmptyElement)
            {
                reader.Read();
                return root;
            }
            var current = root;
            while (reader.Read())
            {
                switch (reader.NodeType)
                {
                    case XmlNodeType.Element:
                        if (reader.Depth - top > MaxDepth)
                            throw new BankFileFormatException(Math.Max(1, info.LineNumber), $"elements nested more than {MaxDepth} levels deep");
                        var child = Started(reader);
                        current.Add(child);
                        if (!reader.IsEmptyElement) current = child;
                        break;
                    case XmlNodeType.Text or XmlNodeType.CDATA or XmlNodeType.SignificantWhitespace:
                        current.Add(new XText(reader.Value));
                        break;
                    case XmlNodeType.EndElement when current == root:
                        reader.Read();
                        return root;
                    case XmlNodeType.EndElement:
                        current = current.Parent!;
                        break;
                }
            }
            throw new BankFileFormatException(Math.Max(1, info.LineNumber), $"the file ends inside <{root.Name.LocalName}>");
        }
        catch (XmlException e)
        {
            throw NotWellFormed(e, info);
        }
    }

    /// <summary>A new element with the reader's name and attributes (namespace declarations left to the reader).</summary>
    private static XElement Started(XmlReader reader)
    {
        var element = new XElement(XName.Get(reader.LocalName, reader.NamespaceURI));
        if (reader.MoveToFirstAttribute())
        {
            do
            {
                if (reader.NamespaceURI != "http://www.w3.org/2000/xmlns/")
                    element.SetAttributeValue(XName.Get(reader.LocalName, reader.NamespaceURI), reader.Value);
            } while (reader.MoveToNextAttribute());
            reader.MoveToElement();
        }
        return element;
    }

    private static bool Read(XmlReader reader, IXmlLineInfo info)
    {
        try
        {
            return reader.Read();
        }
        catch (XmlException e)
        {
            throw NotWellFormed(e, info);
        }
    }

    private static string Content(XmlReader reader, IXmlLineInfo info)
    {
        try
        {
            return reader.ReadElementContentAsString();
        }
        catch (XmlException e)
        {
            throw NotWellFormed(e, info);
        }
    }

    /// <summary>The line the XML reader names, or the one it is on; a file refused before its first line is read is refused at line 1.</summary>
    private static BankFileFormatException NotWellFormed(XmlException e, IXmlLineInfo info) =>
        new(Math.Max(1, e.LineNumber > 0 ? e.LineNumber : info.LineNumber), $"not well-formed XML: {e.Message}");
}
