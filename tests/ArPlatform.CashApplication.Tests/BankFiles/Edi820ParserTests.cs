using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.CashApplication.Tests.BankFiles;

public sealed class Edi820ParserTests
{
    /// <summary>An 820 we wrote: two invoices paid, one short by a deduction (ADX) for a damaged shipment.</summary>
    private const string Remittance =
        "ISA*00*          *00*          *ZZ*ACMEPAYER      *ZZ*ARPLATFORM     *261103*0800*U*00401*000000042*0*P*>~" +
        "GS*RA*ACMEPAYER*ARPLATFORM*20261103*0800*42*X*004010~" +
        "ST*820*0001~" +
        "BPR*C*1300.00*C*ACH*CTX*01*021000021*DA*123456789*1234567890**01*026009593*DA*987654321*20261103~" +
        "TRN*1*TRACE-2026-1103*1234567890~" +
        "N1*PR*ACME CORP~" +
        "N1*PE*ARPLATFORM INC~" +
        "ENT*1~" +
        "RMR*IV*INV-000123**324.75*324.75~" +
        "RMR*IV*INV-000124**975.25*1000.00~" +
        "ADX*-24.75*01*IV*INV-000124~" +
        "SE*10*0001~" +
        "GE*1*42~" +
        "IEA*1*000000042~";

    private static List<BankTransaction> Parse(string text) => Edi820Parser.Parse(new StringReader(text)).ToList();

    [Fact]
    public void A_payment_carries_its_trace_payer_and_every_remittance_line_with_its_deduction()
    {
        var payment = Assert.Single(Parse(Remittance));

        Assert.Equal((1300.00m, Direction.Credit, new DateOnly(2026, 11, 3), "TRACE-2026-1103", "ACME CORP"),
            (payment.Amount, payment.Direction, payment.BookingDate, payment.BankReference, payment.PayerName));
        Assert.Equal([("INV-000123", 324.75m, ""), ("INV-000124", 975.25m, "01")],
            payment.Remittance.Select(r => (r.Reference, r.PaidAmount!.Value, r.AdjustmentReason)));
        Assert.Equal(-24.75m, payment.Remittance[1].AdjustmentAmount);
    }

    [Fact]
    public void Any_delimiters_the_isa_declares_work()
    {
        var other = Remittance.Replace('*', '|').Replace("~", "\n");

        Assert.Equal(Parse(Remittance).Single().Remittance, Parse(other).Single().Remittance);
    }

    [Theory]
    [InlineData("SE*10*0001~", "SE*9*0001~", "SE01 says 9 segments")]
    [InlineData("SE*10*0001~", "SE*10*0002~", "does not match ST02")]
    [InlineData("GE*1*42~", "GE*2*42~", "GE01 says 2")]
    [InlineData("RMR*IV*INV-000123**324.75", "RMR*IV*INV-000123**32A.75", "RMR04 '32A.75' is not an amount")]
    [InlineData("ST*820*0001~", "ST*810*0001~", "is not an 820")]
    [InlineData("IEA*1*000000042~", "", "without its GE/IEA trailers")]
    public void An_interchange_whose_envelope_does_not_tie_is_refused(string original, string broken, string reason)
    {
        var error = Assert.Throws<BankFileFormatException>(() => Parse(Remittance.Replace(original, broken)));

        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("*987654321*20261103~", "*987654321*99991231~", "BPR16 date 9999-12-31 is outside the business dates 1900-01-01 to 2199-12-31")]
    [InlineData("GS*RA*ACMEPAYER*ARPLATFORM*20261103*", "GS*RA*ACMEPAYER*ARPLATFORM*18991231*", "GS04 date 1899-12-31 is outside")]
    public void A_date_outside_the_business_dates_refuses_the_interchange(string original, string broken, string reason)
    {
        var error = Assert.Throws<BankFileFormatException>(() => Parse(Remittance.Replace(original, broken)));

        Assert.Equal(1, error.LineNumber);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("N1*PR*ACME CORP~", "ACME CORP")]
    [InlineData("N1*RM*ACME SHARED SERVICES~", "ACME SHARED SERVICES")]
    [InlineData("N1*RM*ACME SHARED SERVICES~N1*PR*ACME CORP~", "ACME CORP")]
    [InlineData("N1*PR*ACME CORP~N1*PR*ACME EAST DIVISION~", "ACME CORP")]
    [InlineData("", "")]
    public void The_payer_is_n1_pr_else_the_remitting_party_n1_rm_and_never_the_payee_n1_pe(string parties, string payer)
    {
        var segments = parties.Count(c => c == '~');
        var text = Remittance.Replace("N1*PR*ACME CORP~", parties).Replace("SE*10*0001~", $"SE*{9 + segments}*0001~");

        var payment = Assert.Single(Parse(text));

        Assert.Equal((payer, "123456789"), (payment.PayerName, payment.PayerAccount));
    }
}
