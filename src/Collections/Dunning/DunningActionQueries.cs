using ArPlatform.Collections.Data;
using ArPlatform.Collections.Grpc;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Dunning;

/// <summary>The dunning actions taken, by customer or invoice, in the order taken, each with its letter's delivery.</summary>
public sealed class DunningActionQueries(CollectionsDbContext db, BillingReads.BillingReader billing)
{
    public async Task<Proto.ListDunningActionsResponse> ListAsync(Proto.ListDunningActionsRequest request, CancellationToken ct)
    {
        var v = new Validator().MaxLength("customer_id", request.CustomerId, 26).MaxLength("invoice_id", request.InvoiceId, 26);
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        v.ThrowIfInvalid();
        await billing.EnsureListableAsync(request.CustomerId, ct);
        var query = db.DunningActions.AsNoTracking();
        if (request.CustomerId.Length > 0) query = query.Where(a => a.CustomerId == request.CustomerId);
        if (request.InvoiceId.Length > 0) query = query.Where(a => a.InvoiceId == request.InvoiceId);
        var (actions, next) = await query.ToPageAsync(page, a => a.Id, ct);
        var messageIds = actions.Where(a => a.MessageId != null).Select(a => a.MessageId!).Distinct().ToList();
        var mail = await db.Mail.AsNoTracking().Where(m => messageIds.Contains(m.Id)).ToDictionaryAsync(m => m.Id, ct);
        return new Proto.ListDunningActionsResponse
        {
            Actions = { actions.Select(a => a.ToProto(a.MessageId is { } id && mail.TryGetValue(id, out var m) ? m.Delivery : "DONE")) },
            NextPageToken = next,
        };
    }
}
