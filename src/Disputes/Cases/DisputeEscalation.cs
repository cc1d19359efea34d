using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Grpc;
using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Cases;

/// <summary>
/// Flags what is past its SLA: every unresolved case due before the as-of date is raised to
/// its escalation level (1 once past due, 2 once past due by more than the policy's days), with
/// a note saying so. Idempotent per request id; the service's own run uses one id per day.
/// </summary>
public sealed class DisputeEscalation(
    DisputesDbContext db, CommandExecutor<DisputesDbContext> commands, IOptions<SlaPolicy> sla,
    DisputesMetrics metrics, TimeProvider clock)
{
    public Task<Proto.EscalateOverdueDisputesResponse> EscalateAsync(Proto.EscalateOverdueDisputesRequest request, CancellationToken ct)
    {
        var v = new Validator().RequestId(request.RequestId);
        var asOf = v.Date("as_of", request.AsOf) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        v.ThrowIfInvalid();
        return commands.ExecuteAsync("EscalateOverdueDisputes", request.RequestId, request, async token =>
        {
            var unresolved = DisputeWorkflow.UnresolvedStatuses.ToList();
            var due = await db.Disputes.AsSplitQuery()
                .Where(d => unresolved.Contains(d.Status) && d.SlaDueDate < asOf)
                .OrderBy(d => d.Id).ToListAsync(token);
            var now = clock.GetUtcNow().UtcDateTime;
            var response = new Proto.EscalateOverdueDisputesResponse();
            foreach (var dispute in due)
            {
                var before = dispute.ToProto(asOf);
                var level = DisputeSla.EscalationLevel(sla.Value, dispute.Status, dispute.SlaDueDate, asOf);
                if (!dispute.Escalate(level)) continue;
                dispute.AddNote("system", $"Past its SLA due date {dispute.SlaDueDate.ToText()}: escalated to level {level}.", now);
                commands.Audit("dispute", dispute.Id, before, dispute.ToProto(asOf));
                response.DisputeIds.Add(dispute.Id);
            }
            response.Escalated = response.DisputeIds.Count;
            metrics.Escalated.Add(response.Escalated);
            return response;
        }, ct);
    }
}
