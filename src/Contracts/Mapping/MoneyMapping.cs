using ArPlatform.SharedKernel;

namespace ArPlatform.Contracts.Common.V1;

public static class MoneyMapping
{
    /// <summary>The wire form of an exact amount: currency code and a decimal string.</summary>
    public static Money ToProto(this SharedKernel.Money money) =>
        new() { Currency = money.Currency.Code, Amount = money.FormatAmount() };

    public static Money ToProto(decimal amount, string currency) =>
        new SharedKernel.Money(amount, Currency.Of(currency)).ToProto();

    /// <summary>
    /// The amount of a Money another service sent back (well formed there); an empty amount is
    /// zero. Requests from callers go through validation instead.
    /// </summary>
    public static decimal ToDecimal(this Money? money)
    {
        if (money is null || money.Amount.Length == 0) return 0m;
        return DecimalText.TryParse(money.Amount, out var amount)
            ? amount
            : throw new FormatException($"'{money.Amount}' is not a decimal amount.");
    }

    /// <summary>
    /// A unit price: at least the currency's minor units, and the finer decimals it really has
    /// ("100.00", "0.0125" in USD; "1500", "0.5" in JPY).
    /// </summary>
    public static Money ToProtoPrice(decimal unitPrice, string currency)
    {
        var minorUnits = Currency.Of(currency).MinorUnits;
        var format = (minorUnits == 0 ? "0" : "0." + new string('0', minorUnits)) + (minorUnits == 0 ? ".####" : "####");
        return new Money { Currency = currency, Amount = unitPrice.ToString(format, System.Globalization.CultureInfo.InvariantCulture) };
    }
}
