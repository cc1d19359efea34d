using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Numbers standing alone in a payment's free text, as payers write an invoice number without
/// saying so ("GUTSCHRIFT 4307689", "MITTEILUNG: 4306-520", "OBI:=AB/26/02060"): at least five
/// digits, never part of an IBAN, a date, an amount or a longer word.
/// Only a number that is exactly an open invoice's counts (<see cref="MatchingEngine"/>): too
/// many numbers stand in bank texts for anything less.
/// </summary>
public static partial class TextNumbers
{
    public const int FewestDigits = 5;

    /// <summary>More digits than this is an account (an IBAN's 16 to 30), not a document number.</summary>
    public const int MostDigits = 12;

    public static IReadOnlyList<string> Find(string text) => Numbers(text, n => n.Count(char.IsAsciiDigit) is >= FewestDigits and <= MostDigits);

    /// <summary>
    /// Shorter numbers — three or four digits in one group, perhaps after a series ("6282", "SI5928") —
    /// which name an invoice only among the identified payer's own: short numbers stand for anything
    /// in a text (a date, a branch, a quantity), so they are never looked up among all customers'.
    /// Years are not among them.
    /// </summary>
    public static IReadOnlyList<string> FindShort(string text) =>
        Numbers(text, n => ShortNumber().Match(n) is { Success: true } m && !(m.Groups["digits"].Value is ['1', '9', _, _] or ['2', '0', _, _]));

    private static List<string> Numbers(string text, Func<string, bool> keep) =>
        text.Length == 0
            ? []
            : Standalone().Matches(text).Select(m => m.Value)
                .Where(n => !IsCreditNote(n) && keep(n)).Distinct(StringComparer.Ordinal).Take(MaxNumbers).ToList();

    /// <summary>"CN-001234", "CR 4411", "CM00871": a credit note or memo the payer deducted, never an invoice paid.</summary>
    private static bool IsCreditNote(string number) => CreditNote().IsMatch(number);

    /// <summary>A long text of numbers (a statement's worth) is not one payer naming an invoice.</summary>
    private const int MaxNumbers = 12;

    // Digits, perhaps after a series in capitals and in groups ("AB/26/02060", "EF2601358", "GH 26 279", "4306-520").
    // A comma or full stop between numbers makes an amount or a date; before or after a space or a letter, a list.
    [GeneratedRegex(@"(?:(?<![\p{L}\d/*\-])[A-Z]{1,4}[/\- ]?|(?<![\p{L}\d/*\-])(?<!\d[.,]))\d+(?:[/\- ]\d+){0,2}(?![\p{L}\d/*\-])(?![.,]\d)")]
    private static partial Regex Standalone();

    [GeneratedRegex(@"^[A-Z]{0,4}[- ]?(?<digits>\d{3,4})$")]
    private static partial Regex ShortNumber();

    [GeneratedRegex(@"^(?:CN|CR|CRN|CM|CRM)[/\- ]?\d")]
    private static partial Regex CreditNote();
}
