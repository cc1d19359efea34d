using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Invoices;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.SharedKernel;
using Google.Protobuf.WellKnownTypes;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Grpc;

/// <summary>Domain → wire. Every amount goes out as an exact decimal string in its currency.</summary>
public static class BillingMapping
{
    public static Proto.Customer ToProto(this Customer c) => new()
    {
        Id = c.Id,
        CustomerNumber = c.CustomerNumber,
        Name = c.Name,
        Currency = c.Currency,
        Region = c.Region,
        PaymentTerms = new Proto.PaymentTerms
        {
            NetDays = c.NetDays,
            DiscountPercent = c.DiscountPercent == 0m ? "" : DecimalText.Format(c.DiscountPercent),
            DiscountDays = c.DiscountDays,
        },
        CreditLimit = c.CreditLimit is { } limit ? MoneyMapping.ToProto(limit, c.Currency) : null,
        Contacts = { c.Contacts.Select(x => new Proto.Contact { Name = x.Name, Email = x.Email, Phone = x.Phone, Role = x.Role }) },
        CreateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(c.CreatedAt, DateTimeKind.Utc)),
        Etag = c.MasterVersion.ToString(System.Globalization.CultureInfo.InvariantCulture),
        LegalName = c.LegalName,
        TaxId = c.TaxId,
        Segment = c.Segment,
        Collector = c.Collector,
        ParentCustomerId = c.ParentCustomerId ?? "",
        BillingAddress = c.BillingAddress?.ToProto(),
        ShippingAddress = c.ShippingAddress?.ToProto(),
        LateChargeTerms = c.LateCharges is { } late
            ? new Proto.LateChargeTerms
            {
                AnnualRatePercent = late.AnnualRatePercent is { } rate ? DecimalText.Format(rate) : "",
                FlatFee = late.FlatFee is { } fee ? MoneyMapping.ToProto(fee, c.Currency) : null,
                GraceDays = late.GraceDays,
            }
            : null,
    };

    private static Proto.Address ToProto(this CustomerAddress a) => new()
    {
        Line1 = a.Line1, Line2 = a.Line2, City = a.City, Region = a.Region, PostalCode = a.PostalCode, Country = a.Country,
    };

    public static Proto.Invoice ToProto(this Invoice i) => new()
    {
        Id = i.Id,
        Number = i.Number ?? "",
        CustomerId = i.CustomerId,
        // Domain and wire statuses share their numbers (Draft = 1 … Void = 5).
        Status = (Proto.InvoiceStatus)(int)i.Status,
        InvoiceDate = i.InvoiceDate.ToText(),
        DueDate = i.DueDate.ToText(),
        PoNumber = i.PoNumber,
        Currency = i.Currency,
        Lines = { i.Lines.OrderBy(l => l.LineNumber).Select(l => l.ToProto(i.Currency)) },
        Subtotal = MoneyMapping.ToProto(i.Subtotal, i.Currency),
        TaxTotal = MoneyMapping.ToProto(i.TaxTotal, i.Currency),
        Total = MoneyMapping.ToProto(i.Total, i.Currency),
        OpenAmount = MoneyMapping.ToProto(i.OpenAmount, i.Currency),
        DiscountDate = i.DiscountDate.ToText(),
        DiscountAmount = i.DiscountAmount is { } d ? MoneyMapping.ToProto(d, i.Currency) : null,
        CreateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(i.CreatedAt, DateTimeKind.Utc)),
        IssueTime = i.IssuedAt is { } at ? Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
        DisputedAmount = MoneyMapping.ToProto(i.DisputedAmount, i.Currency),
        SalesRep = i.SalesRep,
        // Domain and wire kinds share their numbers (Standard = 1, LateCharge = 2).
        Kind = (Proto.InvoiceKind)(int)i.Kind,
        DisputeFlags =
        {
            i.DisputeFlags.Where(f => f.Amount != 0m).OrderBy(f => f.DisputeId, StringComparer.Ordinal)
                .Select(f => new Proto.InvoiceDisputeFlag { DisputeId = f.DisputeId, Amount = MoneyMapping.ToProto(f.Amount, i.Currency) }),
        },
    };

    public static Proto.PaymentApplication ToProto(this Payments.PaymentApplication p) => new()
    {
        Id = p.Id,
        PaymentReference = p.PaymentReference,
        AppliedOn = p.AppliedOn.ToText(),
        Allocations =
        {
            p.Allocations.OrderBy(a => a.LineNumber).Select(a => new Proto.PaymentAllocation
            {
                InvoiceId = a.InvoiceId, Amount = MoneyMapping.ToProto(a.Amount, p.Currency),
                WriteOffAmount = a.WriteOff == 0m ? null : MoneyMapping.ToProto(a.WriteOff, p.Currency),
                WithholdingTaxAmount = a.WithholdingTax == 0m ? null : MoneyMapping.ToProto(a.WithholdingTax, p.Currency),
                DiscountAmount = a.Discount == 0m ? null : MoneyMapping.ToProto(a.Discount, p.Currency),
            }),
        },
        Total = MoneyMapping.ToProto(p.Total, p.Currency),
        // Domain and wire statuses share their numbers (Applied = 1, Reversed = 2).
        Status = (Proto.PaymentApplicationStatus)(int)p.Status,
        ReversalReason = p.ReversalReason,
        CreateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(p.CreatedAt, DateTimeKind.Utc)),
        ReverseTime = p.ReversedAt is { } at ? Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
    };

    public static Proto.CreditMemo ToProto(this Credits.CreditMemo m) => new()
    {
        Id = m.Id,
        Number = m.Number,
        InvoiceId = m.InvoiceId ?? "",
        CustomerId = m.CustomerId,
        Reason = m.Reason,
        Amount = MoneyMapping.ToProto(m.Amount, m.Currency),
        // Domain and wire statuses share their numbers (PendingApproval = 1 … Rejected = 3).
        Status = (Proto.CreditMemoStatus)(int)m.Status,
        RequestedBy = m.RequestedBy,
        DecidedBy = m.DecidedBy,
        DecisionNote = m.DecisionNote,
        CreateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(m.CreatedAt, DateTimeKind.Utc)),
        DecideTime = m.DecidedAt is { } at ? Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
        UnappliedAmount = m.InvoiceId is null ? MoneyMapping.ToProto(m.Unapplied, m.Currency) : null,
        Applications =
        {
            m.Applications.OrderBy(a => a.LineNumber).Select(a => new Proto.CreditAllocation
            {
                InvoiceId = a.InvoiceId, Amount = MoneyMapping.ToProto(a.Amount, m.Currency), AppliedOn = a.AppliedOn.ToText(),
            }),
        },
    };

    public static Proto.WriteOffPosting ToProto(this WriteOffs.WriteOff w, Proto.Invoice invoice) => new()
    {
        Id = w.Id,
        InvoiceId = w.InvoiceId,
        WriteOffReference = w.Reference,
        Amount = MoneyMapping.ToProto(w.Amount, w.Currency),
        Reason = w.Reason,
        RequestedBy = w.RequestedBy,
        ApprovedBy = w.ApprovedBy,
        EffectiveDate = w.EffectiveDate.ToText(),
        PostTime = Timestamp.FromDateTime(DateTime.SpecifyKind(w.PostedAt, DateTimeKind.Utc)),
        Invoice = invoice,
    };

    public static Proto.InvoiceLine ToProto(this InvoiceLine l, string currency) => new()
    {
        Description = l.Description,
        Quantity = DecimalText.Format(l.Quantity),
        UnitPrice = MoneyMapping.ToProtoPrice(l.UnitPrice, currency),
        TaxRatePercent = DecimalText.Format(l.TaxRatePercent),
        DiscountPercent = DecimalText.Format(l.DiscountPercent),
        ProductCode = l.ProductCode,
        NetAmount = MoneyMapping.ToProto(l.NetAmount, currency),
        TaxAmount = MoneyMapping.ToProto(l.TaxAmount, currency),
        LineNumber = l.LineNumber,
    };
}
