using ArPlatform.Collections.Data;
using ArPlatform.Collections.Grpc;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Grpc;
using ArPlatform.ServiceDefaults.Hosting;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.WriteOffs;

/// <summary>Configuration section <c>Collections:WriteOffPosting</c>.</summary>
public sealed class WriteOffPostingOptions
{
    /// <summary>How often the worker posts approved write-offs not yet posted; 0 turns it off.</summary>
    public int PollSeconds { get; init; } = 5;
    public int MaxBackoffSeconds { get; init; } = 300;
}

/// <summary>
/// Posts approved write-offs to Billing: the request's id is Billing's idempotency key and its
/// number the write-off reference, so a repeat after a crash or a lost answer is a replay there,
/// never a second posting; Billing confirms the approval by that id with GetWriteOff. Billing
/// down: retried with back-off; Billing refuses for good (the invoice was paid meanwhile): marked
/// POSTING_FAILED with the reason. Every outcome is audited.
/// </summary>
public sealed class WriteOffPoster(IServiceScopeFactory scopes, IOptions<WriteOffPostingOptions> options, TimeProvider clock,
    CollectionsMetrics metrics, ReplicaLease<CollectionsDbContext> lease, ILogger<WriteOffPoster> logger)
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    public async Task<int> PostDueAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            // One replica posts at a time (Billing would replay a second posting, but need not be asked twice).
            await using var held = await lease.TryTakeAsync("write-off-posting", TimeSpan.FromSeconds(30), ct);
            if (held is null) return 0;
            await using var scope = scopes.CreateAsyncScope();
            var db = scope.ServiceProvider.GetRequiredService<CollectionsDbContext>();
            var commands = scope.ServiceProvider.GetRequiredService<CommandExecutor<CollectionsDbContext>>();
            var billing = scope.ServiceProvider.GetRequiredService<Billing.BillingService.BillingServiceClient>();
            var now = clock.GetUtcNow().UtcDateTime;
            var due = await db.WriteOffs.AsNoTracking().Where(w => w.Status == Proto.WriteOffStatus.Approved && w.NextPostingAt <= now)
                .OrderBy(w => w.Id).Take(100).ToListAsync(ct);
            var posted = 0;
            foreach (var writeOff in due)
            {
                Action<WriteOff> outcome;
                try
                {
                    // Billing records the approver's decision as theirs: the person, not this service.
                    var posting = await billing.PostWriteOffAsync(new Billing.PostWriteOffRequest
                    {
                        InvoiceId = writeOff.InvoiceId, RequestId = writeOff.Id, WriteOffId = writeOff.Id, WriteOffReference = writeOff.Number,
                        Amount = MoneyMapping.ToProto(writeOff.Amount, writeOff.Currency), Reason = writeOff.Reason,
                        RequestedBy = writeOff.RequestedBy, ApprovedBy = writeOff.DecidedBy,
                    }, CallerContext.OnBehalfOf(writeOff.DecidedBy), cancellationToken: ct);
                    outcome = w => (w.Status, w.PostingId, w.NextPostingAt) = (Proto.WriteOffStatus.Posted, posting.Id, null);
                    metrics.WriteOffsPosted.Add(1);
                    posted++;
                }
                catch (RpcException e) when (RemoteCallPolicy.IsRefusal(e.StatusCode))
                {
                    var error = RemoteCallPolicy.Describe(e);
                    outcome = w => (w.Status, w.PostingError, w.NextPostingAt) = (Proto.WriteOffStatus.PostingFailed, error, null);
                    logger.LogError("Billing refused write-off {Number}: {Error}", writeOff.Number, error);
                }
                catch (RpcException e)
                {
                    var (attempts, error) = (writeOff.PostingAttempts + 1, RemoteCallPolicy.Describe(e));
                    outcome = w => (w.PostingAttempts, w.PostingError, w.NextPostingAt) =
                        (attempts, error, now + RemoteCallPolicy.Backoff(attempts, options.Value.MaxBackoffSeconds));
                    metrics.Retry("writeoff");
                    logger.LogWarning("Billing did not take write-off {Number} (attempt {Attempt}): {Error}", writeOff.Number, attempts, error);
                }
                await RecordAsync(db, commands, writeOff, outcome, ct);
            }
            return posted;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>
    /// What a posting attempt changed, audited once — keyed by the write-off's version, so a second
    /// poster that raced this one replays instead of recording it twice — as the approver's when it
    /// follows the approval at once, as the system's when the worker retries it.
    /// </summary>
    private static Task RecordAsync(CollectionsDbContext db, CommandExecutor<CollectionsDbContext> commands, WriteOff read,
        Action<WriteOff> outcome, CancellationToken ct)
    {
        var before = read.ToProto();
        return commands.ExecuteInternalAsync("RecordWriteOffPosting", $"{read.Id}:{read.Version}", before, async token =>
        {
            var writeOff = await db.WriteOffs.FirstAsync(w => w.Id == read.Id, token);
            outcome(writeOff);
            writeOff.Version++;
            var after = writeOff.ToProto();
            commands.Audit("write_off", writeOff.Id, before, after);
            return after;
        }, ct);
    }
}

/// <summary>Re-drives postings every <c>Collections:WriteOffPosting:PollSeconds</c>.</summary>
public sealed class WriteOffPostingWorker(WriteOffPoster poster, IOptions<WriteOffPostingOptions> options, ILogger<WriteOffPostingWorker> logger)
    : PeriodicWorker(logger)
{
    protected override TimeSpan Interval => TimeSpan.FromSeconds(options.Value.PollSeconds);

    protected override Task RunOnceAsync(CancellationToken ct) => poster.PostDueAsync(ct);
}
