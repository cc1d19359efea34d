using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Matching;

namespace ArPlatform.CashApplication.Tests.Applications;

public sealed class SettlementPlannerTests
{
    private static readonly OutcomePolicy Policy = new() { WriteOffTolerance = 5.00m };

    private static MatchProposal Proposal(MatchOutcome outcome, params Allocation[] allocations) =>
        new("acme", allocations, outcome, 0m, 0.99m, ["test"],
            new MatchEvidence(ReferenceEvidence.Exact, PayerEvidence.Unknown, AmountEvidence.Exact, Unique: true, RoundSum: false, 0m, allocations.Length, 0.99m));

    private static PlannedLine Single(Allocation allocation, string text = "", params RemittanceNote[] remittance) =>
        SettlementPlanner.Plan(Proposal(MatchOutcome.Full, allocation), allocation.Amount, remittance, text, Policy).Lines.Single();

    [Fact]
    public void Cash_that_settles_the_invoice_leaves_nothing_to_treat()
    {
        var line = Single(new Allocation("i-1", "INV-2026-000123", 108.25m, 108.25m));

        Assert.Equal((0m, ShortfallTreatment.LeaveOpen), (line.Shortfall, line.Treatment));
    }

    [Theory]
    [InlineData(103.25, ShortfallTreatment.WriteOff)] // 5.00 short: at the tolerance
    [InlineData(103.24, ShortfallTreatment.Deduction)] // 5.01 short: above it
    public void A_shortfall_up_to_the_tolerance_is_written_off_and_above_it_is_a_deduction(decimal paid, ShortfallTreatment expected)
    {
        var line = Single(new Allocation("i-1", "INV-2026-000123", paid, 108.25m));

        Assert.Equal((108.25m - paid, expected), (line.Shortfall, line.Treatment));
    }

    [Fact]
    public void A_deduction_carries_the_reason_the_payer_gave_for_that_invoice_or_for_the_whole_payment()
    {
        var own = Single(new Allocation("i-1", "INV-2026-000123", 90m, 108.25m), "",
            new RemittanceNote("INV-000123", "01"), new RemittanceNote("", "CS"));
        var general = Single(new Allocation("i-1", "INV-2026-000123", 90m, 108.25m), "", new RemittanceNote("", "CS"));
        var none = Single(new Allocation("i-1", "INV-2026-000123", 90m, 108.25m));

        Assert.Equal(["01", "CS", SettlementPlanner.UnexplainedShortPay], new[] { own, general, none }.Select(l => l.DeductionReason));
    }

    [Theory]
    [InlineData("PAYMENT INV 2026-000123 LESS DAMAGED GOODS", "QUALITY_DAMAGE")]
    [InlineData("inv 123 short shipped 2 cases", "QUANTITY")]
    [InlineData("INV-000123 minus price difference per contract", "PRICING")]
    [InlineData("less freight charged in error", "CONTRACT_TERMS")]
    [InlineData("abzgl. Werbekostenzuschuss promo 11/26", "PROMOTION_TRADE")]
    [InlineData("Rechnung 123 Ware beschädigt", "QUALITY_DAMAGE")]
    [InlineData("goods never received", "NOT_RECEIVED")]
    [InlineData("INV 123 billed twice", "DUPLICATE_BILLING")]
    [InlineData("FAKTURA VAT NR 123", SettlementPlanner.UnexplainedShortPay)]
    public void A_reason_the_payer_wrote_in_words_names_the_deduction(string text, string reason)
    {
        var line = Single(new Allocation("i-1", "INV-2026-000123", 90m, 108.25m), text);

        Assert.Equal((ShortfallTreatment.Deduction, reason), (line.Treatment, line.DeductionReason));
    }

    [Fact]
    public void A_reason_code_on_the_remittance_wins_over_words_in_the_text()
    {
        var line = Single(new Allocation("i-1", "INV-2026-000123", 90m, 108.25m), "LESS DAMAGED GOODS", new RemittanceNote("INV-000123", "01"));

        Assert.Equal("01", line.DeductionReason);
    }

    [Theory]
    [InlineData("", "WHT")]
    [InlineData("10% withholding tax deducted", "")]
    [InlineData("TDS u/s 194J", "")]
    public void Tax_withheld_by_the_payer_is_withholding_tax_whatever_its_size(string text, string code)
    {
        var line = Single(new Allocation("i-1", "INV-2026-000123", 97.43m, 108.25m), text, new RemittanceNote("INV-000123", code));

        Assert.Equal((10.82m, ShortfallTreatment.WithholdingTax, ""), (line.Shortfall, line.Treatment, line.DeductionReason));
    }

    [Fact]
    public void A_word_inside_another_is_not_a_withholding_note()
    {
        var line = Single(new Allocation("i-1", "INV-2026-000123", 90m, 108.25m), "WHTSAPP order ref");

        Assert.Equal(ShortfallTreatment.Deduction, line.Treatment);
    }

    [Fact]
    public void An_early_payment_discount_taken_settles_the_invoice_as_a_discount()
    {
        var line = Single(new Allocation("i-1", "INV-2026-000123", 106.08m, 108.25m, Discount: 2.17m));

        Assert.Equal((2.17m, ShortfallTreatment.Discount), (line.Shortfall, line.Treatment));
    }

    [Fact]
    public void An_over_payment_keeps_what_the_invoices_do_not_take_on_account()
    {
        var plan = SettlementPlanner.Plan(Proposal(MatchOutcome.OverPay, new Allocation("i-1", "INV-2026-000123", 108.25m, 108.25m)),
            150.00m, [], "", Policy);

        Assert.Equal(41.75m, plan.OnAccount);
    }
}
