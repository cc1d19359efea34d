using ArPlatform.CashApplication.Matching;

namespace ArPlatform.CashApplication.Tests.Matching;

public sealed class InvoiceNumbersTests
{
    [Theory]
    [InlineData("INV-2026-000123", new[] { "2026000123", "123" })]
    [InlineData("INV-000123", new[] { "000123", "123" })]
    [InlineData("2026000123", new[] { "2026000123" })]
    [InlineData("123", new[] { "123" })]
    [InlineData("inv 12 / 0045", new[] { "120045", "45" })]
    [InlineData("PO-0000", new[] { "0000" })]
    [InlineData("7-", new[] { "7" })]
    [InlineData("INVOICE", new string[0])]
    [InlineData("", new string[0])]
    public void A_written_number_is_found_under_all_its_digits_and_its_last_group_without_leading_zeros(string written, string[] keys) =>
        Assert.Equal(keys, InvoiceNumbers.Keys(written));

    [Theory]
    [InlineData("SI-004512/2026", new[] { "0045122026", "4512" })]
    [InlineData("4512/26", new[] { "451226", "4512" })]
    [InlineData("FV 123/2026", new[] { "1232026", "123" })]
    [InlineData("EF 26 2056", new[] { "262056", "2056" })]
    [InlineData("INV-12345-01", new[] { "1234501", "12345" })]
    public void A_number_ending_in_its_year_is_found_under_the_sequence_before_it(string written, string[] keys) =>
        Assert.Equal(keys, InvoiceNumbers.Keys(written));

    [Theory]
    [InlineData("SI-4512/2025", "SI-004512/2026", true)]
    [InlineData("4512/25", "SI-004512/2026", true)]
    [InlineData("4512/26", "SI-004512/2026", false)]
    [InlineData("SI-004512", "SI-004512/2026", false)]
    [InlineData("GH/25/01579", "EF/26/01579", true)]
    [InlineData("26/01579", "EF/26/01579", false)]
    public void A_year_written_after_the_sequence_must_be_the_invoices(string written, string number, bool contradicts) =>
        Assert.Equal(contradicts, InvoiceNumbers.Contradicts(written, number));

    [Theory]
    [InlineData("AB/26/01985", "AB")]
    [InlineData("si-004512/2026", "SI")]
    [InlineData("2026000123", "")]
    public void A_numbers_series_is_the_letters_it_starts_with(string number, string series) =>
        Assert.Equal(series, InvoiceNumbers.Series(number));

    [Fact]
    public void A_long_reference_is_keyed_like_a_short_one()
    {
        var written = new string('x', 300) + "INV-000987";
        Assert.Equal(["000987", "987"], InvoiceNumbers.Keys(written));
    }
}
