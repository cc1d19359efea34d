using System.Globalization;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.Disputes.Cases;
using ArPlatform.Disputes.Evidence;
using ArPlatform.Disputes.Workflow;
using ArPlatform.SharedKernel;
using Google.Protobuf;
using Google.Protobuf.WellKnownTypes;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Grpc;

/// <summary>Domain to wire. Domain and wire enums share their numbers.</summary>
public static class DisputesMapping
{
    public static Proto.Dispute ToProto(this DisputeCase d, DateOnly today) => new()
    {
        Id = d.Id,
        Number = d.Number,
        CustomerId = d.CustomerId,
        Amount = MoneyMapping.ToProto(d.Amount, d.Currency),
        ReasonCode = (Proto.DisputeReasonCode)(int)d.Reason,
        Source = (Proto.DisputeSource)(int)d.Source,
        Description = d.Description,
        Owner = d.Owner,
        Status = (Proto.DisputeStatus)(int)d.Status,
        PendingWith = (Proto.InternalTeam)(int)d.PendingWith,
        Items = { d.Items.OrderBy(i => i.ItemNumber).Select(i => i.ToProto(d.Currency)) },
        SlaDueDate = d.SlaDueDate.ToText(),
        Overdue = DisputeSla.IsOverdue(d.Status, d.SlaDueDate, today),
        EscalationLevel = d.EscalationLevel,
        PaymentReference = d.PaymentReference,
        RemittanceReference = d.RemittanceReference,
        Outcome = (Proto.DisputeOutcome)(int)d.Outcome,
        CreditedAmount = MoneyMapping.ToProto(d.CreditedAmount, d.Currency),
        ResolutionNote = d.ResolutionNote,
        Notes = { d.Notes.OrderBy(n => n.NoteNumber).Select(n => new Proto.DisputeNote { Author = n.Author, Text = n.Text, CreateTime = Time(n.CreatedAt) }) },
        History =
        {
            d.History.OrderBy(t => t.TransitionNumber).Select(t => new Proto.DisputeTransition
            {
                FromStatus = (Proto.DisputeStatus)(int)t.From, ToStatus = (Proto.DisputeStatus)(int)t.To,
                Actor = t.Actor, Reason = t.Reason, Time = Time(t.At),
            }),
        },
        OpenTime = Time(d.OpenedAt),
        ResolveTime = d.ResolvedAt is { } resolved ? Time(resolved) : null,
        CloseTime = d.ClosedAt is { } closed ? Time(closed) : null,
        Etag = d.Version.ToString(CultureInfo.InvariantCulture),
        OpenedBy = d.OpenedBy,
    };

    public static Proto.Evidence ToProto(this EvidenceFile f, byte[]? content = null) => new()
    {
        Id = f.Id,
        DisputeId = f.DisputeId,
        Kind = (Proto.EvidenceKind)(int)f.Kind,
        FileName = f.FileName,
        ContentType = f.ContentType,
        SizeBytes = f.SizeBytes,
        Sha256 = f.Sha256,
        UploadedBy = f.UploadedBy,
        UploadTime = Time(f.UploadedAt),
        Content = content is null ? ByteString.Empty : ByteString.CopyFrom(content),
    };

    private static Proto.DisputeItem ToProto(this DisputeItem i, string currency) => new()
    {
        InvoiceId = i.InvoiceId,
        LineNumber = i.LineNumber,
        Amount = MoneyMapping.ToProto(i.Amount, currency),
        InvoiceNumber = i.InvoiceNumber,
        ProductCode = i.ProductCode,
        CreditedAmount = MoneyMapping.ToProto(i.CreditedAmount, currency),
        CreditMemoId = i.CreditMemoId,
        CreditMemoNumber = i.CreditMemoNumber,
    };

    private static Timestamp Time(DateTime utc) => Timestamp.FromDateTime(DateTime.SpecifyKind(utc, DateTimeKind.Utc));
}
