using ArPlatform.Collections.Activities;
using ArPlatform.Collections.Credit;
using ArPlatform.Collections.Dunning;
using ArPlatform.Collections.Promises;
using ArPlatform.Collections.WriteOffs;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.SharedKernel;
using Google.Protobuf.WellKnownTypes;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Grpc;

/// <summary>Collections's stored records on the wire.</summary>
public static class CollectionsMapping
{
    /// <summary>The profile's own decisions; the credit service adds Billing's limit and exposure.</summary>
    public static Proto.CreditStatus ToProto(this AccountProfile p) => new()
    {
        CustomerId = p.CustomerId,
        RiskRating = p.Risk,
        Strategic = p.Strategic,
        OnHold = p.OnHold,
        HoldReason = p.HoldReason,
        OverrideUntil = p.OverrideUntil.ToText(),
        StatementDayOfMonth = p.StatementDayOfMonth,
        History =
        {
            p.History.AsEnumerable().Reverse().Select(h => new Proto.CreditEvent
            {
                Action = h.Action, Reason = h.Reason, Note = h.Note, Actor = h.Actor, Time = Time(h.At),
            }),
        },
    };

    public static Proto.DunningAction ToProto(this DunningAction a, string delivery) => new()
    {
        Id = a.Id, CustomerId = a.CustomerId, InvoiceId = a.InvoiceId, InvoiceNumber = a.InvoiceNumber,
        Step = a.Step, OffsetDays = a.OffsetDays, Channel = a.Channel, Template = a.Template,
        OpenAmount = MoneyMapping.ToProto(a.OpenAmount, a.Currency), DueDate = a.DueDate.ToText(), AsOf = a.AsOf.ToText(),
        MessageId = a.MessageId ?? "", CreateTime = Time(a.CreatedAt), Delivery = delivery,
    };

    public static Proto.Activity ToProto(this Activity a) => new()
    {
        Id = a.Id, CustomerId = a.CustomerId, Type = a.Type, Text = a.Text, Actor = a.Actor, Time = Time(a.At),
    };

    public static Proto.PromiseToPay ToProto(this PromiseToPay p) => new()
    {
        Id = p.Id, CustomerId = p.CustomerId, Amount = MoneyMapping.ToProto(p.Amount, p.Currency),
        PromisedDate = p.PromisedDate.ToText(), InvoiceIds = { p.InvoiceIds }, Note = p.Note, Status = p.Status,
        Paid = MoneyMapping.ToProto(p.Paid, p.Currency), CreatedBy = p.CreatedBy, CreateTime = Time(p.CreatedAt),
        DecidedOn = p.DecidedOn.ToText(), CancelledBy = p.CancelledBy, CancelReason = p.CancelReason,
    };

    public static Proto.PaymentPlan ToProto(this PaymentPlan p, DateOnly asOf, int graceDays)
    {
        var (_, states) = PromiseRules.EvaluatePlan(p.Schedule(), graceDays, p.Paid, asOf);
        return new Proto.PaymentPlan
        {
            Id = p.Id, CustomerId = p.CustomerId,
            Instalments =
            {
                states.Select(s => new Proto.Instalment
                {
                    DueDate = s.DueDate.ToText(), Amount = MoneyMapping.ToProto(s.Amount, p.Currency), State = s.State,
                }),
            },
            InvoiceIds = { p.InvoiceIds }, Note = p.Note, Status = p.Status,
            Total = MoneyMapping.ToProto(p.Total, p.Currency), Paid = MoneyMapping.ToProto(p.Paid, p.Currency),
            CreatedBy = p.CreatedBy, CreateTime = Time(p.CreatedAt),
        };
    }

    public static Proto.WriteOffRequest ToProto(this WriteOff w) => new()
    {
        Id = w.Id, Number = w.Number, InvoiceId = w.InvoiceId, CustomerId = w.CustomerId,
        Amount = MoneyMapping.ToProto(w.Amount, w.Currency), Reason = w.Reason, Evidence = w.Evidence, Status = w.Status,
        ApproverRoles = { w.ApproverRoles }, RequestedBy = w.RequestedBy, DecidedBy = w.DecidedBy, DecisionNote = w.DecisionNote,
        CreateTime = Time(w.CreatedAt), DecideTime = w.DecidedAt is { } at ? Time(at) : null,
        PostingId = w.PostingId, PostingError = w.PostingError,
    };

    public static Timestamp Time(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
