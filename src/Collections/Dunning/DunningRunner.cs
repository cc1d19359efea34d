using System.Diagnostics;
using ArPlatform.Collections.BillingReads;
using ArPlatform.Collections.Credit;
using ArPlatform.Collections.Data;
using ArPlatform.Collections.Grpc;
using ArPlatform.Collections.Mail;
using ArPlatform.Collections.Promises;
using ArPlatform.Contracts.Collections.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Collections.Dunning;

/// <summary>
/// A dunning run: decide promises and plans, stream every open invoice from Billing through the
/// cadence rules, place the holds the credit policy calls for, then write the actions, one
/// letter per customer, the month's statements and each account's standing in one transaction.
/// The unique (invoice, step) key makes a repeated or concurrent run take each step once.
/// </summary>
public sealed class DunningRunner(
    CollectionsDbContext db, BillingReader billing, PromiseService promises, CommandExecutor<CollectionsDbContext> commands,
    DunningHistory history, DunningWriter writer, MailDispatcher mail, CallerContext caller, IOptions<DunningOptions> dunning, IOptions<CreditOptions> credit,
    IOptions<MailOptions> mailOptions,
    CollectionsMetrics metrics, TimeProvider clock, ILogger<DunningRunner> logger)
{
    /// <summary>Actions and skips listed in a run's answer; ListDunningActions pages through all.</summary>
    private const int ListedAtMost = 1000;
    private static readonly SemaphoreSlim OneRunAtATime = new(1, 1);

    public async Task<DunningRun> RunAsync(RunDunningRequest request, bool scheduled, CancellationToken ct)
    {
        var v = new Validator().MaxLength("customer_id", request.CustomerId, 26);
        var asOf = v.Date("as_of", request.AsOf) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        v.ThrowIfInvalid();
        var customerId = request.CustomerId.Length > 0 ? request.CustomerId : null;
        await OneRunAtATime.WaitAsync(ct);
        try
        {
            if (!request.DryRun) await EnsureNotBeforeLastRunAsync(asOf, ct);
            var started = clock.GetUtcNow().UtcDateTime;
            var stopwatch = Stopwatch.StartNew();
            var settlement = await promises.DecideAsync(asOf, customerId, ct);
            var customers = customerId is null
                ? await billing.CustomersAsync(collector: null, ct)
                : new Dictionary<string, Billing.Customer> { [customerId] = await billing.CustomerAsync(customerId, ct) };
            var profiles = await db.Profiles.AsNoTracking().Where(p => customerId == null || p.CustomerId == customerId)
                .ToDictionaryAsync(p => p.CustomerId, StringComparer.Ordinal, ct);
            var furthest = await history.FurthestStepsAsync(customerId, ct);
            var read = stopwatch.Elapsed;
            var pass = new DunningPass(asOf, dunning.Value, customers, furthest, settlement.Covers(), () => Ulid.NewUlid().ToString(), started);
            // Kept only for the accounts whose monthly statement is due today.
            var statementInvoices = new List<OpenInvoice>();
            await foreach (var invoice in billing.OpenInvoicesAsync(customerId, ct))
            {
                pass.Consider(invoice);
                if (StatementSchedule.IsDue(profiles.GetValueOrDefault(invoice.CustomerId)?.StatementDayOfMonth ?? 0, mailOptions.Value.StatementDayOfMonth, asOf))
                    statementInvoices.Add(invoice);
            }
            var holds = pass.Holds(credit.Value, profiles);
            var decided = stopwatch.Elapsed;

            var written = new DunningWriter.Result(pass.Actions, 0, 0);
            var held = decided;
            if (!request.DryRun)
            {
                var trigger = new KeyValuePair<string, object?>("trigger", scheduled ? "schedule" : "request");
                try
                {
                    await commands.ExecuteAsync("SettleAndHold", $"run-{Ulid.NewUlid()}", request, async token =>
                    {
                        promises.Apply(settlement, asOf);
                        await PlaceHoldsAsync(holds, token);
                        return new DunningRun();
                    }, ct);
                    held = stopwatch.Elapsed;
                    await using (await WalCheckpoints.DeferAsync(db, ct))
                    {
                        written = await writer.WriteAsync(asOf, customerId, pass, customers, statementInvoices, ct);
                        db.Add(new DunningRunRecord
                        {
                            AsOf = asOf, Scheduled = scheduled, Actor = caller.Actor, StartedAt = started, FinishedAt = clock.GetUtcNow().UtcDateTime,
                            InvoicesExamined = pass.Examined, Actions = written.Actions.Count, Messages = written.Letters + written.Statements,
                        });
                        await db.SaveChangesAsync(ct);
                    }
                }
                catch (Exception e) when (e is not OperationCanceledException)
                {
                    // What an alert watches: a run that decided but could not write.
                    metrics.DunningRuns.Add(1, new("outcome", "failed"), trigger);
                    throw;
                }
                metrics.DunningRuns.Add(1, new("outcome", "completed"), trigger);
                foreach (var a in written.Actions) metrics.DunningActions.Add(1, new("step", a.Step), new("channel", a.Channel.ToString()));
                foreach (var reason in holds.Values) metrics.CreditHolds.Add(1, new KeyValuePair<string, object?>("reason", reason.ToString()));
                // Sent in the background: the run has committed, and the mail worker catches up on anything left.
                _ = Task.Run(() => mail.SendDueAsync(CancellationToken.None), CancellationToken.None);
            }
            metrics.DunningRunSeconds.Record(stopwatch.Elapsed.TotalSeconds);
            logger.LogInformation(
                "Dunning run as of {AsOf} (dry run {DryRun}): {Invoices} invoices, {Actions} actions, {Holds} holds in {Seconds:F1} s " +
                "(promises, customers and history {Read:F1} s, the pass over the open invoices {Pass:F1} s, decisions and holds {HoldSeconds:F1} s, " +
                "actions, letters and standings {Write:F1} s)",
                asOf, request.DryRun, pass.Examined, written.Actions.Count, holds.Count, stopwatch.Elapsed.TotalSeconds,
                read.TotalSeconds, (decided - read).TotalSeconds, (held - decided).TotalSeconds, (stopwatch.Elapsed - held).TotalSeconds);
            return new DunningRun
            {
                AsOf = asOf.ToText(), DryRun = request.DryRun,
                Actions = { written.Actions.Take(ListedAtMost).Select(a => a.ToProto(a.MessageId is null ? "DONE" : "PENDING")) },
                Skipped = { settlement.Undecidable.Concat(pass.Skipped).Take(ListedAtMost) },
                ActionsTaken = written.Actions.Count, SkippedCount = settlement.Undecidable.Count + pass.SkippedCount,
                InvoicesExamined = pass.Examined, MessagesQueued = written.Letters, StatementsQueued = written.Statements,
                HoldsPlaced = holds.Count, PromisesKept = settlement.Kept, PromisesBroken = settlement.Broken, PlansDefaulted = settlement.Defaulted,
            };
        }
        finally
        {
            OneRunAtATime.Release();
        }
    }

    /// <summary>
    /// A run writes steps, standings and decisions as of its date: going back before a run that
    /// already wrote would take earlier steps after later ones and roll standings back. A dry run
    /// writes nothing, so it may preview any date.
    /// </summary>
    private async Task EnsureNotBeforeLastRunAsync(DateOnly asOf, CancellationToken ct)
    {
        var last = await db.DunningRuns.AsNoTracking().MaxAsync(r => (DateOnly?)r.AsOf, ct);
        if (last > asOf)
            throw new RequestValidationException([new FieldViolation("as_of",
                $"must not be before {last.ToText()}, the date of the last dunning run (a dry run may preview any date)")]);
    }

    /// <summary>
    /// Holds, each audited as the system's. Profiles are read again inside the command (another
    /// replica may have created one since the pass); those new to Collections go in in bulk.
    /// </summary>
    private async Task PlaceHoldsAsync(Dictionary<string, HoldReason> holds, CancellationToken ct)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var created = new List<AccountProfile>();
        foreach (var chunk in holds.Keys.Chunk(500))
        {
            var profiles = await db.Profiles.Where(p => chunk.Contains(p.CustomerId)).ToDictionaryAsync(p => p.CustomerId, StringComparer.Ordinal, ct);
            foreach (var customerId in chunk)
            {
                if (!profiles.TryGetValue(customerId, out var profile)) created.Add(profile = new AccountProfile { CustomerId = customerId });
                else if (profile.OnHold) continue;
                var before = profile.ToProto();
                profile.Hold(holds[customerId], "system", $"automatic: {holds[customerId]}", now);
                commands.Audit("credit_profile", customerId, before, profile.ToProto());
            }
        }
        await db.InsertAllAsync(created, ct);
    }
}
