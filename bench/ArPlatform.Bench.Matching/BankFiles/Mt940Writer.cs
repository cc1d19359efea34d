using System.Globalization;
using System.Text;

namespace ArPlatform.Bench.Matching.BankFiles;

/// <summary>One :61: entry and its :86: details, already laid out as the bank lays them out (see the helpers).</summary>
public sealed record Mt940Entry(decimal Amount, bool Credit, string TypeCode, string CustomerReference, string BankReference, string Details);

/// <summary>
/// Writes one MT940 statement: :20:/:25:/:28C:, an opening balance, the entries, and a closing
/// balance that reconciles (the parser refuses one that does not). The :86: layouts banks use
/// are built by <see cref="GermanSubfields"/>, <see cref="DutchFields"/> and <see cref="FreeText"/>.
/// </summary>
public static class Mt940Writer
{
    private const int LineLength = 65;

    public static string Write(string account, string currency, DateOnly date, decimal opening, IEnumerable<Mt940Entry> entries)
    {
        var d6 = date.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        text.Append(CultureInfo.InvariantCulture, $":20:STMT{d6}\n:25:{account}\n:28C:{date.DayOfYear:D5}/1\n:60F:C{d6}{currency}{A(opening)}\n");
        var balance = opening;
        foreach (var e in entries)
        {
            balance += e.Credit ? e.Amount : -e.Amount;
            text.Append(CultureInfo.InvariantCulture,
                $":61:{d6}{date:MMdd}{(e.Credit ? "C" : "D")}{A(e.Amount)}{e.TypeCode}{(e.CustomerReference.Length > 0 ? e.CustomerReference : "NONREF")}//{e.BankReference}\n");
            text.Append(":86:").Append(e.Details).Append('\n');
        }
        text.Append(CultureInfo.InvariantCulture, $":62F:{(balance < 0 ? "D" : "C")}{d6}{currency}{A(Math.Abs(balance))}\n-\n");
        return text.ToString();
    }

    /// <summary>
    /// German :86: (DATEV/DFÜ style): the GVC, then ?00 booking text, ?20–?29 purpose in pieces of
    /// 27 characters cut mid-word, ?30 bank code, ?31 account, ?32/?33 payer name in two pieces
    /// of 27 — all broken into lines of 65, anywhere.
    /// </summary>
    public static string GermanSubfields(string gvc, string bookingText, string purpose, string bankCode, string account, string payer)
    {
        var fields = new StringBuilder(gvc).Append("?00").Append(bookingText);
        var pieces = Pieces(purpose, 27).Take(10).ToList();
        for (var i = 0; i < pieces.Count; i++) fields.Append(CultureInfo.InvariantCulture, $"?2{i}{pieces[i]}");
        fields.Append("?30").Append(bankCode).Append("?31").Append(account);
        var names = Pieces(payer, 27).Take(2).ToList();
        for (var i = 0; i < names.Count; i++) fields.Append(CultureInfo.InvariantCulture, $"?3{i + 2}{names[i]}");
        return string.Join("\n", Pieces(fields.ToString(), LineLength));
    }

    /// <summary>Dutch structured :86: (/TRTP/…/IBAN/…/NAME/…/REMI/…), broken into lines of 65 anywhere.</summary>
    public static string DutchFields(string iban, string name, string remittance, string endToEnd) =>
        string.Join("\n", Pieces($"/TRTP/SEPA OVERBOEKING/IBAN/{iban}/BIC/RABONL2U/NAME/{name}/REMI/USTD//{remittance}/EREF/{endToEnd}", LineLength));

    /// <summary>Unstructured :86: text, wrapped at spaces into lines of 65.</summary>
    public static string FreeText(string text)
    {
        var lines = new List<string>();
        var line = new StringBuilder();
        foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (line.Length > 0 && line.Length + 1 + word.Length > LineLength)
            {
                lines.Add(line.ToString());
                line.Clear();
            }
            if (line.Length > 0) line.Append(' ');
            line.Append(word.Length > LineLength ? word[..LineLength] : word);
        }
        if (line.Length > 0) lines.Add(line.ToString());
        return string.Join("\n", lines);
    }

    /// <summary>"1234,56" (and "1234," for a currency without decimals), as MT940 writes amounts.</summary>
    private static string A(decimal amount) =>
        amount == decimal.Truncate(amount) && amount.Scale == 0 ? amount.ToString("0", CultureInfo.InvariantCulture) + ","
            : amount.ToString("0.00", CultureInfo.InvariantCulture).Replace('.', ',');

    private static IEnumerable<string> Pieces(string text, int size)
    {
        for (var i = 0; i < text.Length; i += size) yield return text.Substring(i, Math.Min(size, text.Length - i));
    }
}
