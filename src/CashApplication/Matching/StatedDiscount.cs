using System.Globalization;
using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// An early-payment discount the payer writes that they took, as a percentage ("abzgl. 2%
/// Skonto", "moins escompte 2 %", "meno sconto 2%", "min 2% betalingskorting", "less 2%
/// discount"): the percentage, when the text names a discount and one percentage of at most 10.
/// </summary>
public static partial class StatedDiscount
{
    public static decimal? Percent(string text)
    {
        if (text.Length == 0 || !DiscountWord().IsMatch(text)) return null;
        var percentages = Percentage().Matches(text)
            .Select(m => decimal.Parse(m.Groups["p"].Value.Replace(',', '.'), CultureInfo.InvariantCulture))
            .Where(p => p is > 0m and <= 10m).Distinct().ToList();
        return percentages.Count == 1 ? percentages[0] : null;
    }

    /// <summary>What is left to pay of an open amount less the percentage: rounded half up or half to even, as payers' systems do.</summary>
    public static IReadOnlySet<decimal> LeavesToPay(decimal open, decimal percent)
    {
        var exact = open * (1m - percent / 100m);
        return new HashSet<decimal> { Math.Round(exact, 2, MidpointRounding.AwayFromZero), Math.Round(exact, 2, MidpointRounding.ToEven) };
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    // Inside compounds too: "betalingskorting", "Skontoabzug".
    [GeneratedRegex(@"(skonto|escompte|sconto|korting|discount|descuento|rabatt|remise)", Options)]
    private static partial Regex DiscountWord();

    [GeneratedRegex(@"(?<![\d.,])(?<p>\d{1,2}(?:[.,]\d{1,2})?)\s?(%|pct\b|prozent\b|percent\b|pour ?cent\b)", Options)]
    private static partial Regex Percentage();
}
