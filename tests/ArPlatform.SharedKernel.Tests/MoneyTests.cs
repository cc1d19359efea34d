using ArPlatform.SharedKernel;

namespace ArPlatform.SharedKernel.Tests;

public class MoneyTests
{
    [Theory]
    [InlineData("JPY", 0)]
    [InlineData("USD", 2)]
    [InlineData("EUR", 2)]
    [InlineData("BHD", 3)]
    [InlineData("KWD", 3)]
    public void Currencies_know_their_minor_units(string code, int minorUnits) =>
        Assert.Equal(minorUnits, Currency.Of(code).MinorUnits);

    [Theory]
    [InlineData("usd")]
    [InlineData("XXX")]
    [InlineData("")]
    [InlineData("US")]
    public void Unknown_or_lower_case_codes_are_not_currencies(string code) =>
        Assert.False(Currency.TryParse(code, out _));

    [Theory]
    [InlineData("USD", "2.345", "2.35")]
    [InlineData("USD", "-2.345", "-2.35")]
    [InlineData("USD", "2.344", "2.34")]
    [InlineData("JPY", "1099.5", "1100")]
    [InlineData("BHD", "1.23456", "1.235")]
    public void Rounding_is_to_minor_units_with_halves_away_from_zero(string code, string value, string expected) =>
        Assert.Equal(decimal.Parse(expected), Currency.Of(code).Round(decimal.Parse(value)));

    [Fact]
    public void Adding_different_currencies_is_refused()
    {
        var usd = new Money(1m, Currency.USD);
        var eur = new Money(1m, Currency.Of("EUR"));
        Assert.Throws<CurrencyMismatchException>(() => usd + eur);
        Assert.Throws<CurrencyMismatchException>(() => usd < eur);
    }

    [Fact]
    public void Sums_are_exact_where_binary_floating_point_is_not()
    {
        var tenCents = new Money(0.10m, Currency.USD);
        var total = Money.Sum(Enumerable.Repeat(tenCents, 3), Currency.USD);
        Assert.Equal(0.30m, total.Amount);
        Assert.NotEqual(0.3, 0.1 + 0.1 + 0.1);
    }

    [Theory]
    [InlineData("USD", "324.75", "324.75")]
    [InlineData("USD", "1000", "1000.00")]
    [InlineData("JPY", "1099", "1099")]
    [InlineData("BHD", "1.5", "1.500")]
    public void The_wire_form_has_exactly_the_currency_decimals(string code, string amount, string wire) =>
        Assert.Equal(wire, new Money(decimal.Parse(amount), Currency.Of(code)).FormatAmount());

    [Theory]
    [InlineData("1234.50", true)]
    [InlineData("-3", true)]
    [InlineData("0.0125", true)]
    [InlineData("1e3", false)]
    [InlineData("1,000.00", false)]
    [InlineData("12 ", false)]
    [InlineData("abc", false)]
    [InlineData("", false)]
    [InlineData("1000000000000000", false)]
    public void Decimal_text_accepts_plain_decimals_only(string text, bool valid) =>
        Assert.Equal(valid, DecimalText.TryParse(text, out _));

    [Theory]
    [InlineData("2026-11-30", true)]
    [InlineData("2026-02-29", false)]
    [InlineData("30/11/2026", false)]
    [InlineData("2026-1-5", false)]
    public void Business_dates_are_strict_iso_days(string text, bool valid) =>
        Assert.Equal(valid, BusinessDate.TryParse(text, out _));

    [Theory]
    [InlineData("3.0000", "3")]
    [InlineData("8.2500", "8.25")]
    [InlineData("0.0125", "0.0125")]
    public void Decimal_text_is_written_in_its_shortest_exact_form(string value, string text) =>
        Assert.Equal(text, DecimalText.Format(decimal.Parse(value, System.Globalization.CultureInfo.InvariantCulture)));
}
