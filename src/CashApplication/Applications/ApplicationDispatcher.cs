using ArPlatform.CashApplication.Data;
using ArPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;
using Disputes = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.CashApplication.Applications;

/// <summary>
/// Carries committed applications out, each in its own order: applied in Billing (the
/// application's id is the request id, so a repeat after a crash is a replay there, never a
/// second application), then its deductions opened in Disputes, or — when asked — reversed in
/// Billing and its cash freed here. A call that fails for now is retried with back-off; one the
/// other service refuses for good fails the application (its cash is unapplied again) or waits
/// for a person, with the reason on the application. Applications are delivered several at a
/// time; each is saved as soon as its calls return, so a crash repeats at most the calls in flight.
/// The audit trail holds the commands that decided each application; Billing and Disputes audit
/// what they did with it, under the person it was done for.
/// </summary>
public sealed class ApplicationDispatcher(
    IServiceScopeFactory scopes, IOptions<DispatchOptions> options, TimeProvider clock, CashApplicationMetrics metrics,
    ILogger<ApplicationDispatcher> logger)
{
    private const int Batch = 500;
    private readonly SemaphoreSlim _gate = new(1, 1);

    /// <summary>Delivers everything due now; returns how many applications finished their remote work.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var finished = 0;
            var tried = new HashSet<string>(StringComparer.Ordinal);
            var delivering = System.Diagnostics.Stopwatch.StartNew();
            while (true)
            {
                var due = await DueAsync(tried, ct);
                if (due.Count == 0)
                {
                    if (tried.Count > 0) metrics.Stage("deliver", delivering.Elapsed);
                    return finished;
                }
                tried.UnionWith(due);
                var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Concurrency), CancellationToken = ct };
                await Parallel.ForEachAsync(due, parallel, async (id, token) =>
                {
                    if (await DeliverAsync(id, token)) Interlocked.Increment(ref finished);
                });
            }
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// Delivery right after a command committed: the command has succeeded whatever happens
    /// here, so a failure is only logged and left to the worker.
    /// </summary>
    public async Task DeliverAfterCommitAsync()
    {
        try
        {
            await DeliverDueAsync(CancellationToken.None);
        }
        catch (Exception e)
        {
            logger.LogError(e, "Delivering applications after commit failed; the dispatch worker will retry");
        }
    }

    private async Task<List<string>> DueAsync(HashSet<string> tried, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CashApplicationDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Applications.AsNoTracking().Where(a => a.NextAttemptAt != null && a.NextAttemptAt <= now)
            .OrderBy(a => a.NextAttemptAt).ThenBy(a => a.Id).Select(a => a.Id).Take(Batch + tried.Count).ToListAsync(ct);
        return due.Where(id => !tried.Contains(id)).Take(Batch).ToList();
    }

    /// <summary>One application's remote work; true when none is left.</summary>
    private async Task<bool> DeliverAsync(string id, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CashApplicationDbContext>();
        var application = await db.Applications.FirstAsync(a => a.Id == id, ct);
        if (application.NextAttemptAt is null) return true;
        var payment = await db.Payments.FirstAsync(p => p.Id == application.PaymentId, ct);
        var steps = new ApplicationSteps(application, payment,
            scope.ServiceProvider.GetRequiredService<Billing.BillingService.BillingServiceClient>(),
            scope.ServiceProvider.GetRequiredService<Disputes.DisputesService.DisputesServiceClient>(),
            scope.ServiceProvider.GetRequiredService<IOptions<OutcomePolicy>>().Value);
        var done = false;
        try
        {
            await steps.RunAsync(ct);
            application.Settled();
            done = true;
        }
        catch (RpcException e) when (!RemoteCallPolicy.IsRefusal(e.StatusCode))
        {
            var now = clock.GetUtcNow().UtcDateTime;
            application.RetryLater(RemoteCallPolicy.Describe(e), now + RemoteCallPolicy.Backoff(application.Attempts + 1, options.Value.MaxBackoffSeconds));
            metrics.DispatchRetries.Add(1);
            logger.LogWarning("Application {ApplicationId} not delivered (attempt {Attempt}): {Error}", id, application.Attempts, application.LastError);
        }
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed meanwhile (a person unapplied it): the next pass delivers the newer state,
            // and the calls made here are replays for the other service.
            logger.LogInformation("Application {ApplicationId} changed while being delivered; it will be delivered again", id);
            return false;
        }
        metrics.Delivered(steps.Outcome);
        return done;
    }
}
