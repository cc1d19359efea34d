using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Payments;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
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
/// for a person, with the reason on the application. Applications are delivered in batches (up
/// to 500 per call to Billing or Disputes, the rest one by one, several at a time); each is saved
/// as soon as its calls return, so a crash repeats at most the calls in flight.
/// The audit trail holds the commands that decided each application; Billing and Disputes audit
/// what they did with it, under the person it was done for.
/// </summary>
public sealed class ApplicationDispatcher(
    IServiceScopeFactory scopes, IOptions<DispatchOptions> options, TimeProvider clock, CashApplicationMetrics metrics,
    IHostApplicationLifetime lifetime, ReplicaLease<CashApplicationDbContext> lease, ILogger<ApplicationDispatcher> logger)
{
    /// <summary>Applications read per pass; of them, first applications go to Billing in one ApplyPayments call (one transaction there, its most).</summary>
    private const int Batch = 500;
    /// <summary>Deduction cases per OpenDisputes call (Disputes' most per transaction).</summary>
    private const int MaxCasesPerCall = 500;
    private readonly SemaphoreSlim _gate = new(1, 1);
    /// <summary>One ApplyPayments call at a time: each is one write transaction at Billing, two at once would only queue on its database.</summary>
    private readonly SemaphoreSlim _billingCalls = new(1, 1);
    private static readonly Task<(int Done, IReadOnlyList<string> MoreToDo)> NothingApplied = Task.FromResult((0, (IReadOnlyList<string>)[]));
    private static readonly Task<int> NoFollowUp = Task.FromResult(0);

    /// <summary>1 while a background pass runs (<see cref="DeliverSoon"/>); 1 in <c>_asked</c> when another was asked for meanwhile.</summary>
    private int _running, _asked;

    /// <summary>
    /// Starts delivering what is due in the background, without waiting (applications committed
    /// while matching goes on): a pass starts unless one is running, which then looks again once
    /// done, so nothing asked for is left to the worker.
    /// </summary>
    public void DeliverSoon()
    {
        Volatile.Write(ref _asked, 1);
        if (Interlocked.CompareExchange(ref _running, 1, 0) == 0) _ = Task.Run(DeliverAskedAsync);
    }

    private async Task DeliverAskedAsync()
    {
        do
        {
            try
            {
                while (Interlocked.Exchange(ref _asked, 0) == 1) await DeliverDueAsync(lifetime.ApplicationStopping);
            }
            catch (OperationCanceledException) when (lifetime.ApplicationStopping.IsCancellationRequested)
            {
                return; // shutting down: the worker of the next start delivers the rest
            }
            catch (Exception e)
            {
                logger.LogError(e, "Delivering applications in the background failed; the worker delivers them on its next pass");
            }
            finally
            {
                Volatile.Write(ref _running, 0);
            }
        } while (Volatile.Read(ref _asked) == 1 && Interlocked.CompareExchange(ref _running, 1, 0) == 0);
    }

    /// <summary>Delivers everything due now; returns how many applications finished their remote work.</summary>
    public async Task<int> DeliverDueAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        var applying = NothingApplied;
        var followingUp = NoFollowUp;
        try
        {
            // One replica delivers at a time, so each application's calls keep their order.
            await using var held = await lease.TryTakeAsync("application-dispatch", TimeSpan.FromSeconds(30), ct);
            if (held is null) return 0;
            var finished = 0;
            var tried = new HashSet<string>(StringComparer.Ordinal);
            var followUps = new List<string>();
            var delivering = System.Diagnostics.Stopwatch.StartNew();
            int Applied((int Done, IReadOnlyList<string> MoreToDo) result)
            {
                tried.ExceptWith(result.MoreToDo); // their deductions are due next
                return result.Done;
            }
            while (true)
            {
                var due = await DueAsync(tried, ct);
                if (due.Count == 0 && followUps.Count == 0)
                {
                    var wasRunning = applying != NothingApplied || followingUp != NoFollowUp;
                    finished += Applied(await applying) + await followingUp;
                    (applying, followingUp) = (NothingApplied, NoFollowUp);
                    if (wasRunning) continue; // what they left may be due again (deductions, a refusal for now)
                    if (tried.Count > 0) metrics.Stage("deliver", delivering.Elapsed);
                    return finished;
                }
                tried.UnionWith(due.Select(d => d.Id));
                // First applications: this batch is read while the one before it is at Billing,
                // and saved here while the next one is.
                var previous = applying;
                var firsts = due.Where(d => d.FirstApplication).Select(d => d.Id).ToList();
                applying = firsts.Count == 0 ? NothingApplied : ApplyInBillingAsync(firsts, ct);
                finished += Applied(await previous);
                // Whatever else is due (deductions above all) is gathered to a batch's worth, or
                // until no first applications are left, and carried out while the next first
                // applications go to Billing: mostly other databases' work, on the other core, and
                // a few large calls to Disputes rather than one per batch of first applications.
                followUps.AddRange(due.Where(d => !d.FirstApplication).Select(d => d.Id));
                if (followUps.Count < Batch && firsts.Count > 0) continue;
                finished += await followingUp;
                followingUp = FollowUpAsync([.. followUps], ct);
                followUps.Clear();
            }
        }
        finally
        {
            // A pass that failed still lets its work in flight end before the next pass may start.
            await Task.WhenAll(Task.WhenAny(applying), Task.WhenAny(followingUp));
            _gate.Release();
        }
    }

    /// <summary>
    /// Deductions, reversals and retries; returns how many finished their remote work. Deductions
    /// go to Disputes together; the rest one by one, several at a time.
    /// </summary>
    private async Task<int> FollowUpAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        if (ids.Count == 0) return 0;
        var following = System.Diagnostics.Stopwatch.StartNew();
        var (finished, rest) = await OpenDeductionsAsync(ids, ct);
        var parallel = new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.Value.Concurrency), CancellationToken = ct };
        await Parallel.ForEachAsync(rest, parallel, async (id, token) =>
        {
            if (await DeliverAsync(id, token)) Interlocked.Increment(ref finished);
        });
        metrics.Stage("follow_up", following.Elapsed);
        return finished;
    }

    /// <summary>
    /// Of these applications, those applied in Billing with only deductions left open them in
    /// OpenDisputes calls (one per person they were applied for, at most Disputes' batch of cases
    /// each) and are saved together; returns how many finished, and the others.
    /// </summary>
    private async Task<(int Done, IReadOnlyList<string> Others)> OpenDeductionsAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CashApplicationDbContext>();
        var disputes = scope.ServiceProvider.GetRequiredService<Disputes.DisputesService.DisputesServiceClient>();
        var policy = scope.ServiceProvider.GetRequiredService<IOptions<OutcomePolicy>>().Value;
        var applications = await db.Applications.Where(a => ids.Contains(a.Id) && a.NextAttemptAt != null).ToListAsync(ct);
        var deducting = applications.Where(a => a.Status == ApplicationStatus.Applied && a.BillingApplicationId != null && a.PendingDeductions.Any()).ToList();
        var others = ids.Except(deducting.Select(a => a.Id)).ToList();
        if (deducting.Count == 0) return (0, others);
        var paymentIds = deducting.Select(a => a.PaymentId).ToList();
        var payments = await db.Payments.IgnoreAutoIncludes().Where(p => paymentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var notNow = new HashSet<PaymentApplication>();
        foreach (var cases in deducting.GroupBy(a => (a.AppliedBy, a.CorrelationId))
                     .SelectMany(group => group.SelectMany(a => a.PendingDeductions.Select(line => (Application: a, Line: line))).Chunk(MaxCasesPerCall)))
        {
            try
            {
                var response = await disputes.OpenDisputesAsync(new Disputes.OpenDisputesRequest
                {
                    Disputes = { cases.Select(c => ApplicationSteps.DeductionRequest(c.Application, payments[c.Application.PaymentId], c.Line, policy)) },
                }, CallerContext.OnBehalfOf(cases[0].Application.AppliedBy, cases[0].Application.CorrelationId), cancellationToken: ct);
                for (var i = 0; i < cases.Length; i++)
                    if (!ApplicationSteps.Opened(cases[i].Line, response.Results[i]))
                        NotNow(cases[i].Application, RemoteCallPolicy.Describe(response.Results[i].ErrorCode, response.Results[i].ErrorMessage));
            }
            catch (RpcException e) when (!RemoteCallPolicy.IsRefusal(e.StatusCode))
            {
                foreach (var application in cases.Select(c => c.Application).Distinct()) NotNow(application, RemoteCallPolicy.Describe(e));
                logger.LogWarning("Disputes did not open {Count} deductions: {Error}", cases.Length, RemoteCallPolicy.Describe(e));
            }
        }
        foreach (var application in deducting.Except(notNow)) application.Settled();
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Changed meanwhile (a person unapplied one): the next pass delivers the newer state,
            // and the cases opened here are replays for Disputes.
            logger.LogInformation("Applications changed while their deductions were opened; they will be delivered again");
            return (0, others);
        }
        return (deducting.Count - notNow.Count, others);

        void NotNow(PaymentApplication application, string error)
        {
            if (notNow.Add(application)) RetryLater(application, error);
        }
    }

    /// <summary>Applications with work left, oldest first; <c>FirstApplication</c>: nothing has reached Billing yet.</summary>
    private async Task<List<(string Id, bool FirstApplication)>> DueAsync(HashSet<string> tried, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CashApplicationDbContext>();
        var now = clock.GetUtcNow().UtcDateTime;
        var due = await db.Applications.AsNoTracking().IgnoreAutoIncludes().Where(a => a.NextAttemptAt != null && a.NextAttemptAt <= now)
            .OrderBy(a => a.NextAttemptAt).ThenBy(a => a.Id)
            .Select(a => new { a.Id, First = a.Status == ApplicationStatus.Pending && a.BillingApplicationId == null })
            // Delivered ones are no longer due; of those tried, the two batches still in flight
            // (one at Billing, one following up) and the few changed meanwhile come back, so three
            // batches leave room for them without reading them all (had they filled it, the pass
            // waits for those in flight and looks again).
            .Take(3 * Batch).ToListAsync(ct);
        return due.Where(d => !tried.Contains(d.Id)).Take(Batch).Select(d => (d.Id, d.First)).ToList();
    }

    /// <summary>
    /// First applications, read and saved here around their ApplyPayments call (one per person
    /// they are applied for); returns how many finished and which still have work (deductions).
    /// </summary>
    private async Task<(int Done, IReadOnlyList<string> MoreToDo)> ApplyInBillingAsync(IReadOnlyList<string> ids, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CashApplicationDbContext>();
        var billing = scope.ServiceProvider.GetRequiredService<Billing.BillingService.BillingServiceClient>();
        var applications = await db.Applications.Where(a => ids.Contains(a.Id)).ToListAsync(ct);
        var paymentIds = applications.Select(a => a.PaymentId).ToList();
        var payments = await db.Payments.IgnoreAutoIncludes().Where(p => paymentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, ct);
        var moreToDo = new List<string>();
        var done = 0;
        await _billingCalls.WaitAsync(ct);
        try
        {
            foreach (var group in applications.GroupBy(a => a.AppliedBy))
                done += await ApplyInBillingAsync(billing, group.ToList(), payments, moreToDo, ct);
        }
        finally
        {
            _billingCalls.Release();
        }
        try
        {
            // Hundreds of rows changed alike: written in bulk, each checked against its version as read.
            await WriteTransaction.RunAsync(db, async () =>
            {
                using (db.ChangesDetectedOnce())
                {
                    await db.SaveModifiedAsync<PaymentApplication>(ct);
                    await db.SaveModifiedAsync<Payment>(ct);
                    return await db.SaveChangesAsync(ct);
                }
            }, ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // One of them changed meanwhile (a person unapplied it): the next pass delivers them
            // again, and Billing replays what it already took.
            logger.LogInformation("Applications changed while being delivered; they will be delivered again");
            return (0, []);
        }
        return (done, moreToDo);
    }

    /// <summary>One person's first applications in one call; returns how many finished, adding those with deductions left to <paramref name="moreToDo"/>.</summary>
    private async Task<int> ApplyInBillingAsync(Billing.BillingService.BillingServiceClient billing, List<PaymentApplication> batch,
        Dictionary<string, Payment> payments, List<string> moreToDo, CancellationToken ct)
    {
        try
        {
            var calling = System.Diagnostics.Stopwatch.StartNew();
            var response = await billing.ApplyPaymentsAsync(
                new Billing.ApplyPaymentsRequest { Applications = { batch.Select(a => ApplicationSteps.ApplyRequest(a, payments[a.PaymentId])) } },
                CallerContext.OnBehalfOf(batch[0].AppliedBy, batch[0].CorrelationId), cancellationToken: ct);
            metrics.Stage("billing_call", calling.Elapsed);
            var done = 0;
            for (var i = 0; i < batch.Count; i++)
            {
                var (application, result) = (batch[i], response.Results[i]);
                var outcome = ApplicationSteps.Applied(application, payments[application.PaymentId], result);
                if (outcome == DeliveryOutcome.None) RetryLater(application, RemoteCallPolicy.Describe(result.ErrorCode, result.ErrorMessage));
                else if (application.PendingDeductions.Any()) moreToDo.Add(application.Id);
                else
                {
                    application.Settled();
                    done++;
                }
                metrics.Delivered(outcome);
            }
            return done;
        }
        catch (RpcException e) when (!RemoteCallPolicy.IsRefusal(e.StatusCode))
        {
            foreach (var application in batch) RetryLater(application, RemoteCallPolicy.Describe(e));
            logger.LogWarning("Billing did not take {Count} applications: {Error}", batch.Count, RemoteCallPolicy.Describe(e));
            return 0;
        }
    }

    private void RetryLater(PaymentApplication application, string error)
    {
        application.RetryLater(error, clock.GetUtcNow().UtcDateTime + RemoteCallPolicy.Backoff(application.Attempts + 1, options.Value.MaxBackoffSeconds));
        metrics.DispatchRetries.Add(1);
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
            RetryLater(application, RemoteCallPolicy.Describe(e));
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
