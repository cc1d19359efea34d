using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Common.V1;

namespace ArPlatform.ServiceDefaults.Audit;

/// <summary>The auditors' view of a service's audit trail: query by entity and time, verify the chain.</summary>
public sealed class AuditLogReader<TContext>(TContext db) where TContext : DbContext
{
    public async Task<Proto.ListAuditEntriesResponse> ListAsync(Proto.ListAuditEntriesRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        var after = page.AfterNumber(v);
        if (request.EntityId.Length > 0 && request.EntityType.Length == 0) v.Add("entity_type", "is required with entity_id");
        v.ThrowIfInvalid();

        var query = db.Set<AuditEntry>().AsNoTracking();
        if (request.EntityType.Length > 0) query = query.Where(a => a.EntityType == request.EntityType);
        if (request.EntityId.Length > 0) query = query.Where(a => a.EntityId == request.EntityId);
        if (request.FromTime is { } from) { var f = from.ToDateTime(); query = query.Where(a => a.At >= f); }
        if (request.ToTime is { } to) { var t = to.ToDateTime(); query = query.Where(a => a.At < t); }
        if (after is { } last) query = query.Where(a => a.Sequence > last);

        var rows = await query.OrderBy(a => a.Sequence).Take(page.Size + 1).ToListAsync(ct);
        var (items, next) = page.Slice(rows, a => a.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture));
        return new Proto.ListAuditEntriesResponse { Entries = { items.Select(ToProto) }, NextPageToken = next };
    }

    /// <summary>Walks the whole chain in sequence order, streaming: memory stays flat at any size.</summary>
    public async Task<Proto.VerifyAuditLogResponse> VerifyAsync(CancellationToken ct)
    {
        var cursor = new AuditChainCursor();
        AuditVerification? broken = null;
        await foreach (var entry in db.Set<AuditEntry>().AsNoTracking().OrderBy(a => a.Sequence).AsAsyncEnumerable().WithCancellation(ct))
            if ((broken = cursor.Next(entry)) is not null) break;
        var result = broken ?? cursor.Intact;
        return new Proto.VerifyAuditLogResponse
        {
            Intact = result.Intact,
            EntriesChecked = result.EntriesChecked,
            FirstBrokenSequence = result.FirstBrokenSequence ?? 0,
            Reason = result.FirstBrokenSequence is { } sequence
                ? $"Entry {sequence}: {result.Reason}."
                : "Every entry matches its hash and follows from the one before.",
        };
    }

    private static Proto.AuditEntry ToProto(AuditEntry a) => new()
    {
        Sequence = a.Sequence,
        Time = Timestamp.FromDateTime(DateTime.SpecifyKind(a.At, DateTimeKind.Utc)),
        Actor = a.Actor,
        Operation = a.Operation,
        EntityType = a.EntityType,
        EntityId = a.EntityId,
        Before = a.Before,
        After = a.After,
        CorrelationId = a.CorrelationId,
        PreviousHash = a.PreviousHash,
        Hash = a.Hash,
    };
}
