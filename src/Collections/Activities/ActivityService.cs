using ArPlatform.Collections.BillingReads;
using ArPlatform.Collections.Data;
using ArPlatform.Collections.Grpc;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using ArPlatform.SharedKernel;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Activities;

/// <summary>The account's contact history: calls, e-mails and notes, newest last, card numbers masked.</summary>
public sealed class ActivityService(
    CollectionsDbContext db, CommandExecutor<CollectionsDbContext> commands, BillingReader billing, CallerContext caller, TimeProvider clock)
{
    public async Task<Proto.Activity> RecordAsync(Proto.RecordActivityRequest request, CancellationToken ct)
    {
        var v = new Validator().RequestId(request.RequestId);
        var input = v.Resource("activity", request.Activity);
        v.Require("activity.customer_id", input.CustomerId).MaxLength("activity.customer_id", input.CustomerId, 26)
            .Require("activity.text", input.Text).MaxLength("activity.text", input.Text, 4000);
        if (input.Type == Proto.ActivityType.Unspecified || !Enum.IsDefined(input.Type)) v.Add("activity.type", "is required: CALL, EMAIL or NOTE");
        v.ThrowIfInvalid();
        await billing.VisibleCustomerAsync(input.CustomerId, ct);
        return await commands.ExecuteAsync("RecordActivity", request.RequestId, request, _ =>
        {
            var activity = new Activity
            {
                Id = Ulid.NewUlid().ToString(), CustomerId = input.CustomerId, Type = input.Type,
                Text = CardNumbers.Mask(input.Text), Actor = caller.Actor, At = clock.GetUtcNow().UtcDateTime,
            };
            db.Activities.Add(activity);
            var recorded = activity.ToProto();
            commands.Audit("activity", activity.Id, null, recorded);
            return Task.FromResult(recorded);
        }, ct);
    }

    public async Task<Proto.ListActivitiesResponse> ListAsync(Proto.ListActivitiesRequest request, CancellationToken ct)
    {
        var v = new Validator().Require("customer_id", request.CustomerId);
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        v.ThrowIfInvalid();
        await billing.EnsureListableAsync(request.CustomerId, ct);
        var (items, next) = await db.Activities.Where(a => a.CustomerId == request.CustomerId).ToPageAsync(page, a => a.Id, ct);
        return new Proto.ListActivitiesResponse { Activities = { items.Select(a => a.ToProto()) }, NextPageToken = next };
    }
}
