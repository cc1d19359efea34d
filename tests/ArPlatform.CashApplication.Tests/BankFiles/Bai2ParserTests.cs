using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.CashApplication.Tests.BankFiles;

public sealed class Bai2ParserTests
{
    /// <summary>A lockbox-style file we wrote: one group, one account, two credits and a returned item.</summary>
    private const string Lockbox = """
        01,021000021,ARPLATFORM,261103,0800,1,80,,2/
        02,ARPLATFORM,021000021,1,261102,2359,USD,2/
        03,000123456789,USD,010,5000000,,,015,5100000,,/
        16,115,32475,0,BR-1001,CR-7,LOCKBOX ACME CORP INVOICE INV-000123/
        88,AND INV-000124
        16,195,1250000,V,261103,0900,FW-77,,WIRE GLOBEX OBI:=INVOICE 2026-000991/
        16,555,10000,Z,RT-5,,RETURNED ITEM NSF/
        49,11392475,6/
        98,11392475,1,8/
        99,11392475,1,10/
        """;

    private static List<BankTransaction> Parse(string text) => Bai2Parser.Parse(new StringReader(text)).ToList();

    [Fact]
    public void Details_become_transactions_with_amounts_in_the_currencys_units_and_their_direction()
    {
        var transactions = Parse(Lockbox);

        Assert.Equal([324.75m, 12500.00m, 100.00m], transactions.Select(t => t.Amount));
        Assert.Equal([Direction.Credit, Direction.Credit, Direction.Debit], transactions.Select(t => t.Direction));
        Assert.All(transactions, t => Assert.Equal(("000123456789", "USD", new DateOnly(2026, 11, 2)), (t.AccountId, t.Currency, t.BookingDate)));
        Assert.Equal(["BR-1001", "FW-77", "RT-5"], transactions.Select(t => t.BankReference));
        Assert.Equal([4, 6, 7], transactions.Select(t => t.LineNumber));
    }

    [Fact]
    public void Continuation_text_joins_the_detail_and_invoice_numbers_in_it_become_remittance()
    {
        var first = Parse(Lockbox)[0];

        Assert.Equal("LOCKBOX ACME CORP INVOICE INV-000123 AND INV-000124", first.Text);
        Assert.Equal(["INV-000123", "000124"], first.Remittance.Select(r => r.Reference));
    }

    [Fact]
    public void A_value_dated_detail_keeps_its_value_date_and_a_returned_item_is_flagged()
    {
        var transactions = Parse(Lockbox);

        Assert.Equal(new DateOnly(2026, 11, 3), transactions[1].ValueDate);
        Assert.Equal(["2026-000991"], transactions[1].Remittance.Select(r => r.Reference));
        Assert.True(transactions[2].IsReturn);
    }

    [Theory]
    [InlineData("49,11392475,6/", "49,11392476,6/", 8, "control total 11392476")]
    [InlineData("49,11392475,6/", "49,11392475,5/", 8, "record count 5")]
    [InlineData("98,11392475,1,8/", "98,11392475,2,8/", 9, "says 2 accounts")]
    [InlineData("99,11392475,1,10/", "99,11392475,1,11/", 10, "record count 11")]
    [InlineData("16,195,1250000,V,", "16,19X,1250000,V,", 6, "type code '19X'")]
    [InlineData("16,555,10000,Z,", "16,555,10000,Q,", 7, "funds type 'Q'")]
    [InlineData("01,021000021,ARPLATFORM,261103,", "01,021000021,ARPLATFORM,26-11-03,", 1, "not YYMMDD")]
    public void A_file_that_does_not_tie_or_is_malformed_is_refused_at_the_line_that_says_so(
        string original, string broken, int line, string reason)
    {
        var error = Assert.Throws<BankFileFormatException>(() => Parse(Lockbox.Replace(original, broken)));

        Assert.Equal(line, error.LineNumber);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_truncated_file_is_refused()
    {
        var error = Assert.Throws<BankFileFormatException>(() => Parse(Lockbox[..Lockbox.IndexOf("99,", StringComparison.Ordinal)]));

        Assert.Contains("99 file trailer", error.Message);
    }

    [Fact]
    public void Records_packed_on_one_line_broken_across_lines_or_without_terminators_parse_the_same()
    {
        var messy = Lockbox.Replace("/\n02,", "/   02,").Replace("LOCKBOX ACME CORP ", "LOCKBOX ACME CORP\n").Replace("0900,FW-77,,WIRE GLOBEX OBI:=INVOICE 2026-000991/", "0900,FW-77,,WIRE GLOBEX OBI:=INVOICE 2026-000991");

        var transactions = Parse(messy);

        Assert.Equal(Parse(Lockbox).Select(t => (t.Amount, t.BankReference, t.Remittance.Count)), transactions.Select(t => (t.Amount, t.BankReference, t.Remittance.Count)));
    }

    [Fact]
    public void Summary_fields_continue_across_88_records_and_distributed_availability_is_skipped()
    {
        const string file = """
            01,A,B,261103,0800,1,,,2/
            02,B,A,1,261102,2359,USD,2/
            03,42,USD,010,100,,,190/
            88,700,4,D,2,0,300,1,400,072,5,,/
            16,175,25,D,1,1,25,BR,,DEPOSIT/
            49,830,4/
            98,830,1,6/
            99,830,1,8/
            """;

        var detail = Assert.Single(Parse(file));

        Assert.Equal((0.25m, "BR", "DEPOSIT"), (detail.Amount, detail.BankReference, detail.Text));
    }

    [Fact]
    public void Amounts_follow_the_currencys_minor_units()
    {
        const string file = """
            01,A,B,261103,0800,1,,,2/
            02,B,A,1,261102,2359,JPY,2/
            03,42,,/
            16,115,15000,0,R1,,/
            49,15000,3/
            98,15000,1,5/
            99,15000,1,7/
            """;

        Assert.Equal(15000m, Assert.Single(Parse(file)).Amount);
    }

    [Theory]
    [InlineData("491231", 2049, 12, 31)]
    [InlineData("500101", 1950, 1, 1)]
    public void A_two_digit_year_reads_inside_the_business_dates_so_no_bai2_date_can_leave_them(string asOf, int year, int month, int day)
    {
        var transactions = Parse(Lockbox.Replace("02,ARPLATFORM,021000021,1,261102,", $"02,ARPLATFORM,021000021,1,{asOf},"));

        Assert.All(transactions, t => Assert.Equal(new DateOnly(year, month, day), t.BookingDate));
    }
}
