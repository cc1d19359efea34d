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

    [Fact]
    public void Enum_prefixes_follow_the_style_guide()
    {
        var billing = Contracts.Billing.V1.BillingReflection.Descriptor;
        Assert.Equal("INVOICE_STATUS_", EnumQueryValues.Prefix(billing.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>("InvoiceStatus")));
        Assert.Equal("BALANCE_SOURCE_", EnumQueryValues.Prefix(billing.FindTypeByName<Google.Protobuf.Reflection.EnumDescriptor>("BalanceSource")));
    }
}
