using System.Globalization;
using System.Text;

namespace ArPlatform.Bench.Matching.BankFiles;

/// <summary>One RMR line of an 820 and the ADX adjustment after it, if any (amount negative for a deduction, with the payer's reason code).</summary>
public sealed record RmrLine(string Qualifier, string Reference, decimal? Paid, decimal? Billed, decimal? AdjustmentAmount = null, string AdjustmentReason = "");

/// <summary>One X12 820 payment order: BPR amount and accounts, TRN trace, N1*PR payer, RMR lines.</summary>
public sealed record X12Payment(decimal Amount, DateOnly Date, string PayerName, string PayerAccount, string Trace, IReadOnlyList<RmrLine> Lines);

/// <summary>
/// Writes X12 820 interchanges (ISA…IEA, one ST…SE per payment) with the control numbers and
/// segment counts the parser checks. The terminator is chosen by the caller: "~\n" for a file,
/// "\\" inside NACHA CTX addenda.
/// </summary>
public static class X12Writer
{
    public static string Write(IReadOnlyList<X12Payment> payments, DateOnly date, string sender, string receiver, int control, string terminator)
    {
        var d8 = date.ToString("yyyyMMdd", CultureInfo.InvariantCulture);
        var d6 = date.ToString("yyMMdd", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        void Segment(string s) => text.Append(s).Append(terminator);
        Segment($"ISA*00*          *00*          *ZZ*{sender,-15}*ZZ*{receiver,-15}*{d6}*0700*U*00401*{control:D9}*0*P*>");
        Segment($"GS*RA*{sender}*{receiver}*{d8}*0700*{control}*X*004010");
        var set = 0;
        foreach (var payment in payments)
        {
            set++;
            var segments = new List<string>
            {
                $"ST*820*{set:D4}",
                $"BPR*C*{A(payment.Amount)}*C*ACH*CTX*01*011000015*DA*{payment.PayerAccount}*1{sender}**01*021000021*DA*4471002299*{payment.Date.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}",
                $"TRN*1*{payment.Trace}",
                $"N1*PR*{payment.PayerName}",
                "N1*PE*NORTHWIND SUPPLY CO",
            };
            foreach (var line in payment.Lines)
            {
                segments.Add($"RMR*{line.Qualifier}*{line.Reference}*PI*{(line.Paid is { } p ? A(p) : "")}*{(line.Billed is { } b ? A(b) : "")}".TrimEnd('*'));
                if (line.AdjustmentAmount is { } adjustment) segments.Add($"ADX*{A(adjustment)}*{line.AdjustmentReason}");
            }
            segments.Add($"SE*{segments.Count + 1}*{set:D4}");
            foreach (var segment in segments) Segment(segment);
        }
        Segment($"GE*{set}*{control}");
        Segment($"IEA*1*{control:D9}");
        return text.ToString();
    }

    private static string A(decimal amount) => amount.ToString("0.00", CultureInfo.InvariantCulture);
}
