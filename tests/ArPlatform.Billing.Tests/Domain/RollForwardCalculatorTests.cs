using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Reports;

namespace ArPlatform.Billing.Tests.Domain;

public sealed class RollForwardCalculatorTests
{
    [Fact]
    public void Beginning_plus_billed_less_collected_credited_and_written_off_plus_adjustments_is_the_ending()
    {
        // Worked by hand: 1,000.00 brought forward; billed 500.00 less a 50.00 void = 450.00;
        // collected 600.00 less a 100.00 reversal = 500.00; credited 30.00; written off 20.00;
        // discounts −9.00 and tax withheld −11.00 = −20.00 adjustments.
        // Ending 1,000 + 450 − 500 − 30 − 20 − 20 = 880.00 = 1,000 + Σ movements (−120.00).
        var period = new KindTotal[]
        {
            new("USD", LedgerEntryKind.InvoiceIssued, 500m), new("USD", LedgerEntryKind.InvoiceVoided, -50m),
            new("USD", LedgerEntryKind.PaymentApplied, -600m), new("USD", LedgerEntryKind.PaymentReversed, 100m),
            new("USD", LedgerEntryKind.CreditMemo, -30m), new("USD", LedgerEntryKind.WriteOff, -20m),
            new("USD", LedgerEntryKind.DiscountTaken, -9m), new("USD", LedgerEntryKind.WithholdingTax, -11m),
            new("USD", LedgerEntryKind.CreditApplied, 25m), new("USD", LedgerEntryKind.CreditApplied, -25m),
        };

        var row = Assert.Single(RollForwardCalculator.Compute(new Dictionary<string, decimal> { ["USD"] = 1000m }, period));

        Assert.Equal((1000m, 450m, 500m, 30m, 20m, -20m, 880m),
            (row.Beginning, row.Billed, row.Collected, row.Credited, row.WrittenOff, row.Adjustments, row.Ending));
        Assert.Equal(1000m + period.Sum(p => p.Sum), row.Ending);
    }

    [Fact]
    public void Each_currency_rolls_forward_on_its_own_including_one_with_no_movement()
    {
        var rows = RollForwardCalculator.Compute(
            new Dictionary<string, decimal> { ["EUR"] = 10m, ["USD"] = 5m },
            [new KindTotal("JPY", LedgerEntryKind.InvoiceIssued, 1200m)]);

        Assert.Equal([("EUR", 10m), ("JPY", 1200m), ("USD", 5m)], rows.Select(r => (r.Currency, r.Ending)));
    }
}
