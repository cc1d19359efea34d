using ArPlatform.Collections.Data;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Allowance;

/// <summary>
/// The allowance for doubtful accounts by the aging method, from Billing's aging by currency,
/// against the allowance last booked; booking it (a controller's act) records the new balance.
/// </summary>
public sealed class AllowanceService(
    CollectionsDbContext db, CommandExecutor<CollectionsDbContext> commands, Billing.BillingService.BillingServiceClient billing,
    CallerContext caller, IOptions<AllowanceOptions> options, TimeProvider clock)
{
    public async Task<Proto.AllowanceCalculation> CalculateAsync(Proto.CalculateAllowanceRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var asOf = v.Date("as_of", request.AsOf) ?? DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
        if (request.Book) v.RequestId(request.RequestId);
        v.ThrowIfInvalid();
        if (request.Book && !caller.IsInAnyRole([Roles.Controller]))
            throw new PermissionDeniedException("CONTROLLER_ONLY", "Only a controller books the allowance; anyone who reads the ledger may calculate it.");
        if (request.Book && await commands.FindReplayAsync<Proto.AllowanceCalculation>("BookAllowance", request.RequestId, request, ct) is { } replay) return replay;

        var aging = await billing.GetAgingReportAsync(new Billing.GetAgingReportRequest { AsOf = asOf.ToText(), GroupBy = Billing.AgingGroupBy.Currency }, cancellationToken: ct);
        var booked = await BookedAsync(ct);
        var calculation = new Proto.AllowanceCalculation { AsOf = asOf.ToText() };
        foreach (var total in aging.Totals.OrderBy(t => t.Currency, StringComparer.Ordinal))
        {
            var currency = Currency.Of(total.Currency);
            var lines = AllowanceCalculator.Lines(options.Value, currency.Round, total.Current.ToDecimal(), total.Days1To30.ToDecimal(),
                total.Days31To60.ToDecimal(), total.Days61To90.ToDecimal(), total.Over90.ToDecimal());
            var last = booked.GetValueOrDefault(total.Currency);
            var writtenOff = await WrittenOffSinceAsync(total.Currency, last?.At, ct);
            calculation.Currencies.Add(new Proto.AllowanceCurrency
            {
                Currency = total.Currency,
                Buckets =
                {
                    lines.Select(l => new Proto.AllowanceBucket
                    {
                        Bucket = l.Bucket, Receivable = MoneyMapping.ToProto(l.Receivable, total.Currency),
                        Percent = DecimalText.Format(l.Percent), Allowance = MoneyMapping.ToProto(l.Allowance, total.Currency),
                    }),
                },
                Required = MoneyMapping.ToProto(lines.Sum(l => l.Allowance), total.Currency),
                Booked = MoneyMapping.ToProto(last?.Amount ?? 0m, total.Currency),
                WrittenOffSince = MoneyMapping.ToProto(writtenOff, total.Currency),
                Adjustment = MoneyMapping.ToProto(AllowanceCalculator.Adjustment(lines, last?.Amount ?? 0m, writtenOff), total.Currency),
                DebitAccount = options.Value.DebitAccount, CreditAccount = options.Value.CreditAccount,
            });
        }
        if (!request.Book) return calculation;
        return await commands.ExecuteAsync("BookAllowance", request.RequestId, request, _ =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            foreach (var c in calculation.Currencies)
                db.AllowanceBookings.Add(new AllowanceBooking { AsOf = asOf, Currency = c.Currency, Amount = c.Required.ToDecimal(), BookedBy = caller.Actor, At = now });
            calculation.Booked = true;
            commands.Audit("allowance", asOf.ToText(), null, calculation);
            return Task.FromResult(calculation);
        }, ct);
    }

    /// <summary>The latest booking per currency.</summary>
    private async Task<Dictionary<string, AllowanceBooking>> BookedAsync(CancellationToken ct)
    {
        var latest = await db.AllowanceBookings.AsNoTracking().GroupBy(b => b.Currency).Select(g => g.Max(b => b.Id)).ToListAsync(ct);
        return await db.AllowanceBookings.AsNoTracking().Where(b => latest.Contains(b.Id)).ToDictionaryAsync(b => b.Currency, StringComparer.Ordinal, ct);
    }

    /// <summary>
    /// The write-offs Collections posted to Billing (the only way an invoice is written off) approved
    /// after the booking: the booking set the allowance from an aging that still held them.
    /// </summary>
    private async Task<decimal> WrittenOffSinceAsync(string currency, DateTime? bookedAt, CancellationToken ct)
    {
        var posted = db.WriteOffs.AsNoTracking().Where(w => w.Status == Proto.WriteOffStatus.Posted && w.Currency == currency);
        if (bookedAt is { } at) posted = posted.Where(w => w.DecidedAt > at);
        return await posted.SumAsync(w => w.Amount, ct);
    }
}
