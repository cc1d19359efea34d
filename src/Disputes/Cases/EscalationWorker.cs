using ArPlatform.SharedKernel;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Cases;

/// <summary>
/// Runs the escalation every <c>Disputes:EscalationIntervalMinutes</c> (60 by default; 0 turns
/// it off) with one request id per day, so a day's escalation happens once however many
/// passes or replicas run it.
/// </summary>
public sealed class EscalationWorker(IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider clock, ILogger<EscalationWorker> logger)
    : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var minutes = configuration.GetValue("Disputes:EscalationIntervalMinutes", 60);
        if (minutes <= 0) return;
        using var timer = new PeriodicTimer(TimeSpan.FromMinutes(minutes));
        do
        {
            var today = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime).ToText();
            try
            {
                await using var scope = scopes.CreateAsyncScope();
                var escalation = scope.ServiceProvider.GetRequiredService<DisputeEscalation>();
                var result = await escalation.EscalateAsync(
                    new Proto.EscalateOverdueDisputesRequest { RequestId = $"escalation-{today}", AsOf = today }, stoppingToken);
                if (result.Escalated > 0) logger.LogInformation("Escalated {Count} overdue disputes as of {Date}", result.Escalated, today);
            }
            catch (Exception e) when (e is not OperationCanceledException)
            {
                // A failed pass is retried on the next tick; the worker must outlive it.
                logger.LogError(e, "Dispute escalation as of {Date} failed", today);
            }
        } while (await timer.WaitForNextTickAsync(stoppingToken));
    }
}
