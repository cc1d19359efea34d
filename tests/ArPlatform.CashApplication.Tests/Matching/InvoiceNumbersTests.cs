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

    [Fact]
    public void A_long_reference_is_keyed_like_a_short_one()
    {
        var written = new string('x', 300) + "INV-000987";
        Assert.Equal(["000987", "987"], InvoiceNumbers.Keys(written));
    }
}
