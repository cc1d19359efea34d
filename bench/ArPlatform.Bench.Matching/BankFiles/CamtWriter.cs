using System.Globalization;
using System.Xml.Linq;
using ArPlatform.SharedKernel;

namespace ArPlatform.Bench.Matching.BankFiles;

/// <summary>A referred document of Strd remittance: its type code (CINV, CREN, PUOR …), number and remitted amount.</summary>
public sealed record CamtDocument(string Type, string Number, decimal? Remitted);

/// <summary>
/// One transaction of a camt.054 entry: debtor (and ultimate debtor: whom the debtor pays for),
/// the debtor's account, unstructured lines and structured documents.
/// </summary>
public sealed record CamtTransaction(
    decimal Amount, bool Credit, string EndToEndId, string Debtor, string DebtorIban, string UltimateDebtor,
    IReadOnlyList<string> Unstructured, IReadOnlyList<CamtDocument> Documents, string CreditorReference = "");

/// <summary>One booked entry: a single payment, or a batch of several transactions each with its own amount.</summary>
public sealed record CamtEntry(string Reference, IReadOnlyList<CamtTransaction> Transactions);

/// <summary>
/// Writes a camt.054 notification in the version asked: .02 names parties directly
/// (Dbtr/Nm), .08 through Pty (Dbtr/Pty/Nm), as the parser accepts both.
/// </summary>
public static class CamtWriter
{
    public static string Write(string version, string iban, string currency, DateOnly booked, IEnumerable<CamtEntry> entries)
    {
        XNamespace ns = $"urn:iso:std:iso:20022:tech:xsd:camt.054.001.{version}";
        var withParty = string.CompareOrdinal(version, "04") > 0;
        var minorUnits = Currency.Of(currency).MinorUnits;
        string A(decimal amount) => amount.ToString("F" + minorUnits, CultureInfo.InvariantCulture);
        XElement Amount(decimal amount) => new(ns + "Amt", new XAttribute("Ccy", currency), A(amount));
        XElement Party(string element, string name) =>
            new(ns + element, withParty ? new XElement(ns + "Pty", new XElement(ns + "Nm", name)) : new XElement(ns + "Nm", name));
        var day = booked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

        XElement Transaction(CamtTransaction t) => new(ns + "TxDtls",
            new XElement(ns + "Refs", new XElement(ns + "EndToEndId", t.EndToEndId.Length > 0 ? t.EndToEndId : "NOTPROVIDED")),
            Amount(t.Amount),
            new XElement(ns + "CdtDbtInd", t.Credit ? "CRDT" : "DBIT"),
            new XElement(ns + "RltdPties",
                t.Debtor.Length > 0 ? Party("Dbtr", t.Debtor) : null,
                t.DebtorIban.Length > 0 ? new XElement(ns + "DbtrAcct", new XElement(ns + "Id", new XElement(ns + "IBAN", t.DebtorIban))) : null,
                t.UltimateDebtor.Length > 0 ? Party("UltmtDbtr", t.UltimateDebtor) : null,
                Party("Cdtr", "Nordwind Handels GmbH")),
            t.Unstructured.Count + t.Documents.Count + t.CreditorReference.Length == 0 ? null : new XElement(ns + "RmtInf",
                t.Unstructured.Select(u => new XElement(ns + "Ustrd", u)),
                t.Documents.Select(d => new XElement(ns + "Strd",
                    new XElement(ns + "RfrdDocInf",
                        new XElement(ns + "Tp", new XElement(ns + "CdOrPrtry", new XElement(ns + "Cd", d.Type))),
                        new XElement(ns + "Nb", d.Number)),
                    d.Remitted is { } r ? new XElement(ns + "RfrdDocAmt", new XElement(ns + "RmtdAmt", new XAttribute("Ccy", currency), A(r))) : null)),
                t.CreditorReference.Length == 0 ? null : new XElement(ns + "Strd", new XElement(ns + "CdtrRefInf",
                    new XElement(ns + "Tp", new XElement(ns + "CdOrPrtry", new XElement(ns + "Cd", "SCOR"))),
                    new XElement(ns + "Ref", t.CreditorReference)))));

        XElement Entry(CamtEntry e) => new(ns + "Ntry",
            new XElement(ns + "NtryRef", e.Reference),
            Amount(e.Transactions.Sum(t => t.Amount)),
            new XElement(ns + "CdtDbtInd", e.Transactions[0].Credit ? "CRDT" : "DBIT"),
            new XElement(ns + "Sts", withParty ? new XElement(ns + "Cd", "BOOK") : "BOOK"),
            new XElement(ns + "BookgDt", new XElement(ns + "Dt", day)),
            new XElement(ns + "ValDt", new XElement(ns + "Dt", day)),
            new XElement(ns + "AcctSvcrRef", e.Reference),
            new XElement(ns + "BkTxCd", new XElement(ns + "Domn", new XElement(ns + "Cd", "PMNT"),
                new XElement(ns + "Fmly", new XElement(ns + "Cd", e.Transactions[0].Credit ? "RCDT" : "ICDT"), new XElement(ns + "SubFmlyCd", "ESCT")))),
            new XElement(ns + "NtryDtls", e.Transactions.Select(Transaction)));

        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null),
            new XElement(ns + "Document",
                new XElement(ns + "BkToCstmrDbtCdtNtfctn",
                    new XElement(ns + "GrpHdr", new XElement(ns + "MsgId", $"NTF{day}"), new XElement(ns + "CreDtTm", $"{day}T06:30:00")),
                    new XElement(ns + "Ntfctn",
                        new XElement(ns + "Id", $"NTF{day}-1"),
                        new XElement(ns + "CreDtTm", $"{day}T06:30:00"),
                        new XElement(ns + "Acct", new XElement(ns + "Id", new XElement(ns + "IBAN", iban)), new XElement(ns + "Ccy", currency)),
                        entries.Select(Entry)))));
        return document.Declaration + "\n" + document.ToString();
    }
}
