using System.Globalization;
using System.Xml.Linq;
using ArPlatform.SharedKernel;

namespace ArPlatform.Bench.Matching.BankFiles;

/// <summary>What the sending side's bank said the payer instructed: another currency and the rate it was converted at.</summary>
public sealed record CamtInstructed(string Currency, decimal Amount, decimal Rate);

/// <summary>
/// One booked entry with a single transaction: credit or debit, the counterparty (debtor of a
/// credit, creditor of a debit) and its account (IBAN or a domestic number), the ultimate
/// debtor, unstructured lines, a creditor reference of the bank's own type (a numeric
/// reference), the entry's and the transaction's additional information, the bank transaction
/// code (ISO domain/family/sub-family and the bank's proprietary code), what was instructed in
/// another currency, and charges taken on the way.
/// </summary>
public sealed record CamtItem(
    bool Credit, decimal Amount, string Reference, string EndToEndId, string Counterparty, string CounterpartyAccount,
    IReadOnlyList<string> Unstructured, string EntryInfo, string Family, string SubFamily, string Proprietary = "",
    string UltimateDebtor = "", string NumericReference = "", string NumericReferenceType = "", string TransactionInfo = "",
    CamtInstructed? Instructed = null, decimal Charges = 0m, string ChargeBearer = "SHAR");

/// <summary>
/// Writes an ISO 20022 camt.053.001.08 statement (balances and a transaction summary) or a
/// camt.054.001.08 notification, of one account held under an IBAN or a domestic number
/// (Othr/Id: a CLABE, a South African account), owned by the named company. Each entry has
/// one transaction detail whose elements follow the schema's order.
/// </summary>
public static class IsoCamtWriter
{
    public static string Write(bool statement, string account, string currency, string owner, string servicer, DateOnly booked, decimal opening, IReadOnlyList<CamtItem> items)
    {
        XNamespace ns = $"urn:iso:std:iso:20022:tech:xsd:camt.{(statement ? "053" : "054")}.001.08";
        var minorUnits = Currency.Of(currency).MinorUnits;
        string A(decimal amount, int units) => amount.ToString("F" + units.ToString(CultureInfo.InvariantCulture), CultureInfo.InvariantCulture);
        XElement Amount(decimal amount, string ccy = "") => new(ns + "Amt", new XAttribute("Ccy", ccy.Length > 0 ? ccy : currency),
            A(amount, ccy.Length > 0 ? Currency.Of(ccy).MinorUnits : minorUnits));
        XElement Id(string id) => IsIban(id) ? new XElement(ns + "Id", new XElement(ns + "IBAN", id)) : new XElement(ns + "Id", new XElement(ns + "Othr", new XElement(ns + "Id", id)));
        XElement Party(string element, string name) => new(ns + element, new XElement(ns + "Pty", new XElement(ns + "Nm", name)));
        var day = booked.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        XElement Balance(string code, decimal amount) => new(ns + "Bal",
            new XElement(ns + "Tp", new XElement(ns + "CdOrPrtry", new XElement(ns + "Cd", code))),
            Amount(Math.Abs(amount)), new XElement(ns + "CdtDbtInd", amount < 0 ? "DBIT" : "CRDT"), new XElement(ns + "Dt", new XElement(ns + "Dt", day)));
        XElement Code(CamtItem i) => new(ns + "BkTxCd",
            new XElement(ns + "Domn", new XElement(ns + "Cd", "PMNT"),
                new XElement(ns + "Fmly", new XElement(ns + "Cd", i.Family), new XElement(ns + "SubFmlyCd", i.SubFamily))),
            i.Proprietary.Length > 0 ? new XElement(ns + "Prtry", new XElement(ns + "Cd", i.Proprietary), new XElement(ns + "Issr", servicer)) : null);

        XElement Entry(CamtItem i)
        {
            var indicator = i.Credit ? "CRDT" : "DBIT";
            var details = new XElement(ns + "TxDtls",
                new XElement(ns + "Refs",
                    new XElement(ns + "AcctSvcrRef", i.Reference),
                    new XElement(ns + "EndToEndId", i.EndToEndId.Length > 0 ? i.EndToEndId : "NOTPROVIDED")),
                Amount(i.Amount),
                new XElement(ns + "CdtDbtInd", indicator),
                i.Instructed is { } instructed
                    ? new XElement(ns + "AmtDtls",
                        new XElement(ns + "InstdAmt", Amount(instructed.Amount, instructed.Currency),
                            new XElement(ns + "CcyXchg", new XElement(ns + "SrcCcy", instructed.Currency), new XElement(ns + "TrgtCcy", currency),
                                new XElement(ns + "XchgRate", instructed.Rate.ToString("0.######", CultureInfo.InvariantCulture)))),
                        new XElement(ns + "TxAmt", Amount(i.Amount)))
                    : null,
                i.Charges > 0m
                    ? new XElement(ns + "Chrgs",
                        new XElement(ns + "TtlChrgsAndTaxAmt", new XAttribute("Ccy", currency), A(i.Charges, minorUnits)),
                        new XElement(ns + "Rcrd", Amount(i.Charges), new XElement(ns + "CdtDbtInd", "DBIT"), new XElement(ns + "ChrgInclInd", "true"),
                            new XElement(ns + "Tp", new XElement(ns + "Cd", "COMM")), new XElement(ns + "Br", i.ChargeBearer)))
                    : null,
                i.Counterparty.Length + i.CounterpartyAccount.Length + i.UltimateDebtor.Length == 0 ? null : new XElement(ns + "RltdPties",
                    i.Credit && i.Counterparty.Length > 0 ? Party("Dbtr", i.Counterparty) : null,
                    i.Credit && i.CounterpartyAccount.Length > 0 ? new XElement(ns + "DbtrAcct", Id(i.CounterpartyAccount)) : null,
                    i.Credit && i.UltimateDebtor.Length > 0 ? Party("UltmtDbtr", i.UltimateDebtor) : null,
                    i.Credit ? Party("Cdtr", owner) : Party("Cdtr", i.Counterparty),
                    !i.Credit && i.CounterpartyAccount.Length > 0 ? new XElement(ns + "CdtrAcct", Id(i.CounterpartyAccount)) : null),
                i.Unstructured.Count == 0 && i.NumericReference.Length == 0 ? null : new XElement(ns + "RmtInf",
                    i.Unstructured.Select(u => new XElement(ns + "Ustrd", u)),
                    i.NumericReference.Length == 0 ? null : new XElement(ns + "Strd", new XElement(ns + "CdtrRefInf",
                        new XElement(ns + "Tp", new XElement(ns + "CdOrPrtry", new XElement(ns + "Prtry", i.NumericReferenceType))),
                        new XElement(ns + "Ref", i.NumericReference)))),
                i.TransactionInfo.Length > 0 ? new XElement(ns + "AddtlTxInf", i.TransactionInfo) : null);
            return new XElement(ns + "Ntry",
                new XElement(ns + "NtryRef", i.Reference),
                Amount(i.Amount),
                new XElement(ns + "CdtDbtInd", indicator),
                new XElement(ns + "Sts", new XElement(ns + "Cd", "BOOK")),
                new XElement(ns + "BookgDt", new XElement(ns + "Dt", day)),
                new XElement(ns + "ValDt", new XElement(ns + "Dt", day)),
                new XElement(ns + "AcctSvcrRef", i.Reference),
                Code(i),
                new XElement(ns + "NtryDtls", details),
                i.EntryInfo.Length > 0 ? new XElement(ns + "AddtlNtryInf", i.EntryInfo) : null);
        }

        var credits = items.Where(i => i.Credit).ToList();
        var debits = items.Where(i => !i.Credit).ToList();
        var net = credits.Sum(i => i.Amount) - debits.Sum(i => i.Amount);
        string N(int n) => n.ToString(CultureInfo.InvariantCulture);
        var accountElement = new XElement(ns + "Acct", Id(account), new XElement(ns + "Ccy", currency),
            new XElement(ns + "Ownr", new XElement(ns + "Nm", owner)),
            new XElement(ns + "Svcr", new XElement(ns + "FinInstnId", new XElement(ns + "BICFI", servicer))));
        var stamp = $"{day}T{(statement ? "22:45:00" : "06:15:00")}";
        var body = statement
            ? new XElement(ns + "BkToCstmrStmt",
                new XElement(ns + "GrpHdr", new XElement(ns + "MsgId", $"{servicer}{booked:yyyyMMdd}053"), new XElement(ns + "CreDtTm", stamp)),
                new XElement(ns + "Stmt",
                    new XElement(ns + "Id", $"{account[^6..]}-{booked:yyyyMMdd}"),
                    new XElement(ns + "ElctrncSeqNb", N(booked.DayOfYear)),
                    new XElement(ns + "CreDtTm", stamp),
                    accountElement,
                    Balance("OPBD", opening),
                    Balance("CLBD", opening + net),
                    new XElement(ns + "TxsSummry",
                        new XElement(ns + "TtlNtries", new XElement(ns + "NbOfNtries", N(items.Count)),
                            new XElement(ns + "Sum", A(credits.Sum(i => i.Amount) + debits.Sum(i => i.Amount), minorUnits)),
                            new XElement(ns + "TtlNetNtry", new XElement(ns + "Amt", A(Math.Abs(net), minorUnits)), new XElement(ns + "CdtDbtInd", net < 0 ? "DBIT" : "CRDT"))),
                        new XElement(ns + "TtlCdtNtries", new XElement(ns + "NbOfNtries", N(credits.Count)), new XElement(ns + "Sum", A(credits.Sum(i => i.Amount), minorUnits))),
                        new XElement(ns + "TtlDbtNtries", new XElement(ns + "NbOfNtries", N(debits.Count)), new XElement(ns + "Sum", A(debits.Sum(i => i.Amount), minorUnits)))),
                    items.Select(Entry)))
            : new XElement(ns + "BkToCstmrDbtCdtNtfctn",
                new XElement(ns + "GrpHdr", new XElement(ns + "MsgId", $"{servicer}{booked:yyyyMMdd}054"), new XElement(ns + "CreDtTm", stamp)),
                new XElement(ns + "Ntfctn",
                    new XElement(ns + "Id", $"{account[^6..]}-{booked:yyyyMMdd}"),
                    new XElement(ns + "CreDtTm", stamp),
                    accountElement,
                    items.Select(Entry)));
        var document = new XDocument(new XDeclaration("1.0", "UTF-8", null), new XElement(ns + "Document", body));
        return document.Declaration + "\n" + document.ToString();
    }

    private static bool IsIban(string id) =>
        id.Length is >= 15 and <= 34 && char.IsAsciiLetterUpper(id[0]) && char.IsAsciiLetterUpper(id[1]) && char.IsAsciiDigit(id[2]) && char.IsAsciiDigit(id[3])
        && id.All(char.IsAsciiLetterOrDigit);
}
