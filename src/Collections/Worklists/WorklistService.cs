using ArPlatform.Collections.Data;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Worklists;

/// <summary>
/// The collector's list: the latest run's account standings, filtered to a portfolio, with each
/// account's profile, promise and plan, ranked by <see cref="WorklistRanking"/>.
/// </summary>
public sealed class WorklistService(CollectionsDbContext db, CallerContext caller)
{
    public async Task<Proto.Worklist> GetAsync(Proto.GetWorklistRequest request, CancellationToken ct)
    {
        var v = new Validator().MaxLength("collector", request.Collector, 100).MaxLength("region", request.Region, 16).MaxLength("segment", request.Segment, 64);
        var min = v.Decimal("min_open_amount", request.MinOpenAmount);
        var max = v.Decimal("max_open_amount", request.MaxOpenAmount);
        if (min > max) v.Add("max_open_amount", "must not be below min_open_amount");
        var size = PageRequest.Parse(request.PageSize, "", v).Size;
        v.ThrowIfInvalid();
        // A collector without a wider role works their own portfolio, whatever they ask for.
        var collector = caller.PortfolioOwner ?? request.Collector;

        var standings = db.Standings.AsNoTracking();
        if (collector.Length > 0) standings = standings.Where(s => s.Collector == collector);
        if (request.Region.Length > 0) standings = standings.Where(s => s.Region == request.Region);
        if (request.Segment.Length > 0) standings = standings.Where(s => s.Segment == request.Segment);
        var rows = (await standings.ToListAsync(ct))
            .Where(s => (min is null || s.Open >= min) && (max is null || s.Open < max)).ToList();
        // The portfolio's profiles, promises and plans by subquery: a portfolio has tens of
        // thousands of accounts, too many to send back as a list of ids.
        var accounts = standings.Select(s => s.CustomerId);
        var profiles = await db.Profiles.AsNoTracking().Where(p => accounts.Contains(p.CustomerId)).ToDictionaryAsync(p => p.CustomerId, ct);
        var promises = (await db.Promises.AsNoTracking().Where(p => accounts.Contains(p.CustomerId)).ToListAsync(ct))
            .GroupBy(p => p.CustomerId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Id, StringComparer.Ordinal)!);
        var plans = (await db.Plans.AsNoTracking().Where(p => accounts.Contains(p.CustomerId)).ToListAsync(ct))
            .GroupBy(p => p.CustomerId).ToDictionary(g => g.Key, g => g.MaxBy(p => p.Id, StringComparer.Ordinal)!);

        var facts = rows.Select(s =>
        {
            var profile = profiles.GetValueOrDefault(s.CustomerId);
            var promise = promises.GetValueOrDefault(s.CustomerId);
            var plan = plans.GetValueOrDefault(s.CustomerId);
            return new AccountFacts
            {
                CustomerId = s.CustomerId, CustomerName = s.CustomerName, Collector = s.Collector, Currency = s.Currency,
                Open = s.Open, PastDue = s.PastDue, DaysLate = s.DaysLate, Disputed = s.Disputed,
                Risk = profile?.Risk ?? Proto.RiskRating.Medium, Strategic = profile?.Strategic == true, OnHold = profile?.OnHold == true,
                Promise = promise is { Status: Proto.PromiseStatus.Open or Proto.PromiseStatus.Broken } && promise.Currency == s.Currency
                    ? (promise.Amount - promise.Paid, promise.PromisedDate, promise.Status == Proto.PromiseStatus.Broken)
                    : null,
                PlanActive = plan?.Status == Proto.PaymentPlanStatus.Active,
                PlanDefaulted = plan?.Status == Proto.PaymentPlanStatus.Defaulted,
                NextDunningStep = s.NextStepDate is { } date ? (s.NextStep, date) : null,
            };
        });
        var ranked = WorklistRanking.Rank(facts).Take(size).ToList();
        return new Proto.Worklist
        {
            AsOf = rows.Count > 0 ? rows.Max(s => s.AsOf).ToText() : "",
            Rows =
            {
                ranked.Select((r, i) => new Proto.WorklistRow
                {
                    Rank = i + 1, CustomerId = r.Account.CustomerId, CustomerName = r.Account.CustomerName, Collector = r.Account.Collector,
                    PastDue = MoneyMapping.ToProto(r.Account.PastDue, r.Account.Currency), Open = MoneyMapping.ToProto(r.Account.Open, r.Account.Currency),
                    DaysLate = r.Account.DaysLate, RiskRating = r.Account.Risk, Strategic = r.Account.Strategic,
                    Score = r.Score.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
                    Reasons = { r.Reasons }, NextAction = r.NextAction,
                }),
            },
        };
    }
}
