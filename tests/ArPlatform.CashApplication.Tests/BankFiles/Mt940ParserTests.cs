using ArPlatform.CashApplication.BankFiles;

namespace ArPlatform.CashApplication.Tests.BankFiles;

public sealed class Mt940ParserTests
{
    /// <summary>A statement we wrote: SWIFT envelope, a German ?-subfield :86:, a Dutch /CODE/ one, a reversal.</summary>
    private const string Statement = """
        {1:F01ARPLDEFFAXXX0000000000}{2:I940ARPLDEFFXXXXN}{4:
        :20:STMT-2026-11-03
        :25:DE89370400440532013000
        :28C:00307/1
        :60F:C261102EUR10000,00
        :61:2611031103C324,75NTRFINV-000123//BANKREF-1
        :86:166?00GUTSCHRIFT?20EREF+E2E-991?21SVWZ+Rechnung Nr 2026-00?2212 und INV-000124?30COBADEFFXXX?31DE44500105175407324931?32ACME GMBH?33 EINKAUF
        :61:2611031103D100,00NMSCNONREF//BANKREF-2
        :86:/TRTP/SEPA OVERBOEKING/IBAN/NL91ABNA0417164300/BIC/ABNANL2A/NAME/Globex BV/REMI/Factuur 99579/EREF/NOTPROVIDED
        :61:2611031103RC50,00NRTIRET-7//BANKREF-3
        :86:RETOURE AC04 Konto erloschen
        :62F:C261103EUR10174,75
        -}
        """;

    /// <summary>A statement we wrote as Macedonian and Dutch banks structure :86:: ordering party and beneficiary fields.</summary>
    private const string Parties = """
        :20:STMT-2026-11-04
        :25:MK07300000002778989
        :28C:00308/1
        :60F:C261103MKD10000,00
        :61:2611041104C5000,00NTRFNONREF//BANKREF-4
        :86:/ORDP/530500003804588
        /ACME DOOEL SKOPJE
        /000//000
        /Plakane po faktura 2026-000991
        :61:2611041104C1200,00NTRFNONREF//BANKREF-5
        :86:/EREF/E2E-5/ORDP//NAME/Acme Retail BV/ID/NL123456789B01/REMI/INV 2026-000992
        :61:2611041104D300,00NTRFNONREF//BANKREF-6
        :86:/BENM/300000003998473
        /TELEKOM AD SKOPJE
        /00//00
        /Pl. po smetka 7788
        :62F:C261104MKD15900,00
        """;

    private static List<BankTransaction> Parse(string text) => Mt940Parser.Parse(new StringReader(text)).ToList();

    [Fact]
    public void Entries_carry_amount_direction_dates_and_references()
    {
        var entries = Parse(Statement);

        Assert.Equal([(324.75m, Direction.Credit), (100.00m, Direction.Debit), (50.00m, Direction.Debit)], entries.Select(e => (e.Amount, e.Direction)));
        Assert.All(entries, e => Assert.Equal(("DE89370400440532013000", "EUR", new DateOnly(2026, 11, 3)), (e.AccountId, e.Currency, e.BookingDate)));
        Assert.Equal([("INV-000123", "BANKREF-1"), ("", "BANKREF-2"), ("RET-7", "BANKREF-3")], entries.Select(e => (e.CustomerReference, e.BankReference)));
    }

    [Fact]
    public void German_subfields_give_payer_name_account_and_purpose_even_when_split_mid_word()
    {
        var credit = Parse(Statement)[0];

        Assert.Equal(("ACME GMBH EINKAUF", "DE44500105175407324931", "166"), (credit.PayerName, credit.PayerAccount, credit.TypeCode));
        Assert.Contains("Rechnung Nr 2026-0012 und INV-000124", credit.Text);
        Assert.Equal(["2026-0012", "000124"], credit.Remittance.Select(r => r.Reference));
    }

    [Fact]
    public void Dutch_structured_fields_give_payer_and_remittance()
    {
        var debit = Parse(Statement)[1];

        Assert.Equal(("Globex BV", "NL91ABNA0417164300", "Factuur 99579"), (debit.PayerName, debit.PayerAccount, debit.Text));
        Assert.Equal(["99579"], debit.Remittance.Select(r => r.Reference));
    }

    [Fact]
    public void A_reversed_credit_is_a_return_that_takes_money_out()
    {
        var reversal = Parse(Statement)[2];

        Assert.True(reversal.IsReturn);
        Assert.Equal(Direction.Debit, reversal.Direction);
    }

    [Theory]
    [InlineData(":62F:C261103EUR10174,75", ":62F:C261103EUR10174,76", 12, "does not reconcile")]
    [InlineData(":61:2611031103D100,00", ":61:2611311103D100,00", 8, "value date '261131'")]
    [InlineData(":60F:C261102EUR10000,00", ":60F:X261102EUR10000,00", 5, "not mark, date, currency, amount")]
    [InlineData(":61:2611031103C324,75", ":61:2611031103C324,7,5", 6, "not an amount")]
    [InlineData(":86:RETOURE", ":25:RETOURE", 11, "second :25:")]
    public void A_statement_that_does_not_reconcile_or_is_malformed_is_refused_at_its_line(string original, string broken, int line, string reason)
    {
        var error = Assert.Throws<BankFileFormatException>(() => Parse(Statement.Replace(original, broken)));

        Assert.Equal(line, error.LineNumber);
        Assert.Contains(reason, error.Message);
    }

    [Fact]
    public void A_statement_without_its_closing_balance_is_refused()
    {
        var cut = Statement[..Statement.IndexOf(":62F:", StringComparison.Ordinal)];

        Assert.Contains("no closing balance", Assert.Throws<BankFileFormatException>(() => Parse(cut)).Message);
    }

    [Theory]
    [InlineData(":61:")]
    [InlineData(":62F:")]
    public void A_statement_cut_off_before_its_closing_balance_by_the_next_message_is_refused_at_that_message(string cutBefore)
    {
        var cut = Statement[..Statement.IndexOf(cutBefore, StringComparison.Ordinal)];
        var next = """
            {1:F01ARPLDEFFAXXX0000000000}{2:I940ARPLDEFFXXXXN}{4:
            :20:STMT-2026-11-04
            :25:DE89370400440532013000
            :28C:00308/1
            :60F:C261103EUR10174,75
            :62F:C261104EUR10174,75
            -}
            """;

        var error = Assert.Throws<BankFileFormatException>(() => Parse(cut + next));

        Assert.Equal(cut.Count(c => c == '\n') + 2, error.LineNumber);
        Assert.Contains("no closing balance", error.Message);
    }

    [Theory]
    [InlineData("4912311231", 2049, 12, 31)]
    [InlineData("5001010101", 1950, 1, 1)]
    public void A_two_digit_year_reads_inside_the_business_dates_so_no_mt940_date_can_leave_them(string dates, int year, int month, int day)
    {
        var credit = Parse(Statement.Replace(":61:2611031103C324,75", $":61:{dates}C324,75"))[0];

        Assert.Equal((new DateOnly(year, month, day), new DateOnly(year, month, day)), (credit.ValueDate, credit.BookingDate));
    }

    [Fact]
    public void A_credits_ordering_party_written_as_account_then_name_is_its_payer()
    {
        var credit = Parse(Parties)[0];

        Assert.Equal(("ACME DOOEL SKOPJE", "530500003804588"), (credit.PayerName, credit.PayerAccount));
        Assert.Equal(["2026-000991"], credit.Remittance.Select(r => r.Reference));
    }

    [Fact]
    public void A_credits_ordering_party_written_with_subfields_is_named_by_its_name_field()
    {
        var credit = Parse(Parties)[1];

        Assert.Equal(("Acme Retail BV", "", "INV 2026-000992"), (credit.PayerName, credit.PayerAccount, credit.Text));
    }

    [Fact]
    public void A_debit_names_its_beneficiary_as_the_other_party()
    {
        var debit = Parse(Parties)[2];

        Assert.Equal((Direction.Debit, "TELEKOM AD SKOPJE", "300000003998473"), (debit.Direction, debit.PayerName, debit.PayerAccount));
    }
}
