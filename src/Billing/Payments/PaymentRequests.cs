using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Payments;

public sealed record NewAllocation(string InvoiceId, Money Amount, decimal WriteOff, decimal WithholdingTax, decimal Discount);

public sealed record NewPaymentApplication(string PaymentReference, DateOnly AppliedOn, Currency Currency, IReadOnlyList<NewAllocation> Allocations);

/// <summary>Turns an ApplyPayment request into a valid application or every reason it is not.</summary>
public static class PaymentRequests
{
    public const int MaxAllocations = 1000;

    public static NewPaymentApplication Parse(ApplyPaymentRequest request)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        v.Require("payment_reference", request.PaymentReference).MaxLength("payment_reference", request.PaymentReference, 100);
        var appliedOn = v.Date("applied_on", request.AppliedOn, required: true);
        if (request.Allocations.Count == 0) v.Add("allocations", "at least one allocation is required");
        if (request.Allocations.Count > MaxAllocations) v.Add("allocations", $"at most {MaxAllocations} allocations");

        Currency? currency = null;
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var allocations = new List<NewAllocation>();
        for (var i = 0; i < request.Allocations.Count; i++)
        {
            var allocation = request.Allocations[i];
            var field = $"allocations[{i}]";
            v.Require(field + ".invoice_id", allocation.InvoiceId);
            if (allocation.InvoiceId.Length > 0 && !seen.Add(allocation.InvoiceId))
                v.Add(field + ".invoice_id", "appears twice: one allocation per invoice");
            var amount = v.Money(field + ".amount", allocation.Amount);
            var writeOff = v.Money(field + ".write_off_amount", allocation.WriteOffAmount, required: false);
            var withheld = v.Money(field + ".withholding_tax_amount", allocation.WithholdingTaxAmount, required: false);
            var discount = v.Money(field + ".discount_amount", allocation.DiscountAmount, required: false);
            if (amount is not { } money) continue;
            if (money.IsZero) v.Add(field + ".amount.amount", "must be greater than zero");
            currency ??= money.Currency;
            if (money.Currency != currency)
                v.Add(field + ".amount.currency", $"is {money.Currency.Code} but the payment is in {currency.Code}: one currency per payment");
            foreach (var (name, extra) in new[] { ("write_off_amount", writeOff), ("withholding_tax_amount", withheld), ("discount_amount", discount) })
                if (extra is { } e && e.Currency != money.Currency) v.Add($"{field}.{name}.currency", $"must be {money.Currency.Code}, as the cash");
            allocations.Add(new NewAllocation(allocation.InvoiceId, money, writeOff?.Amount ?? 0m, withheld?.Amount ?? 0m, discount?.Amount ?? 0m));
        }

        v.ThrowIfInvalid();
        return new NewPaymentApplication(CardNumbers.Mask(request.PaymentReference), appliedOn!.Value, currency!, allocations);
    }
}
