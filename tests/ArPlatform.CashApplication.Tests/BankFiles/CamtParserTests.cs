using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.CashApplication.Tests.BankFiles;

public sealed class CamtParserTests
{
    /// <summary>A camt.054 we wrote: one batch credit of two payments, one with a referred invoice, one with text only.</summary>
    private const string Notification = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.054.001.08">
          <BkToCstmrDbtCdtNtfctn>
            <GrpHdr><MsgId>N-1</MsgId><CreDtTm>2026-11-03T08:00:00</CreDtTm></GrpHdr>
            <Ntfctn>
              <Id>N-1</Id>
              <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
              <TxsSummry><TtlNtries><NbOfNtries>1</NbOfNtries></TtlNtries></TxsSummry>
              <Ntry>
                <Amt Ccy="EUR">1324.75</Amt>
                <CdtDbtInd>CRDT</CdtDbtInd>
                <BookgDt><Dt>2026-11-03</Dt></BookgDt>
                <ValDt><Dt>2026-11-04</Dt></ValDt>
                <AcctSvcrRef>BATCH-77</AcctSvcrRef>
                <BkTxCd><Domn><Cd>PMNT</Cd><Fmly><Cd>RCDT</Cd><SubFmlyCd>ESCT</SubFmlyCd></Fmly></Domn></BkTxCd>
                <NtryDtls>
                  <TxDtls>
                    <Refs><AcctSvcrRef>TX-1</AcctSvcrRef><EndToEndId>E2E-1</EndToEndId></Refs>
                    <Amt Ccy="EUR">324.75</Amt>
                    <CdtDbtInd>CRDT</CdtDbtInd>
                    <RltdPties><Dbtr><Pty><Nm>Acme GmbH</Nm></Pty></Dbtr><DbtrAcct><Id><IBAN>DE44500105175407324931</IBAN></Id></DbtrAcct></RltdPties>
                    <RmtInf><Strd><RfrdDocInf><Tp><CdOrPrtry><Cd>CINV</Cd></CdOrPrtry></Tp><Nb>INV-000123</Nb></RfrdDocInf>
                      <RfrdDocAmt><RmtdAmt Ccy="EUR">324.75</RmtdAmt></RfrdDocAmt></Strd></RmtInf>
                  </TxDtls>
                  <TxDtls>
                    <Refs><AcctSvcrRef>TX-2</AcctSvcrRef></Refs>
                    <Amt Ccy="EUR">1000.00</Amt>
                    <RltdPties><Dbtr><Nm>Globex SA</Nm></Dbtr></RltdPties>
                    <RmtInf><Ustrd>Facture 2026-991 et 2026-992</Ustrd></RmtInf>
                  </TxDtls>
                </NtryDtls>
              </Ntry>
            </Ntfctn>
          </BkToCstmrDbtCdtNtfctn>
        </Document>
        """;

    /// <summary>A camt.053 we wrote: a credit a payment factory made for a customer, a debit we made, a batch without detail amounts.</summary>
    private const string Statement = """
        <?xml version="1.0" encoding="UTF-8"?>
        <Document xmlns="urn:iso:std:iso:20022:tech:xsd:camt.053.001.02">
          <BkToCstmrStmt>
            <Stmt>
              <Id>S-1</Id>
              <CreDtTm>2026-11-03T08:00:00</CreDtTm>
              <Acct><Id><IBAN>DE89370400440532013000</IBAN></Id><Ccy>EUR</Ccy></Acct>
              <Ntry>
                <Amt Ccy="EUR">500.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <NtryDtls><TxDtls>
                  <RltdPties>
                    <Dbtr><Nm>Payment Factory GmbH</Nm></Dbtr>
                    <DbtrAcct><Id><Othr><Id>0012345678</Id></Othr></Id></DbtrAcct>
                    <UltmtDbtr><Nm>Acme Retail AG</Nm></UltmtDbtr>
                  </RltdPties>
                  <RmtInf><Ustrd>INV-000123</Ustrd></RmtInf>
                </TxDtls></NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="EUR">80.00</Amt><CdtDbtInd>DBIT</CdtDbtInd>
                <NtryDtls><TxDtls>
                  <RltdPties>
                    <Dbtr><Nm>ArPlatform Inc</Nm></Dbtr>
                    <Cdtr><Nm>Office Supplies Ltd</Nm></Cdtr>
                    <CdtrAcct><Id><IBAN>GB29NWBK60161331926819</IBAN></Id></CdtrAcct>
                  </RltdPties>
                </TxDtls></NtryDtls>
              </Ntry>
              <Ntry>
                <Amt Ccy="EUR">700.00</Amt><CdtDbtInd>CRDT</CdtDbtInd>
                <NtryDtls>
                  <TxDtls><RmtInf><Ustrd>Sammelgutschrift</Ustrd></RmtInf></TxDtls>
                  <TxDtls><RltdPties><Dbtr><Pty><Nm>Globex SA</Nm></Pty></Dbtr>
                    <DbtrAcct><Id><IBAN>FR7630006000011234567890189</IBAN></Id></DbtrAcct></RltdPties></TxDtls>
                </NtryDtls>
              </Ntry>
            </Stmt>
          </BkToCstmrStmt>
        </Document>
        """;

    private static List<BankTransaction> Parse(string xml) => CamtParser.Parse(new StringReader(xml)).ToList();

    [Fact]
    public void A_batch_entry_becomes_one_payment_per_detail_with_its_payer_and_remittance()
    {
        var payments = Parse(Notification);

        Assert.Equal([(324.75m, "TX-1", "Acme GmbH"), (1000.00m, "TX-2", "Globex SA")], payments.Select(p => (p.Amount, p.BankReference, p.PayerName)));
        Assert.All(payments, p => Assert.Equal((BankFileFormat.Camt054, Direction.Credit, new DateOnly(2026, 11, 3), "PMNT/RCDT/ESCT"),
            (p.Format, p.Direction, p.BookingDate, p.TypeCode)));
        Assert.Equal(("CINV", "INV-000123", 324.75m), (payments[0].Remittance[0].Qualifier, payments[0].Remittance[0].Reference, payments[0].Remittance[0].PaidAmount));
        Assert.Equal(("DE44500105175407324931", "E2E-1"), (payments[0].PayerAccount, payments[0].CustomerReference));
        Assert.Equal(["2026-991"], payments[1].Remittance.Select(r => r.Reference));
    }

    [Fact]
    public void A_summary_that_disagrees_with_the_entries_is_refused()
    {
        var error = Assert.Throws<BankFileFormatException>(() => Parse(Notification.Replace("<NbOfNtries>1<", "<NbOfNtries>2<")));

        Assert.Contains("counts 2 entries but the statement has 1", error.Message);
    }

    [Theory]
    [InlineData("<Amt Ccy=\"EUR\">324.75</Amt>", "<Amt Ccy=\"EUR\">324,75</Amt>", "not a decimal number")]
    [InlineData(">CRDT</CdtDbtInd>", ">CREDIT</CdtDbtInd>", "neither CRDT nor DBIT")]
    [InlineData("</NtryDtls>", "</NtryDtl>", "not well-formed XML")]
    [InlineData("camt.054.001.08", "pain.001.001.09", "not camt")]
    public void Malformed_content_is_refused_with_the_line(string original, string broken, string reason)
    {
        var error = Assert.Throws<BankFileFormatException>(() => Parse(Notification.Replace(original, broken)));

        Assert.Contains(reason, error.Message);
        Assert.True(error.LineNumber > 0);
    }

    [Theory]
    [InlineData("<BookgDt><Dt>2026-11-03</Dt>", "<BookgDt><Dt>9999-12-31</Dt>", 9, "BookgDt 9999-12-31 is outside the business dates 1900-01-01 to 2199-12-31")]
    [InlineData("<ValDt><Dt>2026-11-04</Dt>", "<ValDt><Dt>1899-12-31</Dt>", 9, "ValDt 1899-12-31 is outside")]
    [InlineData("<Id>N-1</Id>", "<Id>N-1</Id><CreDtTm>0001-01-01T00:00:00</CreDtTm>", 6, "CreDtTm 0001-01-01 is outside")]
    public void A_date_outside_the_business_dates_refuses_the_file_at_its_line(string original, string broken, int line, string reason)
    {
        var error = Assert.Throws<BankFileFormatException>(() => Parse(Notification.Replace(original, broken)));

        Assert.Equal(line, error.LineNumber);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_credit_paid_for_a_customer_names_the_ultimate_debtor_and_keeps_the_debtor_in_the_text()
    {
        var credit = Parse(Statement)[0];

        Assert.Equal(("Acme Retail AG", "0012345678"), (credit.PayerName, credit.PayerAccount));
        Assert.Equal("INV-000123 Debtor: Payment Factory GmbH", credit.Text);
    }

    [Fact]
    public void A_debit_names_its_creditor_never_its_debtor_which_is_us()
    {
        var debit = Parse(Statement)[1];

        Assert.Equal((Direction.Debit, "Office Supplies Ltd", "GB29NWBK60161331926819"), (debit.Direction, debit.PayerName, debit.PayerAccount));
    }

    [Fact]
    public void A_batch_without_detail_amounts_takes_its_payers_name_and_account_from_the_detail_that_names_them()
    {
        var batch = Parse(Statement)[2];

        Assert.Equal((700.00m, "Globex SA", "FR7630006000011234567890189"), (batch.Amount, batch.PayerName, batch.PayerAccount));
    }
}
