using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Payments;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using System.Linq.Expressions;
using System.Security.Cryptography;
using System.Text;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Applies new payments without a person where the engine is sure: the match context is read
/// once for the whole batch, each payment decided in turn (what one takes of an invoice is gone
/// for the next), and the automatic applications committed a thousand payments at a time, each
/// such commit starting their delivery to Billing at once, while matching goes on. A batch is
/// matched once however often it is retried: its outcome is recorded under its key. The rest stay
/// unapplied: the exceptions queue, with suggestions on request.
/// </summary>
public sealed class AutoMatcher(
    CashApplicationDbContext db, CommandExecutor<CashApplicationDbContext> commands, MatchContextLoader loader,
    ApplicationLedger ledger, ApplicationDispatcher dispatcher, CallerContext caller, IOptions<MatchPolicy> matchPolicy,
    IOptions<OutcomePolicy> outcomePolicy, IOptions<DispatchOptions> dispatch, SharedMatchIndex shared, IServiceScopeFactory scopes,
    CashApplicationMetrics metrics, TimeProvider clock, ILogger<AutoMatcher> logger)
{
    private const int Batch = 1000;

    /// <summary>
    /// Matches right after the payments were stored: they are safely in whatever happens here, so
    /// Billing being unreachable leaves them in the exceptions queue (and an import for the
    /// worker to match again) instead of failing the call. Null when matching could not run.
    /// </summary>
    public async Task<int?> TryMatchAsync(string key, Expression<Func<Payment, bool>> which, CancellationToken ct)
    {
        try
        {
            return await MatchAsync(key, which, ct);
        }
        catch (RpcException e)
        {
            logger.LogWarning("Matching {Key} could not read Billing ({Status}); its payments wait for the next pass", key, e.StatusCode);
            return null;
        }
    }

    /// <summary>
    /// Matches the unapplied payments <paramref name="which"/> selects (stored and committed
    /// before); returns how many of them are applied automatically. Unless delivery is left to the
    /// worker, returns once the applications made have been carried out in Billing (or wait for a
    /// retry there).
    /// </summary>
    /// <param name="key">Names the batch (an import's id, a recorded payment's id) for idempotency.</param>
    public async Task<int> MatchAsync(string key, Expression<Func<Payment, bool>> which, CancellationToken ct)
    {
        var request = new StringValue { Value = key };
        if (await commands.FindInternalReplayAsync<Int32Value>("AutoApply", key, request, ct) is { } done) return done.Value;
        var unapplied = db.Payments.Where(which).Where(p => p.Status == PaymentStatus.Unapplied);
        var currencies = await unapplied.Select(p => p.Currency).Distinct().ToListAsync(ct);
        if (currencies.Count == 0) return 0;
        var accounts = await unapplied.Where(p => p.PayerAccount != "").Select(p => p.PayerAccount).Distinct().ToListAsync(ct);
        var names = await unapplied.Where(p => p.PayerName != "").Select(p => p.PayerName).Distinct().ToListAsync(ct);
        var references = await unapplied.SelectMany(p => p.Remittance, (_, r) => r.Reference).Distinct().ToListAsync(ct);
        var reading = System.Diagnostics.Stopwatch.StartNew();
        var appliedNow = await shared.WithIndexAsync(currencies, accounts, names, references, loader, index =>
        {
            metrics.Stage("read_billing", reading.Elapsed);
            return ApplyAllAsync(key, which, index, ct);
        }, ct);
        metrics.AutoApplied.Add(appliedNow);
        // What was applied automatically, with any earlier run a crash cut short; recorded so a
        // retry is not matched again.
        var applied = await commands.ExecuteInternalAsync("AutoApply", key, request, async token => new Int32Value
        {
            Value = await db.Payments.Where(which).Join(db.Applications.Where(a => a.Automatic), p => p.Id, a => a.PaymentId, (_, a) => a.Id).CountAsync(token),
        }, ct);
        if (dispatch.Value.DeliverAfterCommit) await dispatcher.DeliverDueAsync(ct);
        return applied.Value;
    }

    /// <summary>
    /// Decides and commits the payments batch by batch. Each batch is read (on a connection of its
    /// own) and decided while the one before it is committed: the engine on one core, the writes
    /// on the other. A batch is decided only once the one before it is, so each sees what the
    /// earlier ones took. Returns how many this run applied.
    /// </summary>
    private async Task<int> ApplyAllAsync(string key, Expression<Func<Payment, bool>> which, MatchIndex index, CancellationToken ct)
    {
        await using var readScope = scopes.CreateAsyncScope();
        var source = readScope.ServiceProvider.GetRequiredService<CashApplicationDbContext>();
        db.ChangeTracker.Clear(); // the payments stored just now are committed through the copies read here
        var applied = 0;
        var engine = TimeSpan.Zero;
        var committing = new System.Diagnostics.Stopwatch();
        var next = DecideAsync(source, which, "", index, ct);
        try
        {
            while (true)
            {
                var (decided, engineTime) = await next;
                engine += engineTime;
                if (decided.Count == 0) break;
                next = DecideAsync(source, which, decided[^1].Payment.Id, index, ct);
                committing.Start();
                applied += await CommitAsync(BatchKey(key, decided), decided, ct);
                committing.Stop();
            }
        }
        finally
        {
            await Task.WhenAny(next); // the read connection is let go only once nothing uses it
        }
        metrics.Stage("match", engine);
        metrics.Stage("commit", committing.Elapsed);
        return applied;
    }

    /// <summary>
    /// A batch's key: the run's, and exactly which payments the batch holds. A run after a crash
    /// re-cuts its batches from the payments still unapplied: a batch of other payments must not
    /// replay an earlier one's result, whichever payment it starts with.
    /// </summary>
    private static string BatchKey(string key, List<Decided> decided) =>
        $"{key}@{Convert.ToHexString(SHA256.HashData(Encoding.ASCII.GetBytes(string.Join(',', decided.Select(d => d.Payment.Id)))))[..32]}";

    /// <summary>One batch's automatic applications in one command, their delivery started once it commits; returns how many.</summary>
    private async Task<int> CommitAsync(string batchKey, List<Decided> decided, CancellationToken ct)
    {
        var attempts = 0;
        var committed = await commands.ExecuteInternalAsync("AutoApply", batchKey, new StringValue { Value = batchKey }, async token =>
        {
            // The batch's payments were read once and change as they are committed: a command that
            // lost a race is not run again with them. They stay unapplied for the next pass.
            if (attempts++ > 0) throw new ConcurrencyConflictException("Payments being matched were changed meanwhile; they are matched again on the next pass.");
            await ledger.PrepareAsync(decided.Select(d => d.Payment).ToList(), token);
            var count = 0;
            var (actor, correlationId) = (caller.Actor, caller.CorrelationId);
            foreach (var payment in decided)
            {
                if (Commit(payment, actor, correlationId)) count++;
                else metrics.LeftForPeople.Add(1);
            }
            await ledger.SaveBatchAsync(token);
            // In place of the ledger's own after-commit delivery, which the caller would wait for.
            if (dispatch.Value.DeliverAfterCommit) commands.AfterCommit("application-dispatch", () => { dispatcher.DeliverSoon(); return Task.CompletedTask; });
            return new Int32Value { Value = count };
        }, ct);
        return committed.Value;
    }

    /// <summary>What the engine decided for one payment: the proposal it applies alone and how it settles, or none.</summary>
    private sealed record Decided(Payment Payment, MatchProposal? Proposal, SettlementPlan? Plan);

    /// <summary>The next batch of unapplied payments after <paramref name="after"/> (untracked), decided; and the time in the engine.</summary>
    private Task<(List<Decided> Decided, TimeSpan Engine)> DecideAsync(CashApplicationDbContext source, Expression<Func<Payment, bool>> which,
        string after, MatchIndex index, CancellationToken ct) => Task.Run(async () =>
    {
        var batch = await source.Payments.AsNoTracking().Where(which)
            .Where(p => p.Status == PaymentStatus.Unapplied && string.Compare(p.Id, after) > 0)
            .OrderBy(p => p.Id).Take(Batch).ToListAsync(ct);
        var engine = System.Diagnostics.Stopwatch.StartNew();
        var decided = batch.Select(payment => Decide(payment, index)).ToList();
        return (decided, engine.Elapsed);
    }, ct);

    private Decided Decide(Payment payment, MatchIndex index)
    {
        var decision = MatchingEngine.Decide(MatchContextLoader.ToMatch(payment), index, matchPolicy.Value);
        if (decision.AutoApply is not { } proposal) return new Decided(payment, null, null);
        return new Decided(payment, proposal, Settle(payment, proposal, index, outcomePolicy.Value));
    }

    /// <summary>
    /// How an automatic application settles, taken from the index at once: what this payment
    /// settled is gone for the next one; a deduction's part stays open (disputed). Public so the
    /// matching-accuracy bench replays a batch exactly as it is applied here.
    /// </summary>
    public static SettlementPlan Settle(Payment payment, MatchProposal proposal, MatchIndex index, OutcomePolicy policy)
    {
        var remittance = payment.Remittance.OrderBy(r => r.LineNumber).Select(r => new RemittanceNote(r.Reference, r.AdjustmentReason)).ToList();
        var plan = SettlementPlanner.Plan(proposal, payment.UnappliedAmount, remittance, payment.Text, policy);
        foreach (var line in plan.Lines)
            index.Consume(line.InvoiceId, line.Amount + (line.Treatment is ShortfallTreatment.Deduction or ShortfallTreatment.LeaveOpen ? 0m : line.Shortfall));
        return plan;
    }

    /// <summary>Commits the application the engine decided, if it did; false when the payment is left for a person.</summary>
    private bool Commit(Decided decided, string actor, string correlationId)
    {
        if (decided is not { Proposal: { } proposal, Plan: { } plan }) return false;
        var payment = decided.Payment;
        ledger.Commit(payment, new PaymentApplication
        {
            Id = Ulid.NewUlid().ToString(),
            PaymentId = payment.Id,
            CustomerId = proposal.CustomerId,
            Currency = payment.Currency,
            AppliedOn = payment.BookingDate,
            Automatic = true,
            Confidence = proposal.Confidence,
            Reasons = string.Join('\n', proposal.Reasons),
            Lines = plan.Lines.Select((l, i) => new ApplicationLine
            {
                LineNumber = i + 1, InvoiceId = l.InvoiceId, InvoiceNumber = l.InvoiceNumber, Amount = l.Amount,
                Shortfall = l.Shortfall, Treatment = l.Treatment, DeductionReason = l.DeductionReason,
            }).ToList(),
            OnAccount = plan.OnAccount,
            RemittanceLinesMatched = RemittanceLinesMatched(payment, plan),
            AppliedBy = actor,
            CorrelationId = correlationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        }, payerConfirmed: proposal.Evidence is { Reference: ReferenceEvidence.Exact, Payer: not PayerEvidence.AnotherCustomer });
        return true;
    }

    /// <summary>The payment's remittance lines that name one of the invoices applied (for the line-level match rate).</summary>
    private static int RemittanceLinesMatched(Payment payment, SettlementPlan plan)
    {
        var keys = plan.Lines.SelectMany(l => InvoiceNumbers.Keys(l.InvoiceNumber)).ToHashSet(StringComparer.Ordinal);
        return payment.Remittance.Count(r => InvoiceNumbers.Keys(r.Reference).Any(keys.Contains));
    }
}
