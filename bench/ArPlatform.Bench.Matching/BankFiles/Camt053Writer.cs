using System.Globalization;
using System.Xml.Linq;
using ArPlatform.SharedKernel;

namespace ArPlatform.Bench.Matching.BankFiles;

/// <summary>
/// One booked credit of a camt.053 statement: the debtor as the sending bank named it (empty for
/// a settlement or a bank's own credit), the debtor's account in the bank's domestic form (not an
/// IBAN), unstructured lines, and the entry's additional information.
/// </summary>
public sealed record Camt053Credit(
    decimal Amount, string Reference, string EndToEndId, string Debtor, string DebtorAccount,
    IReadOnlyList<string> Unstructured, string EntryInfo, string Family = "RCDT", string SubFamily = "DMCT");

/// <summary>
/// Writes a camt.053.001.08 end-of-day statement of one account held under a domestic account
/// number (Othr/Id): opening and closing booked balances, a transaction summary counting the
/// entries, and one entry per credit with a single transaction detail.
/// </summary>
public static class Camt053Writer
{
    public static string Write(string account, string currency, DateOnly booked, decimal opening, IReadOnlyList<Camt053Credit> credits)
    {
        XNamespace ns = "urn:iso:std:iso:20022:tech:xsd:camt.053.001.08";
        var minorUnits = Currency.Of(currency).MinorUnits;
        string A(decimal amount) => amount.ToString("F" + minorUnits, CultureInfo.InvariantCulture);
        XElement Amount(decimal amount) => new(ns + "Amt", new XAttribute("Ccy", currency), A(amount));
        var day = booked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        XElement Balance(string code, decimal amount) => new(ns + "Bal",
            new XElement(ns + "Tp", new XElement(ns + "CdOrPrtry", new XElement(ns + "Cd", code))),
            Amount(amount), new XElement(ns + "CdtDbtInd", "CRDT"), new XElement(ns + "Dt", new XElement(ns + "Dt", day)));

        XElement Entry(Camt053Credit c) => new(ns + "Ntry",
            new XElement(ns + "NtryRef", c.Reference),
            Amount(c.Amount),
            new XElement(ns + "CdtDbtInd", "CRDT"),
            new XElement(ns + "Sts", new XElement(ns + "Cd", "BOOK")),
            new XElement(ns + "BookgDt", new XElement(ns + "Dt", day)),
            new XElement(ns + "ValDt", new XElement(ns + "Dt", day)),
            new XElement(ns + "AcctSvcrRef", c.Reference),
            new XElement(ns + "BkTxCd", new XElement(ns + "Domn", new XElement(ns + "Cd", "PMNT"),
                new XElement(ns + "Fmly", new XElement(ns + "Cd", c.Family), new XElement(ns + "SubFmlyCd", c.SubFamily)))),
            new XElement(ns + "NtryDtls", new XElement(ns + "TxDtls",
                new XElement(ns + "Refs", new XElement(ns + "EndToEndId", c.EndToEndId.Length > 0 ? c.EndToEndId : "NOTPROVIDED")),
                Amount(c.Amount),
                new XElement(ns + "CdtDbtInd", "CRDT"),
                c.Debtor.Length + c.DebtorAccount.Length == 0 ? null : new XElement(ns + "RltdPties",
                    c.Debtor.Length > 0 ? new XElement(ns + "Dbtr", new XElement(ns + "Pty", new XElement(ns + "Nm", c.Debtor))) : null,
                    c.DebtorAccount.Length > 0 ? new XElement(ns + "DbtrAcct", new XElement(ns + "Id", new XElement(ns + "Othr", new XElement(ns + "Id", c.DebtorAccount)))) : null),
                c.Unstructured.Count == 0 ? null : new XElement(ns + "RmtInf", c.Unstructured.Select(u => new XElement(ns + "Ustrd", u))))),
            c.EntryInfo.Length > 0 ? new XElement(ns + "AddtlNtryInf", c.EntryInfo) : null);

        var total = credits.Sum(c => c.Amount);
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(ns + "Document",
                new XElement(ns + "BkToCstmrStmt",
                    new XElement(ns + "GrpHdr", new XElement(ns + "MsgId", $"STMT{day}"), new XElement(ns + "CreDtTm", $"{day}T23:10:00")),
                    new XElement(ns + "Stmt",
                        new XElement(ns + "Id", $"STMT{day}-1"),
                        new XElement(ns + "CreDtTm", $"{day}T23:10:00"),
                        new XElement(ns + "Acct", new XElement(ns + "Id", new XElement(ns + "Othr", new XElement(ns + "Id", account))), new XElement(ns + "Ccy", currency)),
                        Balance("OPBD", opening),
                        Balance("CLBD", opening + total),
                        new XElement(ns + "TxsSummry",
                            new XElement(ns + "TtlNtries", new XElement(ns + "NbOfNtries", credits.Count.ToString(CultureInfo.InvariantCulture)), new XElement(ns + "Sum", A(total))),
                            new XElement(ns + "TtlCdtNtries", new XElement(ns + "NbOfNtries", credits.Count.ToString(CultureInfo.InvariantCulture)), new XElement(ns + "Sum", A(total)))),
                        credits.Select(Entry)))));
        return document.Declaration + "\n" + document.ToString();
    }
}
