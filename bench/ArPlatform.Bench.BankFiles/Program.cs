using System.Diagnostics;
using System.Globalization;
using ArPlatform.CashApplication.BankFiles;

// Streams generated bank files of about N MB (100 by default) through BankFileReader and prints
// throughput and the process's peak memory, to show a file is never held whole.
CultureInfo.DefaultThreadCurrentCulture = CultureInfo.InvariantCulture;
var megabytes = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100;
var directory = Directory.CreateTempSubdirectory("bankfile-bench-").FullName;
try
{
    foreach (var (name, write) in new (string, Action<TextWriter, long>)[] { ("BAI2", WriteBai2), ("camt.054", WriteCamt), ("NACHA CTX", WriteNacha) })
    {
        var path = Path.Combine(directory, name.Replace(' ', '-'));
        using (var writer = new StreamWriter(path)) write(writer, megabytes * 1024L * 1024);
        var size = new FileInfo(path).Length;
        GC.Collect();
        var before = Process.GetCurrentProcess().WorkingSet64;
        var clock = Stopwatch.StartNew();
        using var stream = File.OpenRead(path);
        var (format, transactions) = BankFileReader.Read(stream);
        long count = 0, lines = 0;
        foreach (var t in transactions) { count++; lines += t.Remittance.Count; }
        clock.Stop();
        var peak = Process.GetCurrentProcess().PeakWorkingSet64;
        Console.WriteLine($"{name,-10} {format,-8} {size / 1048576.0,6:0.0} MB  {count,9:N0} payments  {lines,9:N0} remittance lines  " +
                          $"{clock.Elapsed.TotalSeconds,5:0.0} s  {size / 1048576.0 / clock.Elapsed.TotalSeconds,6:0.0} MB/s  " +
                          $"{count / clock.Elapsed.TotalSeconds,9:N0} payments/s  working set {before / 1048576,4} MB before, peak {peak / 1048576,4} MB");
        File.Delete(path);
    }
}
finally
{
    Directory.Delete(directory, recursive: true);
}

static void WriteBai2(TextWriter w, long bytes)
{
    w.WriteLine("01,021000021,ARPLATFORM,261103,0800,1,80,,2/");
    w.WriteLine("02,ARPLATFORM,021000021,1,261102,2359,USD,2/");
    w.WriteLine("03,000123456789,USD/");
    long total = 0, records = 1, written = 0, i = 0;
    while (written < bytes)
    {
        var cents = 10_000 + i % 900_000;
        var line = $"16,115,{cents},0,BR-{i},CR-{i},LOCKBOX PAYMENT INVOICE INV-{i % 999_999:D6}/";
        var more = $"88,AND INV-{(i + 1) % 999_999:D6} PAYER CUSTOMER {i % 5000}/";
        w.WriteLine(line);
        w.WriteLine(more);
        written += line.Length + more.Length + 2;
        total += cents;
        records += 2;
        i++;
    }
    w.WriteLine($"49,{total},{records + 1}/");
    w.WriteLine($"98,{total},1,{records + 3}/");
    w.WriteLine($"99,{total},1,{records + 5}/");
}

static void WriteCamt(TextWriter w, long bytes)
{
    w.WriteLine("""<?xml version="1.0" encoding="UTF-8"?><Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>B</MsgId><CreDtTm>2026-11-03T08:00:00</CreDtTm></GrpHdr><Ntfctn><Id>B</Id><Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>""");
    long written = 0, i = 0;
    while (written < bytes)
    {
        var entry = $"""<Ntry><Amt Ccy="EUR">{100 + i % 9000}.25</Amt><CdtDbtInd>CRDT</CdtDbtInd><BookgDt><Dt>2026-11-03</Dt></BookgDt><AcctSvcrRef>E-{i}</AcctSvcrRef><NtryDtls><TxDtls><Refs><AcctSvcrRef>T-{i}</AcctSvcrRef><EndToEndId>E2E-{i}</EndToEndId></Refs><Amt Ccy="EUR">{100 + i % 9000}.25</Amt><CdtDbtInd>CRDT</CdtDbtInd><RltdPties><Dbtr><Pty><Nm>Customer {i % 5000}</Nm></Pty></Dbtr></RltdPties><RmtInf><Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>INV-{i % 999_999:D6}</Nb></RfrdDocInf></Strd><Ustrd>Rechnung {i}</Ustrd></RmtInf></TxDtls></NtryDtls></Ntry>""";
        w.WriteLine(entry);
        written += entry.Length + 1;
        i++;
    }
    w.WriteLine("</Ntfctn></BkToCstmrDbtCdtNtfctn></Document>");
}

static void WriteNacha(TextWriter w, long bytes)
{
    static string Pad(string s) => s.PadRight(94);
    const int PerBatch = 5_000;
    w.WriteLine(Pad("101 021000021 1234567892611030800A094101FEDERAL RESERVE        ARPLATFORM INC"));
    long written = 0, i = 0, fileHash = 0, fileCredit = 0, fileRecords = 0;
    var batches = 0;
    while (written < bytes)
    {
        batches++;
        w.WriteLine(Pad($"5220{"ACME CORP",-16}{"",-20}1234567890CTXPAYMENT   261103261103   1021000020{batches:D7}"));
        long hash = 0, credit = 0, records = 0;
        for (var e = 0; e < PerBatch && written < bytes; e++, i++)
        {
            var cents = 10_000 + i % 900_000;
            var x12 = $"ISA*00*          *00*          *ZZ*ACME           *ZZ*ARPLATFORM     *261103*0800*U*00401*{i % 1_000_000_000:D9}*0*P*>~" +
                      $"GS*RA*ACME*ARPLATFORM*20261103*0800*{i}*X*004010~ST*820*0001~BPR*C*{cents / 100m:0.00}*C*ACH*CTX*01*021000021*DA*1*2**01*026009593*DA*3*20261103~" +
                      $"TRN*1*T-{i}~RMR*IV*INV-{i % 999_999:D6}**{cents / 100m:0.00}~SE*5*0001~GE*1*{i}~IEA*1*{i % 1_000_000_000:D9}~";
            var addenda = x12.Chunk(80).Select(c => new string(c)).ToList();
            w.WriteLine(Pad($"622026009593{"123456789",-17}{cents:D10}{"CUST-" + i % 5000,-15}{addenda.Count:D4}{"ARPLATFORM INC",-16}    1{"02100002" + (e + 1).ToString("D7")}"));
            for (var a = 0; a < addenda.Count; a++) w.WriteLine(Pad($"705{addenda[a],-80}{a + 1:D4}{e + 1:D7}"));
            written += 95 * (1 + addenda.Count);
            hash += 2600959;
            credit += cents;
            records += 1 + addenda.Count;
        }
        w.WriteLine(Pad($"8220{records:D6}{hash % 10_000_000_000:D10}{0:D12}{credit:D12}1234567890{"",25}021000020{batches:D7}"));
        fileHash += hash;
        fileCredit += credit;
        fileRecords += records;
    }
    w.WriteLine(Pad($"9{batches:D6}{1:D6}{fileRecords:D8}{fileHash % 10_000_000_000:D10}{0:D12}{fileCredit:D12}"));
}
