using System.Globalization;
using ArPlatform.Collections.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Agent;

/// <summary>The reply agent's record over a period of arrivals: per intent, what came in and what people did with the drafts.</summary>
public sealed class AgentMetricsService(CollectionsDbContext db, TimeProvider clock)
{
    private const int DefaultDays = 30;

    public async Task<Proto.AgentMetrics> GetAsync(Proto.GetAgentMetricsRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        var end = v.Date("period_end", request.PeriodEnd) ?? today;
        var start = v.Date("period_start", request.PeriodStart) ?? end.AddDays(1 - DefaultDays);
        if (start > end) v.Add("period_start", "must not be after period_end");
        v.ThrowIfInvalid();
        var (from, to) = (start.ToDateTime(TimeOnly.MinValue), end.AddDays(1).ToDateTime(TimeOnly.MinValue));
        var messages = await db.InboundMessages.AsNoTracking().Where(m => m.ReceivedAt >= from && m.ReceivedAt < to)
            .Select(m => new { m.Intent, m.Disposition, m.EscalationReasons, m.DraftId, m.ReceivedAt }).ToListAsync(ct);
        var draftIds = messages.Where(m => m.DraftId.Length > 0).Select(m => m.DraftId).ToList();
        var drafts = (await db.ReplyDrafts.AsNoTracking().Where(d => draftIds.Contains(d.Id))
            .Select(d => new { d.Id, d.Status, d.Edited, d.DecidedAt }).ToListAsync(ct)).ToDictionary(d => d.Id);
        var result = new Proto.AgentMetrics { PeriodStart = start.ToText(), PeriodEnd = end.ToText() };
        foreach (var group in messages.GroupBy(m => m.Intent).OrderBy(g => g.Key))
        {
            var row = new Proto.IntentMetrics { Intent = group.Key, Received = group.Count() };
            foreach (var m in group)
            {
                if (m.Disposition == Proto.MessageDisposition.AutoSent) row.AutoSent++;
                if (m.Disposition == Proto.MessageDisposition.Escalated)
                {
                    row.Escalated++;
                    foreach (var reason in m.EscalationReasons.Split(',', StringSplitOptions.RemoveEmptyEntries))
                        row.EscalatedByReason[reason] = row.EscalatedByReason.GetValueOrDefault(reason) + 1;
                }
                if (!drafts.TryGetValue(m.DraftId, out var d)) continue;
                if (d.Status == Proto.ReplyDraftStatus.Sent && d.Edited) row.Edited++;
                else if (d.Status == Proto.ReplyDraftStatus.Sent) row.ApprovedUnedited++;
                else if (d.Status == Proto.ReplyDraftStatus.Rejected) row.Rejected++;
            }
            result.Intents.Add(row);
        }
        var minutes = messages.Where(m => drafts.TryGetValue(m.DraftId, out var d) && d.Status == Proto.ReplyDraftStatus.Sent && d.DecidedAt is not null)
            .Select(m => (drafts[m.DraftId].DecidedAt!.Value - m.ReceivedAt).TotalMinutes).Order().ToList();
        result.MedianMinutesToReply = minutes.Count == 0 ? "" : Median(minutes).ToString("0.0", CultureInfo.InvariantCulture);
        return result;
    }

    private static double Median(List<double> sorted) =>
        sorted.Count % 2 == 1 ? sorted[sorted.Count / 2] : (sorted[sorted.Count / 2 - 1] + sorted[sorted.Count / 2]) / 2;
}
