using ArPlatform.Collections.Agent;

namespace ArPlatform.Collections.Tests.Agent;

public sealed class EntityExtractorTests
{
    private static readonly DateOnly Received = new(2026, 11, 30);

    [Theory]
    [InlineData("Is INV-2026-000123 paid?", 2026, 123)]
    [InlineData("Is 2026-000123 paid?", 2026, 123)]
    [InlineData("Is #123 paid?", null, 123)]
    [InlineData("Is invoice 123 paid?", null, 123)]
    [InlineData("Could you resend invoice no. 123?", null, 123)]
    [InlineData("Bitte senden Sie die Rechnung Nr. 123 erneut.", null, 123)]
    [InlineData("Reenvíen la factura nº 123, por favor.", null, 123)]
    public void Invoice_numbers_are_read_in_the_forms_customers_write_them(string text, int? year, long serial)
    {
        var invoice = Assert.Single(EntityExtractor.Extract(text, Received).Invoices);
        Assert.Equal((year, serial), (invoice.Year, invoice.Serial));
        Assert.True(invoice.Matches("INV-2026-000123"));
    }

    [Fact]
    public void A_list_of_invoices_yields_each_and_a_short_form_matches_only_its_serial()
    {
        var invoices = EntityExtractor.Extract("We paid invoices 123, 124 and 130.", Received).Invoices;
        Assert.Equal([123L, 124L, 130L], invoices.Select(i => i.Serial));
        Assert.False(invoices[0].Matches("INV-2026-001123"));
        Assert.False(new InvoiceRef("INV-2025-000123", 2025, 123).Matches("INV-2026-000123"));
    }

    [Fact]
    public void Purchase_order_numbers_are_not_taken_for_invoices()
    {
        var e = EntityExtractor.Extract("The price does not match our PO-778 (PO number 4500012345).", Received);
        Assert.Empty(e.Invoices);
        Assert.Equal(["PO-778", "4500012345"], e.PoNumbers);
    }

    [Theory]
    [InlineData("We paid $1,234.50 today", "1234.50", "USD")]
    [InlineData("Wir haben 1.234,50 € überwiesen", "1234.50", "EUR")]
    [InlineData("transfer of EUR 980 sent", "980", "EUR")]
    [InlineData("payment of 324.75 USD", "324.75", "USD")]
    public void Amounts_are_read_with_either_decimal_mark_and_their_currency(string text, string amount, string currency)
    {
        var a = Assert.Single(EntityExtractor.Extract(text, Received).Amounts);
        Assert.Equal((decimal.Parse(amount, System.Globalization.CultureInfo.InvariantCulture), currency), (a.Amount, a.Currency));
    }

    [Theory]
    [InlineData("We will pay on the 15th", "2026-12-15")]
    [InlineData("We will pay next Friday", "2026-12-04")]
    [InlineData("We will pay on 15/12", "2026-12-15")]
    [InlineData("We will pay on 12/15", "2026-12-15")]
    [InlineData("We will pay on December 15", "2026-12-15")]
    [InlineData("We will pay on 15 December 2026", "2026-12-15")]
    [InlineData("Zahlung am 15. Dezember", "2026-12-15")]
    [InlineData("Pagaremos el 15 de diciembre", "2026-12-15")]
    [InlineData("Zahlung bis 20.12.2026", "2026-12-20")]
    [InlineData("Paid on 2026-11-27", "2026-11-27")]
    [InlineData("Pagaremos el próximo viernes", "2026-12-04")]
    [InlineData("We pay tomorrow", "2026-12-01")]
    [InlineData("We will pay on the 1st", "2026-12-01")]
    public void Dates_are_resolved_against_the_day_the_mail_arrived(string text, string date) =>
        Assert.Equal(DateOnly.Parse(date, System.Globalization.CultureInfo.InvariantCulture), Assert.Single(EntityExtractor.Extract(text, Received).Dates));

    [Fact]
    public void A_greeting_is_not_a_date() => Assert.Empty(EntityExtractor.Extract("Guten Morgen, anbei das Zahlungsavis.", Received).Dates);
}
