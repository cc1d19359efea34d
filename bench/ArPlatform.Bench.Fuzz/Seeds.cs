using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.Bench.Fuzz;

/// <summary>A file the mutations start from, with the format it is read as.</summary>
public sealed record Seed(string Name, BankFileFormat Format, byte[] Content);

/// <summary>
/// The seeds: every file of the public sample corpus (../shared/samples/bankfiles, found by
/// walking up, or ARPLATFORM_BANK_SAMPLES), each read as the format its folder names, and small
/// files written here for what the corpus lacks (a CSV lockbox, a camt.054 with remittance).
/// </summary>
public static class Seeds
{
    public static IReadOnlyList<Seed> Load(string? samples = null)
    {
        var seeds = new List<Seed>(BuiltIn);
        if ((samples ?? Locate()) is { } folder)
            foreach (var (sub, format) in Folders)
            {
                var dir = Path.Combine(folder, sub);
                if (!Directory.Exists(dir)) continue;
                seeds.AddRange(Directory.EnumerateFiles(dir).Order(StringComparer.Ordinal)
                    .Select(f => new Seed($"{sub}/{Path.GetFileName(f)}", format(f), File.ReadAllBytes(f))));
            }
        return seeds;
    }

    public static string? Locate()
    {
        if (Environment.GetEnvironmentVariable("ARPLATFORM_BANK_SAMPLES") is { Length: > 0 } set && Directory.Exists(set)) return set;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            var samples = Path.Combine(dir.FullName, "shared", "samples", "bankfiles");
            if (Directory.Exists(samples)) return samples;
        }
        return null;
    }

    private static readonly (string Folder, Func<string, BankFileFormat> Format)[] Folders =
    [
        ("bai2", _ => BankFileFormat.Bai2),
        ("camt", f => File.ReadAllText(f).Contains("camt.054", StringComparison.Ordinal) ? BankFileFormat.Camt054 : BankFileFormat.Camt053),
        ("edi820", _ => BankFileFormat.Edi820),
        ("mt940", _ => BankFileFormat.Mt940),
        ("nacha", _ => BankFileFormat.Nacha),
    ];

    private static readonly Seed[] BuiltIn =
    [
        new("built-in/lockbox.csv", BankFileFormat.CsvLockbox, System.Text.Encoding.UTF8.GetBytes(
            CsvLockboxParser.Header + "\n" +
            "2026-11-30,LB-1,0001,1,1001,1250.00,USD,ACME CORP,1234567890,INV-2026-000123,1000.00\n" +
            "2026-11-30,LB-1,0001,1,1001,1250.00,USD,ACME CORP,1234567890,INV-2026-000124,250.00\n")),
        new("built-in/camt054-remittance.xml", BankFileFormat.Camt054, System.Text.Encoding.UTF8.GetBytes("""
            <?xml version="1.0" encoding="UTF-8"?>
            <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08"><BkToCstmrDbtCdtNtfctn><GrpHdr><MsgId>M1</MsgId><CreDtTm>2026-11-30T10:00:00</CreDtTm></GrpHdr>
            <Ntfctn><Id>N1</Id><Acct><Id><IBAN>DE44500105175407324931</IBAN></Id><Ccy>EUR</Ccy></Acct>
            <Ntry><Amt Ccy="EUR">1190.00</Amt><CdtDbtInd>CRDT</CdtDbtInd><Sts><Cd>BOOK</Cd></Sts><BookgDt><Dt>2026-11-30</Dt></BookgDt><ValDt><Dt>2026-11-30</Dt></ValDt>
            <NtryDtls><TxDtls><Refs><EndToEndId>E2E-1</EndToEndId></Refs><Amt Ccy="EUR">1190.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
            <RltdPties><Dbtr><Pty><Nm>Müller GmbH</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>DE89370400440532013000</IBAN></Id></DbtrAcct></RltdPties>
            <RmtInf><Ustrd>RE 4711 abzgl. 2% Skonto</Ustrd><Strd><RfrdDocInf><Nb>4712</Nb></RfrdDocInf><RfrdDocAmt><RmtdAmt Ccy="EUR">100.00</RmtdAmt></RfrdDocAmt></Strd></RmtInf>
            </TxDtls></NtryDtls></Ntry></Ntfctn></BkToCstmrDbtCdtNtfctn></Document>
            """)),
    ];
}
