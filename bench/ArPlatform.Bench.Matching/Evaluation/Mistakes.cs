using System.Text;
using ArPlatform.Bench.Matching.Labelling;

namespace ArPlatform.Bench.Matching.Evaluation;

/// <summary>The wrong automatic applications, each beside its truth: what to look at first when precision drops.</summary>
public static class Mistakes
{
    public static string Write(IEnumerable<Evaluated> payments, int count)
    {
        var text = new StringBuilder();
        foreach (var p in payments.Where(p => p.Applied && !p.AppliedCorrectly).Take(count))
        {
            var applied = p.Decision.AutoApply!;
            text.AppendLine($"- {p.Scenario.Generator}/{p.Scenario.Split.Label()} {p.File} #{p.Ordinal} [{p.Truth.Category.Label()}, {p.Truth.Habit}] " +
                            $"{p.Payment.Amount} {p.Payment.Currency} from '{p.Payment.PayerName}' ({p.Payment.PayerAccount}), " +
                            $"remittance [{string.Join("; ", p.Payment.Remittance.Select(r => $"{r.Reference} {r.PaidAmount} {r.AdjustmentReason}".Trim()))}], text '{p.Payment.Text}'");
            text.AppendLine($"  applied {applied.CustomerId}: {string.Join(", ", applied.Allocations.Select(a => $"{a.InvoiceId} {a.Amount}"))} " +
                            $"({applied.Confidence}: {string.Join("; ", applied.Reasons)})");
            text.AppendLine($"  truth   {p.Truth.CustomerId ?? "not identifiable"}: {string.Join(", ", p.Truth.Lines.Select(l => $"{l.InvoiceId} {l.Cash}"))}");
        }
        return text.ToString();
    }

    /// <summary>Identifiable payments left to a person, with what the engine saw and its best proposal: what to look at when auto-match lags.</summary>
    public static string Missed(IEnumerable<Evaluated> payments, int count)
    {
        var text = new StringBuilder();
        foreach (var p in payments.Where(p => p.Truth.CustomerId is not null && !p.Applied).Take(count))
        {
            text.AppendLine($"- {p.Scenario.Generator}/{p.Scenario.Split.Label()} {p.File} #{p.Ordinal} [{p.Truth.Category.Label()}, {p.Truth.Habit}] " +
                            $"{p.Payment.Amount} {p.Payment.Currency} from '{p.Payment.PayerName}' ({p.Payment.PayerAccount}), " +
                            $"remittance [{string.Join("; ", p.Payment.Remittance.Select(r => $"{r.Reference} {r.PaidAmount} {r.AdjustmentReason}".Trim()))}], text '{p.Payment.Text}'");
            text.AppendLine(p.Top is { } top
                ? $"  best    {top.CustomerId}: {string.Join(", ", top.Allocations.Select(a => $"{a.InvoiceId} {a.Amount}"))} ({top.Confidence}, {top.Evidence.Payer}/{top.Evidence.Reference}/{top.Evidence.Amount}: {string.Join("; ", top.Reasons)})"
                : "  best    no proposal");
            text.AppendLine($"  truth   {p.Truth.CustomerId}: {string.Join(", ", p.Truth.Lines.Select(l => $"{l.InvoiceId} {l.Cash}"))}");
        }
        return text.ToString();
    }
}
