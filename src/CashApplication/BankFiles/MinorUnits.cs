namespace ArPlatform.CashApplication.BankFiles;

/// <summary>Amounts that files carry in minor units ("12345" is 123.45 USD, 12345 JPY).</summary>
public static class MinorUnits
{
    public static decimal ToAmount(long minor, int decimals)
    {
        var divisor = 1m;
        for (var i = 0; i < decimals; i++) divisor *= 10m;
        return minor / divisor;
    }
}
