using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Grpc;

namespace ArPlatform.ServiceDefaults.Tests;

public class WireParsingTests
{
    [Theory]
    [InlineData("USD", "10.00", true)]
    [InlineData("USD", "10.001", false)]
    [InlineData("JPY", "10", true)]
    [InlineData("JPY", "10.5", false)]
    [InlineData("BHD", "1.125", true)]
    [InlineData("usd", "1", false)]
    [InlineData("USD", "-1", false)]
    [InlineData("USD", "", false)]
    public void Money_must_fit_its_currency(string currency, string amount, bool valid)
    {
        var v = new Validator();
        var money = v.Money("amount", new Money { Currency = currency, Amount = amount });
        Assert.Equal(valid, v.IsValid);
        Assert.Equal(valid, money is not null);
    }

    [Fact]
    public void Negative_money_is_refused_unless_allowed()
    {
        var v = new Validator();
        Assert.Equal(-5m, v.Money("adjustment", new Money { Currency = "USD", Amount = "-5.00" }, allowNegative: true)!.Value.Amount);
        Assert.True(v.IsValid);
    }

    [Theory]
    [InlineData("8.25", true)]
    [InlineData("", true)]
    [InlineData("100", true)]
    [InlineData("100.01", false)]
    [InlineData("-1", false)]
    [InlineData("1.23456", false)]
    public void Percentages_are_zero_to_a_hundred_with_four_decimals(string text, bool valid)
    {
        var v = new Validator();
        v.Percent("rate", text);
        Assert.Equal(valid, v.IsValid);
    }

    [Theory]
    [InlineData("2026-11-30", true)]
    [InlineData("1900-01-01", true)]
    [InlineData("2199-12-31", true)]
    [InlineData("1899-12-31", false)]
    [InlineData("2200-01-01", false)]
    [InlineData("0001-01-01", false)]
    [InlineData("9999-12-31", false)]
    [InlineData("2026-02-30", false)]
    [InlineData("30.11.2026", false)]
    public void Dates_are_well_formed_and_within_the_business_range(string text, bool valid)
    {
        var v = new Validator();
        var date = v.Date("as_of", text);
        Assert.Equal(valid, v.IsValid);
        Assert.Equal(valid, date is not null);
        if (!valid) Assert.Equal("as_of", Assert.Throws<RequestValidationException>(v.ThrowIfInvalid).Violations.Single().Field);
    }

    [Theory]
    [InlineData("2026-11", true)]
    [InlineData("2199-12", true)]
    [InlineData("9999-12", false)]
    [InlineData("0001-01", false)]
    [InlineData("2026-13", false)]
    [InlineData("2026-11-01", false)]
    public void Months_are_well_formed_and_within_the_business_range(string text, bool valid)
    {
        var v = new Validator();
        var first = v.Month("period", text);
        Assert.Equal(valid, v.IsValid);
        Assert.Equal(valid ? DateOnly.ParseExact(text + "-01", "yyyy-MM-dd") : null, first);
    }

    [Fact]
    public void A_range_ending_past_the_business_range_names_that_end()
    {
        var v = new Validator();
        v.DateRange("period_start", "0001-01-01", "period_end", "9999-12-31");
        Assert.Equal(["period_start", "period_end"], Assert.Throws<RequestValidationException>(v.ThrowIfInvalid).Violations.Select(f => f.Field));
    }

    [Fact]
    public void Enum_prefixes_follow_the_style_guide()
    {
        var billing = Contracts.Billing.V1.BillingReflection.Descriptor;
        Assert.Equal("INVOICE_STATUS_", EnumQueryValues.Prefix(billing.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>("InvoiceStatus")));
        Assert.Equal("BALANCE_SOURCE_", EnumQueryValues.Prefix(billing.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>("BalanceSource")));
    }
}
