using ArPlatform.ServiceDefaults.Hosting;
using ArPlatform.SharedKernel;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Cases;

/// <summary>
/// Runs the escalation every <c>Disputes:EscalationIntervalMinutes</c> (60 by default; 0 turns
/// it off) with one request id per day, so a day's escalation happens once however many
/// passes or replicas run it.
/// </summary>
public sealed class EscalationWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<EscalationWorker> logger)
    : PeriodicWorker(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromMinutes(configuration.GetValue("Disputes:EscalationIntervalMinutes", 60));

    protected override async Task RunOnceAsync(CancellationToken ct)
    {
        var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToText();
        await using var scope = scopes.CreateAsyncScope();
        var escalation = scope.ServiceProvider.GetRequiredService<DisputeEscalation>();
        var result = await escalation.EscalateAsync(
            new Proto.EscalateOverdueDisputesRequest { RequestId = $"escalation-{today}", AsOf = today }, ct);
        if (result.Escalated > 0) logger.LogInformation("Escalated {Count} overdue disputes as of {Date}", result.Escalated, today);
    }
}
