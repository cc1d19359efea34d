using ArPlatform.Billing.Customers;
using ArPlatform.Billing.LateCharges;
using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Tests.Domain;

public sealed class LateChargeCalculatorTests
{
    private static readonly DateOnly Due = new(2026, 10, 31);
    private static readonly LateChargeTerms Interest18 = new() { AnnualRatePercent = 18m, GraceDays = 10 };

    private static OverdueInvoice Overdue(decimal open, decimal disputed = 0m) => new("inv-1", "INV-2026-000001", Due, open, disputed);

    [Fact]
    public void Interest_runs_from_the_due_date_once_the_grace_period_has_passed()
    {
        // 1,000.00 × 18 % × 30 / 365 = 14.7945… → 14.79.
        var charge = LateChargeCalculator.Assess(Interest18, Overdue(1000m), null, new DateOnly(2026, 11, 30), Currency.USD);

        Assert.NotNull(charge);
        Assert.Equal((30, 14.79m, new DateOnly(2026, 11, 30)), (charge.Days, charge.Amount, charge.ChargedThrough));
        Assert.Contains("18 % p.a. on 1000.00 USD for 30 days", charge.Basis);
    }

    [Fact]
    public void Nothing_is_charged_within_the_grace_period()
    {
        Assert.Null(LateChargeCalculator.Assess(Interest18, Overdue(1000m), null, Due.AddDays(10), Currency.USD));
        Assert.NotNull(LateChargeCalculator.Assess(Interest18, Overdue(1000m), null, Due.AddDays(11), Currency.USD));
    }

    [Fact]
    public void A_later_assessment_charges_only_the_days_since_the_last_one()
    {
        var mark = new LateChargeMark { InvoiceId = "inv-1", ChargedThrough = new DateOnly(2026, 11, 30) };

        var again = LateChargeCalculator.Assess(Interest18, Overdue(1000m), mark, new DateOnly(2026, 11, 30), Currency.USD);
        var nextMonth = LateChargeCalculator.Assess(Interest18, Overdue(1000m), mark, new DateOnly(2026, 12, 31), Currency.USD);

        Assert.Null(again);
        // 31 days: 1,000.00 × 18 % × 31 / 365 = 15.2876… → 15.29.
        Assert.Equal((31, 15.29m), (nextMonth!.Days, nextMonth.Amount));
    }

    [Fact]
    public void The_disputed_part_is_never_charged()
    {
        var charge = LateChargeCalculator.Assess(Interest18, Overdue(1000m, disputed: 600m), null, new DateOnly(2026, 11, 30), Currency.USD);
        var allDisputed = LateChargeCalculator.Assess(Interest18, Overdue(1000m, disputed: 1000m), null, new DateOnly(2026, 11, 30), Currency.USD);

        // 400.00 × 18 % × 30 / 365 = 5.9178… → 5.92.
        Assert.Equal((400m, 5.92m), (charge!.Overdue, charge.Amount));
        Assert.Null(allDisputed);
    }

    [Fact]
    public void A_flat_fee_is_charged_once_per_invoice()
    {
        var terms = new LateChargeTerms { FlatFee = 40m, GraceDays = 0 };

        var first = LateChargeCalculator.Assess(terms, Overdue(10m), null, Due.AddDays(1), Currency.USD);
        var second = LateChargeCalculator.Assess(terms, Overdue(10m), new LateChargeMark { InvoiceId = "inv-1", FlatFeeCharged = true },
            Due.AddDays(40), Currency.USD);

        Assert.Equal((40m, true), (first!.Amount, first.FlatFee));
        Assert.Null(second);
    }

    [Fact]
    public void Interest_rounds_to_the_currency()
    {
        // ¥123,457 × 18 % × 30 / 365 = 1,826.48… → ¥1,826.
        var charge = LateChargeCalculator.Assess(Interest18, Overdue(123_457m), null, new DateOnly(2026, 11, 30), Currency.Of("JPY"));

        Assert.Equal(1826m, charge!.Amount);
    }
}
