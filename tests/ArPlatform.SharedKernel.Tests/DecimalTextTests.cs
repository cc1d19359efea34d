using System.Globalization;
using ArPlatform.SharedKernel;

namespace ArPlatform.SharedKernel.Tests;

public class DecimalTextTests
{
    [Theory]
    [InlineData("324.7", 2, "324.70")]
    [InlineData("324.75", 2, "324.75")]
    [InlineData("324", 2, "324.00")]
    [InlineData("0.0", 2, "0.00")]
    [InlineData("-12.5", 2, "-12.50")]
    [InlineData("1500.0", 0, "1500")]
    [InlineData("1500", 0, "1500")]
    [InlineData("10.125", 3, "10.125")]
    [InlineData("324.7500", 2, "324.75")]
    public void A_stored_decimal_is_written_with_the_currencys_decimals_by_zeros_alone(string stored, int decimals, string expected)
    {
        Assert.Equal(expected, DecimalText.WithDecimals(stored, decimals));
    }

    [Theory]
    [InlineData("324.755", 2)]   // a decimal more than the currency has: rounding is the caller's
    [InlineData("1E-05", 2)]
    [InlineData("007", 2)]
    [InlineData("-0.0", 2)]
    [InlineData("12.", 2)]
    [InlineData("", 2)]
    [InlineData("-", 2)]
    [InlineData(".5", 2)]
    [InlineData("1,000.00", 2)]
    public void Anything_but_a_plain_decimal_that_zeros_can_align_is_left_to_parsing(string stored, int decimals)
    {
        Assert.Null(DecimalText.WithDecimals(stored, decimals));
    }

    [Fact]
    public void It_agrees_with_formatting_the_parsed_decimal_whenever_it_answers()
    {
        var random = new Random(20261124);
        for (var i = 0; i < 20_000; i++)
        {
            var value = new decimal(random.Next(), random.Next(0, 1000), 0, random.Next(2) == 0, (byte)random.Next(0, 6));
            var stored = value.ToString(random.Next(2) == 0 ? "0.0###########################" : "0.##########", CultureInfo.InvariantCulture);
            var decimals = new[] { 0, 2, 3 }[random.Next(3)];
            var text = DecimalText.WithDecimals(stored, decimals);
            if (text is null)
            {
                Assert.True(decimal.Round(value, decimals) != value || value == 0m && stored.StartsWith('-'), $"{stored} ({decimals}) was left to parsing");
                continue;
            }
            Assert.Equal(decimal.Parse(stored, CultureInfo.InvariantCulture).ToString("F" + decimals, CultureInfo.InvariantCulture), text);
        }
    }
}
