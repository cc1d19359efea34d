using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Cases;

public sealed record RequestedItem(string InvoiceId, int LineNumber, Money Amount);

public sealed record OpenDisputeInput(
    IReadOnlyList<RequestedItem> Items, DisputeReason Reason, DisputeSource Source, string Description,
    string Owner, string PaymentReference, string RemittanceReference)
{
    public Currency Currency => Items[0].Amount.Currency;
}

/// <summary>Wire requests to validated input: every violation at once; free text masked of card numbers.</summary>
public static class DisputeRequests
{
    public const int MaxItems = 100;

    public static OpenDisputeInput ParseOpen(Proto.OpenDisputeRequest request)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        var d = v.Resource("dispute", request.Dispute);
        var items = ParseItems(v, d);
        if (d.ReasonCode == Proto.DisputeReasonCode.Unspecified || !Enum.IsDefined(d.ReasonCode))
            v.Add("dispute.reason_code", "is required: PRICING, QUANTITY, QUALITY_DAMAGE, TAX, DUPLICATE_BILLING, NOT_RECEIVED, CONTRACT_TERMS, PROMOTION_TRADE or OTHER");
        if (!Enum.IsDefined(d.Source)) v.Add("dispute.source", "is not a dispute source");
        var source = d.Source == Proto.DisputeSource.Unspecified ? DisputeSource.Customer : (DisputeSource)(int)d.Source;
        if (source == DisputeSource.ShortPay && d.PaymentReference.Length == 0)
            v.Add("dispute.payment_reference", "is required for a short-pay deduction");
        v.Require("dispute.description", d.Description).MaxLength("dispute.description", d.Description, 2000)
            .MaxLength("dispute.owner", d.Owner, 100)
            .MaxLength("dispute.payment_reference", d.PaymentReference, 100)
            .MaxLength("dispute.remittance_reference", d.RemittanceReference, 100);
        v.ThrowIfInvalid();
        return new OpenDisputeInput(items, (DisputeReason)(int)d.ReasonCode, source, CardNumbers.Mask(d.Description),
            d.Owner.Trim(), CardNumbers.Mask(d.PaymentReference), CardNumbers.Mask(d.RemittanceReference));
    }

    private static List<RequestedItem> ParseItems(Validator v, Proto.Dispute d)
    {
        var requested = d.InvoiceId.Length > 0
            ? [("dispute", new Proto.DisputeItem { InvoiceId = d.InvoiceId, Amount = d.Amount })]
            : d.Items.Select((item, i) => ($"dispute.items[{i}]", item)).ToList();
        if (d.InvoiceId.Length > 0 && d.Items.Count > 0)
            v.Add("dispute.items", "give either invoice_id with amount, or items, not both");
        if (requested.Count == 0) v.Add("dispute.invoice_id", "an invoice (invoice_id with amount) or items are required");
        if (requested.Count > MaxItems) v.Add("dispute.items", $"at most {MaxItems} items per case");

        var items = new List<RequestedItem>();
        foreach (var (field, item) in requested)
        {
            var idField = field == "dispute" ? "dispute.invoice_id" : $"{field}.invoice_id";
            v.Require(idField, item.InvoiceId).MaxLength(idField, item.InvoiceId, 26);
            if (item.LineNumber < 0) v.Add($"{field}.line_number", "is 0 (the whole invoice) or a line number");
            var amount = v.Money($"{field}.amount", item.Amount, required: true);
            if (amount is { IsZero: true }) v.Add($"{field}.amount.amount", "must be greater than zero");
            if (amount is { } money) items.Add(new RequestedItem(item.InvoiceId, item.LineNumber, money));
        }
        if (items.Select(i => i.Amount.Currency.Code).Distinct().Count() > 1)
            v.Add("dispute.items", "all items are in one currency");
        if (items.GroupBy(i => (i.InvoiceId, i.LineNumber)).Any(g => g.Count() > 1))
            v.Add("dispute.items", "each invoice or invoice line appears once");
        return items;
    }
}
