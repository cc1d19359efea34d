using System.Collections.Frozen;

namespace ArPlatform.SharedKernel;

/// <summary>An ISO 4217 currency and the number of decimals its amounts carry.</summary>
public sealed record Currency
{
    private Currency(string code, int minorUnits) => (Code, MinorUnits, AmountFormat) = (code, minorUnits, "F" + minorUnits);

    public string Code { get; }

    /// <summary>Decimals in an amount of this currency: JPY 0, USD 2, BHD 3.</summary>
    public int MinorUnits { get; }

    /// <summary>The numeric format that writes exactly <see cref="MinorUnits"/> decimals ("F2").</summary>
    public string AmountFormat { get; }

    // Active ISO 4217 codes. Most have two minor units; the exceptions are listed apart.
    private static readonly string[] TwoDecimal =
    [
        "AED", "AFN", "ALL", "AMD", "ANG", "AOA", "ARS", "AUD", "AWG", "AZN", "BAM", "BBD", "BDT", "BGN",
        "BMD", "BND", "BOB", "BRL", "BSD", "BTN", "BWP", "BYN", "BZD", "CAD", "CDF", "CHF", "CNY", "COP",
        "CRC", "CUP", "CZK", "DKK", "DOP", "DZD", "EGP", "ERN", "ETB", "EUR", "FJD", "FKP", "GBP", "GEL",
        "GHS", "GIP", "GMD", "GTQ", "GYD", "HKD", "HNL", "HTG", "HUF", "IDR", "ILS", "INR", "IRR", "JMD",
        "KES", "KGS", "KHR", "KPW", "KYD", "KZT", "LAK", "LBP", "LKR", "LRD", "LSL", "MAD", "MDL", "MGA",
        "MKD", "MMK", "MNT", "MOP", "MRU", "MUR", "MVR", "MWK", "MXN", "MYR", "MZN", "NAD", "NGN", "NIO",
        "NOK", "NPR", "NZD", "PAB", "PEN", "PGK", "PHP", "PKR", "PLN", "QAR", "RON", "RSD", "RUB", "SAR",
        "SBD", "SCR", "SDG", "SEK", "SGD", "SHP", "SLE", "SOS", "SRD", "SSP", "STN", "SVC", "SYP", "SZL",
        "THB", "TJS", "TMT", "TOP", "TRY", "TTD", "TWD", "TZS", "UAH", "USD", "UYU", "UZS", "VES", "WST",
        "XCD", "YER", "ZAR", "ZMW", "ZWG",
    ];

    private static readonly string[] ZeroDecimal =
        ["BIF", "CLP", "DJF", "GNF", "ISK", "JPY", "KMF", "KRW", "PYG", "RWF", "UGX", "VND", "VUV", "XAF", "XOF", "XPF"];

    private static readonly string[] ThreeDecimal = ["BHD", "IQD", "JOD", "KWD", "LYD", "OMR", "TND"];

    private static readonly FrozenDictionary<string, Currency> Known =
        TwoDecimal.Select(c => new Currency(c, 2))
            .Concat(ZeroDecimal.Select(c => new Currency(c, 0)))
            .Concat(ThreeDecimal.Select(c => new Currency(c, 3)))
            .ToFrozenDictionary(c => c.Code);

    public static Currency USD => Known["USD"];

    public static bool TryParse(string? code, out Currency currency)
    {
        if (code is not null && Known.TryGetValue(code, out var found))
        {
            currency = found;
            return true;
        }
        currency = null!;
        return false;
    }

    /// <summary>The currency for a code known to be valid (e.g. read back from storage).</summary>
    public static Currency Of(string code) =>
        TryParse(code, out var currency) ? currency : throw new ArgumentException($"Unknown currency '{code}'.", nameof(code));

    /// <summary>Commercial rounding to the currency's minor units, halves away from zero.</summary>
    public decimal Round(decimal value) => Math.Round(value, MinorUnits, MidpointRounding.AwayFromZero);

    public override string ToString() => Code;
}
