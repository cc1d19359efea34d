using ArPlatform.Collections.Allowance;
using ArPlatform.Collections.Mail;
using ArPlatform.SharedKernel;

namespace ArPlatform.Collections.Tests.Domain;

public sealed class AllowanceAndLetterTests
{
    [Fact]
    public void The_aging_method_applies_each_buckets_percentage_rounded_to_the_currency()
    {
        var lines = AllowanceCalculator.Lines(new AllowanceOptions(), Currency.USD.Round, 10_000m, 224.75m, 1_000m, 400m, 3_000m);
        // 1 % of 10,000 = 100; 3 % of 224.75 = 6.7425 → 6.74; 10 % of 1,000 = 100; 25 % of 400 = 100; 50 % of 3,000 = 1,500
        Assert.Equal([100m, 6.74m, 100m, 100m, 1_500m], lines.Select(l => l.Allowance));
        Assert.Equal(1_806.74m, lines.Sum(l => l.Allowance));
        // Booked 2,000: the entry releases 193.26.
        Assert.Equal(-193.26m, AllowanceCalculator.Adjustment(lines, 2_000m, 0m));
    }

    [Fact]
    public void Write_offs_charged_to_the_allowance_since_it_was_booked_are_made_good_by_the_adjustment()
    {
        // The textbook aging-method example: 15,570 required, and the allowance account in debit by
        // 1,600 (nothing booked, 1,600 written off against it since): the entry is 15,570 + 1,600.
        var lines = AllowanceCalculator.Lines(new AllowanceOptions(), Currency.USD.Round, 120_000m, 65_000m, 42_200m, 12_000m, 10_400m);
        Assert.Equal(15_570m, lines.Sum(l => l.Allowance));

        Assert.Equal(17_170m, AllowanceCalculator.Adjustment(lines, booked: 0m, writtenOffSince: 1_600m));
        // With 2,000 booked and 1,600 written off since, 400 is left in the account.
        Assert.Equal(15_170m, AllowanceCalculator.Adjustment(lines, booked: 2_000m, writtenOffSince: 1_600m));
    }

    [Fact]
    public void A_dunning_letter_lists_each_invoice_with_days_overdue_total_and_statement_link()
    {
        var template = new MailTemplate { Subject = "Overdue invoices: {total}", Opening = "Please arrange payment of {total}." };
        var (subject, body) = MailComposer.Dunning(template, "Acme Corp", "01ABC",
            [new LetterInvoice("INV-2026-000002", new DateOnly(2026, 11, 20), 50m, "USD"), new LetterInvoice("INV-2026-000001", new DateOnly(2026, 10, 31), 324.75m, "USD")],
            new DateOnly(2026, 11, 30), "https://ar.example.com/");
        Assert.Equal("Overdue invoices: 374.75 USD", subject);
        var lines = body.Split('\n').Select(l => l.TrimEnd('\r')).ToList();
        Assert.Equal("Dear Acme Corp,", lines[0]);
        Assert.Contains("Please arrange payment of 374.75 USD.", lines);
        var first = lines.FindIndex(l => l.StartsWith("INV-2026-000001", StringComparison.Ordinal));
        Assert.True(first > 0 && lines[first + 1].StartsWith("INV-2026-000002", StringComparison.Ordinal), "oldest due first");
        Assert.Matches(@"^INV-2026-000001\s+2026-10-31\s+30\s+324\.75 USD$", lines[first]);
        Assert.Contains("Your statement: https://ar.example.com/v1/customers/01ABC/statement.html", lines);
    }

    [Fact]
    public void Amounts_keep_each_currencys_decimals_and_totals_stay_per_currency()
    {
        var (subject, _) = MailComposer.Dunning(new MailTemplate { Subject = "{total}" }, "K", "k",
            [new LetterInvoice("A", new DateOnly(2026, 11, 1), 5000m, "JPY"), new LetterInvoice("B", new DateOnly(2026, 11, 1), 1.5m, "BHD")],
            new DateOnly(2026, 11, 30), "http://x");
        Assert.Equal("1.500 BHD + 5000 JPY", subject);
    }
}

public sealed class StatementScheduleTests
{
    [Theory]
    [InlineData(0, 1, "2026-12-01", true)]
    [InlineData(0, 1, "2026-12-02", false)]
    [InlineData(15, 1, "2026-12-15", true)]
    [InlineData(15, 1, "2026-12-01", false)]
    [InlineData(31, 1, "2026-11-30", true)]
    [InlineData(30, 1, "2027-02-28", true)]
    [InlineData(0, 0, "2026-12-01", false)]
    public void A_statement_goes_out_on_the_customers_day_else_the_services(int customerDay, int defaultDay, string today, bool due)
    {
        Assert.Equal(due, StatementSchedule.IsDue(customerDay, defaultDay, DateOnly.Parse(today, System.Globalization.CultureInfo.InvariantCulture)));
    }
}
