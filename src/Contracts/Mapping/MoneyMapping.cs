using ArPlatform.SharedKernel;

namespace ArPlatform.Contracts.Common.V1;

public static class MoneyMapping
{
    /// <summary>The wire form of an exact amount: currency code and a decimal string.</summary>
    public static Money ToProto(this SharedKernel.Money money) =>
        new() { Currency = money.Currency.Code, Amount = money.FormatAmount() };

    public static Money ToProto(decimal amount, string currency) =>
        new SharedKernel.Money(amount, Currency.Of(currency)).ToProto();
}
