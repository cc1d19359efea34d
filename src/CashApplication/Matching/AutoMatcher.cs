using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Payments;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using Google.Protobuf.WellKnownTypes;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Applies new payments without a person where the engine is sure: the match context is read
/// once for the whole batch, each payment decided in turn (what one takes of an invoice is gone
/// for the next), and every automatic application committed in one command per batch — idempotent
/// by the batch's key, so an import is matched once however often it is retried. The rest stay
/// unapplied: the exceptions queue, with suggestions on request.
/// </summary>
public sealed class AutoMatcher(
    CommandExecutor<CashApplicationDbContext> commands, MatchContextLoader loader,
    ApplicationLedger ledger, CallerContext caller, IOptions<MatchPolicy> matchPolicy, IOptions<OutcomePolicy> outcomePolicy,
    SharedMatchIndex shared, CashApplicationMetrics metrics, TimeProvider clock, ILogger<AutoMatcher> logger)
{
    private const int Batch = 1000;
    /// <summary>Time in the engine alone, for the stage split (the rest of deciding is committing).</summary>
    private readonly System.Diagnostics.Stopwatch _engine = new();

    /// <summary>
    /// Matches right after the payments were stored: they are safely in whatever happens here, so
    /// Billing being unreachable leaves them in the exceptions queue (and an import for the
    /// worker to match again) instead of failing the call. Null when matching could not run.
    /// </summary>
    public async Task<int?> TryMatchAsync(string key, IQueryable<Payment> payments, CancellationToken ct)
    {
        try
        {
            return await MatchAsync(key, payments, ct);
        }
        catch (RpcException e)
        {
            logger.LogWarning("Matching {Key} could not read Billing ({Status}); its payments wait for the next pass", key, e.StatusCode);
            return null;
        }
    }

    /// <summary>Matches the unapplied payments the query selects; returns how many were applied.</summary>
    /// <param name="key">Names the batch (an import's id, a recorded payment's id) for idempotency.</param>
    public async Task<int> MatchAsync(string key, IQueryable<Payment> payments, CancellationToken ct)
    {
        var request = new StringValue { Value = key };
        if (await commands.FindReplayAsync<Int32Value>("AutoApply", key, request, ct) is { } done) return done.Value;
        var unapplied = payments.Where(p => p.Status == PaymentStatus.Unapplied);
        var currencies = await unapplied.Select(p => p.Currency).Distinct().ToListAsync(ct);
        if (currencies.Count == 0) return 0;
        var accounts = await unapplied.Where(p => p.PayerAccount != "").Select(p => p.PayerAccount).Distinct().ToListAsync(ct);
        var references = await unapplied.SelectMany(p => p.Remittance, (_, r) => r.Reference).Distinct().ToListAsync(ct);
        var reading = System.Diagnostics.Stopwatch.StartNew();
        var result = await shared.WithIndexAsync(currencies, accounts, references, loader, index =>
        {
            metrics.Stage("read_billing", reading.Elapsed);
            var deciding = System.Diagnostics.Stopwatch.StartNew();
            return commands.ExecuteAsync("AutoApply", key, request, async token =>
            {
                var applied = 0;
                var after = "";
                while (true)
                {
                    var batch = await unapplied.Where(p => string.Compare(p.Id, after) > 0).OrderBy(p => p.Id).Take(Batch).ToListAsync(token);
                    if (batch.Count == 0) break;
                    await ledger.PrepareAsync(batch, token);
                    foreach (var payment in batch)
                        if (Apply(payment, index)) applied++;
                    after = batch[^1].Id;
                    await ledger.SaveBatchAsync(token);
                }
                metrics.AutoApplied.Add(applied);
                metrics.Stage("match", _engine.Elapsed);
                metrics.Stage("commit", deciding.Elapsed - _engine.Elapsed);
                return new Int32Value { Value = applied };
            }, ct);
        }, ct);
        return result.Value;
    }

    private bool Apply(Payment payment, MatchIndex index)
    {
        _engine.Start();
        var decision = MatchingEngine.Decide(MatchContextLoader.ToMatch(payment), index, matchPolicy.Value);
        _engine.Stop();
        if (decision.AutoApply is not { } proposal)
        {
            metrics.LeftForPeople.Add(1);
            return false;
        }
        var remittance = payment.Remittance.OrderBy(r => r.LineNumber).Select(r => new RemittanceNote(r.Reference, r.AdjustmentReason)).ToList();
        var plan = SettlementPlanner.Plan(proposal, payment.UnappliedAmount, remittance, payment.Text, outcomePolicy.Value);
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
            AppliedBy = caller.Actor,
            CorrelationId = caller.CorrelationId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
        // What this payment settled is gone for the next one; a deduction's part stays open (disputed).
        foreach (var line in plan.Lines)
            index.Consume(line.InvoiceId, line.Amount + (line.Treatment is ShortfallTreatment.Deduction or ShortfallTreatment.LeaveOpen ? 0m : line.Shortfall));
        return true;
    }

    /// <summary>The payment's remittance lines that name one of the invoices applied (for the line-level match rate).</summary>
    private static int RemittanceLinesMatched(Payment payment, SettlementPlan plan)
    {
        var keys = plan.Lines.SelectMany(l => InvoiceNumbers.Keys(l.InvoiceNumber)).ToHashSet(StringComparer.Ordinal);
        return payment.Remittance.Count(r => InvoiceNumbers.Keys(r.Reference).Any(keys.Contains));
    }
}
