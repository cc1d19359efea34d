using System.Globalization;
using System.Text;
using ArPlatform.SharedKernel;

namespace ArPlatform.Bench.Matching.BankFiles;

/// <summary>One BAI2 16 record: the type code (1xx–3xx credits, 4xx–6xx debits), its text on the 16 and each further line as an 88.</summary>
public sealed record Bai2Detail(string TypeCode, decimal Amount, string BankReference, string CustomerReference, IReadOnlyList<string> Text);

/// <summary>
/// Writes a BAI2 file of one account's day: 01/02/03 headers, the details with their 88 text
/// continuations, and 49/98/99 trailers whose control totals and record counts tie, as the
/// parser demands of a real file.
/// </summary>
public static class Bai2Writer
{
    public static string Write(string sender, string receiver, string account, string currency, DateOnly asOf, IEnumerable<Bai2Detail> details)
    {
        var minorUnits = Currency.Of(currency).MinorUnits;
        var body = new StringBuilder();
        long total = 0;
        var records = 2; // the 03 and the 49
        foreach (var detail in details)
        {
            var minor = (long)(detail.Amount * Pow10(minorUnits));
            total += minor;
            var first = detail.Text.Count > 0 ? detail.Text[0] : "";
            body.Append(CultureInfo.InvariantCulture, $"16,{detail.TypeCode},{minor},Z,{detail.BankReference},{detail.CustomerReference},{first}/\n");
            records++;
            foreach (var more in detail.Text.Skip(1))
            {
                body.Append(CultureInfo.InvariantCulture, $"88,{more}/\n");
                records++;
            }
        }
        var date = asOf.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var file = new StringBuilder();
        file.Append(CultureInfo.InvariantCulture, $"01,{sender},{receiver},{date},0630,1,80,,2/\n");
        file.Append(CultureInfo.InvariantCulture, $"02,{receiver},{sender},1,{date},2359,{currency},2/\n");
        file.Append(CultureInfo.InvariantCulture, $"03,{account},{currency}/\n");
        file.Append(body);
        file.Append(CultureInfo.InvariantCulture, $"49,{total},{records}/\n");
        file.Append(CultureInfo.InvariantCulture, $"98,{total},1,{records + 2}/\n");
        file.Append(CultureInfo.InvariantCulture, $"99,{total},1,{records + 4}/\n");
        return file.ToString();
    }

    private static decimal Pow10(int n) => n == 0 ? 1m : 10m * Pow10(n - 1);
}
