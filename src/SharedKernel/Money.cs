using System.Globalization;

namespace ArPlatform.SharedKernel;

/// <summary>
/// An exact amount in one currency. Arithmetic across currencies throws: a sum of USD and EUR
/// has no meaning without an FX rate, and silently adding them is how ledgers go wrong.
/// </summary>
public readonly record struct Money
{
    public Money(decimal amount, Currency currency)
    {
        ArgumentNullException.ThrowIfNull(currency);
        Amount = amount;
        Currency = currency;
    }

    public decimal Amount { get; }
    public Currency Currency { get; }

    public static Money Zero(Currency currency) => new(0m, currency);

    /// <summary>Rounds <paramref name="amount"/> to the currency's minor units.</summary>
    public static Money Rounded(decimal amount, Currency currency) => new(currency.Round(amount), currency);

    public bool IsZero => Amount == 0m;

    public static Money operator +(Money a, Money b) => new(a.Amount + SameCurrency(a, b).Amount, a.Currency);
    public static Money operator -(Money a, Money b) => new(a.Amount - SameCurrency(a, b).Amount, a.Currency);
    public static Money operator -(Money a) => new(-a.Amount, a.Currency);
    public static bool operator <(Money a, Money b) => a.Amount < SameCurrency(a, b).Amount;
    public static bool operator >(Money a, Money b) => a.Amount > SameCurrency(a, b).Amount;
    public static bool operator <=(Money a, Money b) => a.Amount <= SameCurrency(a, b).Amount;
    public static bool operator >=(Money a, Money b) => a.Amount >= SameCurrency(a, b).Amount;

    public static Money Sum(IEnumerable<Money> amounts, Currency currency) =>
        amounts.Aggregate(Zero(currency), (total, next) => total + next);

    private static Money SameCurrency(Money a, Money b) => a.Currency == b.Currency
        ? b
        : throw new CurrencyMismatchException(a.Currency, b.Currency);

    /// <summary>The wire form: invariant culture, exactly the currency's minor units ("324.75", "1000", "1.500").</summary>
    public string FormatAmount() => Amount.ToString(Currency.AmountFormat, CultureInfo.InvariantCulture);

    public override string ToString() => $"{FormatAmount()} {Currency.Code}";
}

public sealed class CurrencyMismatchException(Currency left, Currency right)
    : InvalidOperationException($"Cannot combine {left.Code} with {right.Code}.");
