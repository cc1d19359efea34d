using System.Globalization;
using System.Text;
using ArPlatform.CashApplication.BankFiles;
using ArPlatform.SharedKernel;

namespace ArPlatform.Bench.Matching.BankFiles;

/// <summary>One check from the lockbox: the scanned stub's invoice lines (none when the stub was blank).</summary>
public sealed record LockboxCheck(string CheckNumber, decimal Amount, string PayerName, string PayerAccount, IReadOnlyList<(string Invoice, decimal? Amount)> Lines);

/// <summary>Writes our CSV lockbox format: the header, then a row per invoice line, the check's own fields repeated on each.</summary>
public static class LockboxCsvWriter
{
    public static string Write(string lockbox, string currency, DateOnly deposited, IEnumerable<LockboxCheck> checks)
    {
        var minorUnits = Currency.Of(currency).MinorUnits;
        string A(decimal amount) => amount.ToString("F" + minorUnits, CultureInfo.InvariantCulture);
        var text = new StringBuilder(CsvLockboxParser.Header).Append('\n');
        var item = 0;
        foreach (var check in checks)
        {
            item++;
            var lines = check.Lines.Count > 0 ? check.Lines : [("", null)];
            foreach (var (invoice, amount) in lines)
                text.Append(CultureInfo.InvariantCulture,
                    $"{deposited:yyyy-MM-dd},{lockbox},{1 + item / 100},{item},{check.CheckNumber},{A(check.Amount)},{currency},{Quote(check.PayerName)},{check.PayerAccount},{Quote(invoice)},{(amount is { } a ? A(a) : "")}\n");
        }
        return text.ToString();
    }

    private static string Quote(string field) =>
        field.Contains(',') || field.Contains('"') ? $"\"{field.Replace("\"", "\"\"")}\"" : field;
}
