using ArPlatform.CashApplication.Matching;

namespace ArPlatform.CashApplication.Applications;

/// <summary>What the payer said about one remittance line: the reference and the reason for any adjustment.</summary>
public sealed record RemittanceNote(string Reference, string AdjustmentReason);

public sealed record PlannedLine(
    string InvoiceId, string InvoiceNumber, decimal Amount, decimal Shortfall, ShortfallTreatment Treatment, string DeductionReason);

public sealed record SettlementPlan(IReadOnlyList<PlannedLine> Lines, decimal OnAccount);

/// <summary>
/// Turns a match into what is booked, pure: each invoice gets its cash; an early-payment
/// discount taken in time settles with it; a part the payer says is a part leaves the rest open;
/// any other shortfall is withholding tax when the
/// payer says so (an adjustment code or words in the remittance), written off when within
/// tolerance, and otherwise a deduction to be worked in Disputes under the payer's reason code.
/// An over-payment stays on account for the customer.
/// </summary>
public static class SettlementPlanner
{
    /// <summary>The reason a deduction carries when the payer gave none.</summary>
    public const string UnexplainedShortPay = "SHORT_PAY";

    public static SettlementPlan Plan(MatchProposal proposal, decimal paymentAmount, IReadOnlyList<RemittanceNote> remittance,
        string paymentText, OutcomePolicy policy)
    {
        var lines = proposal.Allocations.Select(a => Line(a, remittance, paymentText, policy)).ToList();
        var onAccount = proposal.Outcome == MatchOutcome.OverPay ? paymentAmount - proposal.Allocations.Sum(a => a.Amount) : 0m;
        return new SettlementPlan(lines, onAccount);
    }

    private static PlannedLine Line(Allocation allocation, IReadOnlyList<RemittanceNote> remittance, string text, OutcomePolicy policy)
    {
        if (allocation.Discount > 0m)
            return new PlannedLine(allocation.InvoiceId, allocation.InvoiceNumber, allocation.Amount, allocation.Discount, ShortfallTreatment.Discount, "");
        var shortfall = allocation.Shortfall;
        if (shortfall <= 0m)
            return new PlannedLine(allocation.InvoiceId, allocation.InvoiceNumber, allocation.Amount, 0m, ShortfallTreatment.LeaveOpen, "");
        // A part the payer says is a part: the rest is still owed, nothing to dispute or write off.
        if (PartPaymentText.Says(text))
            return new PlannedLine(allocation.InvoiceId, allocation.InvoiceNumber, allocation.Amount, 0m, ShortfallTreatment.LeaveOpen, "");
        var reason = ReasonFor(allocation.InvoiceNumber, remittance, text);
        var treatment = IsWithholdingTax(reason, text, remittance, policy) ? ShortfallTreatment.WithholdingTax
            : shortfall <= policy.WriteOffTolerance ? ShortfallTreatment.WriteOff
            : ShortfallTreatment.Deduction;
        return new PlannedLine(allocation.InvoiceId, allocation.InvoiceNumber, allocation.Amount, shortfall, treatment,
            treatment == ShortfallTreatment.Deduction ? (reason.Length > 0 ? reason : UnexplainedShortPay) : "");
    }

    /// <summary>
    /// The adjustment reason on the line naming the invoice, else on a line of the payment that
    /// names no invoice (a bare ADX), else the reason the payer wrote in words ("LESS DAMAGED GOODS").
    /// </summary>
    private static string ReasonFor(string invoiceNumber, IReadOnlyList<RemittanceNote> remittance, string text)
    {
        var keys = InvoiceNumbers.Keys(invoiceNumber);
        var own = remittance.FirstOrDefault(r => r.AdjustmentReason.Length > 0 && InvoiceNumbers.Keys(r.Reference).Intersect(keys).Any());
        var general = remittance.FirstOrDefault(r => r.AdjustmentReason.Length > 0 && InvoiceNumbers.Keys(r.Reference).Count == 0);
        return (own ?? general)?.AdjustmentReason.Trim() ?? ShortPayReasonText.Find(text);
    }

    private static bool IsWithholdingTax(string reason, string text, IReadOnlyList<RemittanceNote> remittance, OutcomePolicy policy) =>
        policy.WithholdingTaxCodes.Contains(reason, StringComparer.OrdinalIgnoreCase)
        || policy.WithholdingTaxWords.Any(word => ContainsWord(text, word) || remittance.Any(r => ContainsWord(r.Reference, word)));

    private static bool ContainsWord(string text, string word) =>
        System.Text.RegularExpressions.Regex.IsMatch(text, $@"(?<![\p{{L}}\d]){System.Text.RegularExpressions.Regex.Escape(word)}(?![\p{{L}}\d])",
            System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant);
}
