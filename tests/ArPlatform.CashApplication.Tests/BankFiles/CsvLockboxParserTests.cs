using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.CashApplication.Tests.BankFiles;

public sealed class CsvLockboxParserTests
{
    private const string Lockbox = """"
        deposit_date,lockbox,batch,item,check_number,amount,currency,payer_name,payer_account,invoice_number,invoice_amount
        2026-11-03,LB-77,001,1,10045,1300.00,USD,"Acme Corp, Purchasing",021000021-123456,INV-000123,324.75
        2026-11-03,LB-77,001,1,10045,1300.00,USD,"Acme Corp, Purchasing",021000021-123456,INV-000124,975.25
        2026-11-03,LB-77,001,2,88,250.00,USD,"Globex ""East""",,,
        """";

    private static List<BankTransaction> Parse(string text) => CsvLockboxParser.Parse(new StringReader(text)).ToList();

    [Fact]
    public void Rows_of_one_check_become_one_payment_with_a_remittance_line_each()
    {
        var payments = Parse(Lockbox);

        Assert.Equal([(1300.00m, "Acme Corp, Purchasing", "LB-77/001/1"), (250.00m, "Globex \"East\"", "LB-77/001/2")],
            payments.Select(p => (p.Amount, p.PayerName, p.BankReference)));
        Assert.Equal([("INV-000123", 324.75m), ("INV-000124", 975.25m)], payments[0].Remittance.Select(r => (r.Reference, r.PaidAmount!.Value)));
        Assert.Empty(payments[1].Remittance);
        Assert.Equal(("10045", new DateOnly(2026, 11, 3), "021000021-123456"), (payments[0].CustomerReference, payments[0].BookingDate, payments[0].PayerAccount));
    }

    [Theory]
    [InlineData("deposit_date,lockbox", "date,lockbox", 1, "header row")]
    [InlineData("975.25\n", "975.25,extra\n", 3, "12 fields")]
    [InlineData(",10045,1300.00,USD,\"Acme Corp, Purchasing\",021000021-123456,INV-000124", ",10045,1300.01,USD,\"Acme Corp, Purchasing\",021000021-123456,INV-000124", 3, "differs from the check's first row")]
    [InlineData("2026-11-03,LB-77,001,2", "2026-13-03,LB-77,001,2", 4, "not YYYY-MM-DD")]
    [InlineData("88,250.00", "88,250,00", 4, "fields")]
    [InlineData("\"Globex \"\"East\"\"\"", "\"Globex", 4, "not closed")]
    public void A_malformed_row_is_refused_with_its_line(string original, string broken, int line, string reason)
    {
        var error = Assert.Throws<BankFileFormatException>(() => Parse(Lockbox.Replace(original, broken)));

        Assert.Equal(line, error.LineNumber);
        Assert.Contains(reason, error.Message);
    }

    [Theory]
    [InlineData("2200-01-01")]
    [InlineData("1899-12-31")]
    public void A_deposit_date_outside_the_business_dates_refuses_the_file_at_its_row(string date)
    {
        var error = Assert.Throws<BankFileFormatException>(() => Parse(Lockbox.Replace("2026-11-03,LB-77,001,2", $"{date},LB-77,001,2")));

        Assert.Equal(4, error.LineNumber);
        Assert.Contains($"deposit_date {date} is outside the business dates", error.Message);
    }
}
