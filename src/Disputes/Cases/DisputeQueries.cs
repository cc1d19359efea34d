using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Grpc;
using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Cases;

/// <summary>Reading cases: one with everything about it, or filtered pages of them.</summary>
public sealed class DisputeQueries(DisputesDbContext db, TimeProvider clock)
{
    private DateOnly Today => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    /// <summary>The customer of a case; null when there is no such case.</summary>
    public Task<string?> CustomerOfAsync(string id, CancellationToken ct) =>
        db.Disputes.AsNoTracking().Where(d => d.Id == id).Select(d => (string?)d.CustomerId).FirstOrDefaultAsync(ct);

    /// <summary>The case, its evidence (without content) and whether Billing has caught up with it.</summary>
    public async Task<Proto.Dispute> GetAsync(string id, CancellationToken ct)
    {
        var dispute = await db.Disputes.AsNoTracking().AsSplitQuery().FirstOrDefaultAsync(d => d.Id == id, ct)
                      ?? throw new NotFoundException("dispute", id);
        var result = dispute.ToProto(Today);
        var evidence = await db.Evidence.AsNoTracking().Where(e => e.DisputeId == id).OrderBy(e => e.Id).ToListAsync(ct);
        result.Evidence.AddRange(evidence.Select(e => e.ToProto()));
        var outbox = await db.Outbox.AsNoTracking().Where(m => m.DisputeId == id && m.DeliveredAt == null)
            .OrderBy(m => m.Id).Select(m => new { m.FailedAt, m.LastError }).ToListAsync(ct);
        result.BillingSync = new Proto.BillingSync
        {
            Pending = outbox.Count(m => m.FailedAt == null),
            Failed = outbox.Count(m => m.FailedAt != null),
            LastError = outbox.LastOrDefault(m => m.LastError.Length > 0)?.LastError ?? "",
        };
        return result;
    }

    public async Task<Proto.ListDisputesResponse> ListAsync(Proto.ListDisputesRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        if (!Enum.IsDefined(request.Status)) v.Add("status", "is not a dispute status");
        if (!Enum.IsDefined(request.ReasonCode)) v.Add("reason_code", "is not a reason code");
        v.ThrowIfInvalid();

        var query = db.Disputes.AsNoTracking().AsSplitQuery();
        if (request.CustomerId.Length > 0) query = query.Where(d => d.CustomerId == request.CustomerId);
        if (request.Owner.Length > 0) query = query.Where(d => d.Owner == request.Owner);
        if (request.InvoiceId.Length > 0) query = query.Where(d => d.Items.Any(i => i.InvoiceId == request.InvoiceId));
        if (request.Status != Proto.DisputeStatus.Unspecified)
        {
            var status = (DisputeStatus)(int)request.Status;
            query = query.Where(d => d.Status == status);
        }
        if (request.ReasonCode != Proto.DisputeReasonCode.Unspecified)
        {
            var reason = (DisputeReason)(int)request.ReasonCode;
            query = query.Where(d => d.Reason == reason);
        }
        if (request.UnresolvedOnly || request.OverdueOnly)
        {
            var unresolved = DisputeWorkflow.UnresolvedStatuses.ToList();
            query = query.Where(d => unresolved.Contains(d.Status));
        }
        var today = Today;
        if (request.OverdueOnly) query = query.Where(d => d.SlaDueDate < today);
        var (items, next) = await query.ToPageAsync(page, d => d.Id, ct);
        return new Proto.ListDisputesResponse { Disputes = { items.Select(d => d.ToProto(today)) }, NextPageToken = next };
    }
}
