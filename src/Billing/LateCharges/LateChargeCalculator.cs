using ArPlatform.Billing.Customers;
using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.LateCharges;

/// <summary>An overdue invoice as the assessment sees it: what is open and not in dispute is charged.</summary>
public sealed record OverdueInvoice(string InvoiceId, string Number, DateOnly DueDate, decimal Open, decimal Disputed);

/// <summary>One charge, with the basis a customer would be shown.</summary>
public sealed record LateCharge(
    string InvoiceId, string InvoiceNumber, decimal Overdue, int Days, decimal Amount, string Basis, DateOnly ChargedThrough, bool FlatFee);

/// <summary>
/// Late-payment charges by contract terms. Interest: the overdue amount × annual rate × days / 365,
/// for the days since the due date (or since the last assessment) up to the as-of date, once the
/// grace period has passed. A flat fee: once per invoice, once the grace period has passed.
/// Disputed amounts are never charged; amounts round to the currency.
/// </summary>
public static class LateChargeCalculator
{
    public static LateCharge? Assess(LateChargeTerms terms, OverdueInvoice invoice, LateChargeMark? mark, DateOnly asOf, Currency currency)
    {
        var overdue = invoice.Open - Math.Min(invoice.Disputed, invoice.Open);
        if (overdue <= 0m || asOf.DayNumber - invoice.DueDate.DayNumber <= terms.GraceDays) return null;

        if (terms.FlatFee is { } fee && fee > 0m)
            return mark is { FlatFeeCharged: true } ? null
                : new LateCharge(invoice.InvoiceId, invoice.Number, overdue, 0, currency.Round(fee),
                    $"flat fee after {terms.GraceDays} days' grace", asOf, FlatFee: true);

        if (terms.AnnualRatePercent is not { } rate || rate <= 0m) return null;
        var from = mark is { } m && m.ChargedThrough > invoice.DueDate ? m.ChargedThrough : invoice.DueDate;
        var days = asOf.DayNumber - from.DayNumber;
        if (days <= 0) return null;
        var amount = currency.Round(overdue * rate / 100m * days / 365m);
        if (amount <= 0m) return null;
        return new LateCharge(invoice.InvoiceId, invoice.Number, overdue, days, amount,
            $"{rate:0.####} % p.a. on {overdue.ToString("F" + currency.MinorUnits, System.Globalization.CultureInfo.InvariantCulture)} {currency.Code} " +
            $"for {days} days ({from.AddDays(1):yyyy-MM-dd} to {asOf:yyyy-MM-dd})",
            asOf, FlatFee: false);
    }
}
