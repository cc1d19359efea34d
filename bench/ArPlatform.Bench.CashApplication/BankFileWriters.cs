using System.Globalization;
using System.Security;
using System.Text;

namespace ArPlatform.Bench.CashApplication;

/// <summary>The generated payments as the banks would send them, one writer per format.</summary>
public static class BankFileWriters
{
    private static string A(decimal d) => d.ToString("0.00", CultureInfo.InvariantCulture);

    /// <summary>Our CSV lockbox format: one row per remittance line (a row without an invoice for a payment without one).</summary>
    public static string CsvLockbox(IEnumerable<SimPayment> payments)
    {
        var text = new StringBuilder("deposit_date,lockbox,batch,item,check_number,amount,currency,payer_name,payer_account,invoice_number,invoice_amount\n");
        var item = 0;
        foreach (var p in payments)
        {
            item++;
            var lines = p.Remittance.Count > 0 ? p.Remittance : [new RemittanceItem("", null, null, "")];
            foreach (var r in lines)
                text.Append($"2026-11-20,LB-1,{item / 1000 + 1},{item},{p.Reference},{A(p.Amount)},USD,\"{p.PayerName}\",{p.PayerAccount},{r.Reference},{(r.Paid is { } paid ? A(paid) : "")}\n");
        }
        return text.ToString();
    }

    /// <summary>X12 820s, one transaction set per payment in one interchange: RMR per invoice, ADX for an adjustment.</summary>
    public static string Edi820(IEnumerable<SimPayment> payments)
    {
        var text = new StringBuilder("ISA*00*          *00*          *ZZ*PAYERS         *ZZ*ARPLATFORM     *261120*0800*U*00401*000000777*0*P*>~GS*RA*PAYERS*ARPLATFORM*20261120*0800*777*X*004010~");
        var sets = 0;
        foreach (var p in payments)
        {
            sets++;
            var body = new List<string>
            {
                $"ST*820*{sets:D4}",
                $"BPR*C*{A(p.Amount)}*C*ACH*CTX*01*021000021*DA*{p.PayerAccount}*1234567890**01*026009593*DA*987654321*20261120",
                $"TRN*1*{p.Reference}*1234567890",
                $"N1*PR*{p.PayerName}",
            };
            foreach (var r in p.Remittance)
            {
                body.Add(r.Paid is { } paid ? $"RMR*IV*{r.Reference}**{A(paid)}*{A(r.Billed ?? paid)}" : $"RMR*IV*{r.Reference}");
                if (r.Adjustment.Length > 0 && r.Paid is { } p2 && r.Billed is { } b) body.Add($"ADX*{A(p2 - b)}*{r.Adjustment}*IV*{r.Reference}");
            }
            body.Add($"SE*{body.Count + 1}*{sets:D4}");
            foreach (var segment in body) text.Append(segment).Append('~');
        }
        return text.Append($"GE*{sets}*777~IEA*1*000000777~").ToString();
    }

    /// <summary>camt.054: one entry per payment, the payer and their IBAN, structured references with the amounts remitted.</summary>
    public static string Camt054(IEnumerable<SimPayment> payments)
    {
        var text = new StringBuilder("""<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>B</MsgId><CreDtTm>2026-11-20T08:00:00</CreDtTm></GrpHdr><Ntfctn><Id>B</Id><Acct><Id><IBAN>US00ARPLATFORM0000000001</IBAN></Id><Ccy>USD</Ccy></Acct>""");
        foreach (var p in payments)
        {
            var account = p.PayerAccount.Length > 0 ? $"<DbtrAcct><Id><IBAN>{p.PayerAccount}</IBAN></Id></DbtrAcct>" : "";
            var remittance = string.Concat(p.Remittance.Select(r =>
                $"<Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>{SecurityElement.Escape(r.Reference)}</Nb></RfrdDocInf>" +
                (r.Paid is { } paid ? $"<RfrdDocAmt><RmtdAmt Ccy=\"USD\">{A(paid)}</RmtdAmt></RfrdDocAmt>" : "") + "</Strd>"));
            text.Append($"""<Ntry><Amt Ccy="USD">{A(p.Amount)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-20</Dt></BookgDt><AcctSvcrRef>{p.Reference}</AcctSvcrRef><NtryDtls><TxDtls><Refs><AcctSvcrRef>{p.Reference}</AcctSvcrRef></Refs><Amt Ccy="USD">{A(p.Amount)}</Amt><CdtDbtInd>CRDT</CdtDbtInd><RltdPties><Dbtr><Pty><Nm>{SecurityElement.Escape(p.PayerName)}</Nm></Pty></Dbtr>{account}</RltdPties><RmtInf>{remittance}</RmtInf></TxDtls></NtryDtls></Ntry>""");
        }
        return text.Append("</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>").ToString();
    }

    /// <summary>BAI2: type-16 credits, the remittance as free text in 88 continuations (no payer fields: BAI2 has none).</summary>
    public static string Bai2(IEnumerable<SimPayment> payments)
    {
        var text = new StringBuilder("01,021000021,ARPLATFORM,261120,0800,1,80,,2/\n02,ARPLATFORM,021000021,1,261119,2359,USD,2/\n03,000123456789,USD/\n");
        long total = 0, records = 1;
        foreach (var p in payments)
        {
            var cents = (long)(p.Amount * 100);
            var references = string.Join(" ", p.Remittance.Select(r => $"INVOICE {r.Reference}"));
            text.Append($"16,115,{cents},0,{p.Reference},,{p.PayerName}/\n88,{(references.Length > 0 ? references : "NO REMITTANCE")}/\n");
            total += cents;
            records += 2;
        }
        return text.Append($"49,{total},{records + 1}/\n98,{total},1,{records + 3}/\n99,{total},1,{records + 5}/\n").ToString();
    }
}
