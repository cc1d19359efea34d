using ArPlatform.SharedKernel;

namespace ArPlatform.Billing.Subscriptions;

/// <summary>A stretch of one period under one plan, and what it costs before tax.</summary>
public sealed record PlanSegment(SubscriptionPlan Plan, DateOnly From, DateOnly To, int Days, int PeriodDays, decimal Amount)
{
    public bool IsFullPeriod => Days == PeriodDays;
}

/// <summary>
/// Calendar billing periods and day-based proration. A period is a calendar month, quarter or
/// year; a stretch of it under a plan costs quantity × unit price × days / days in the period,
/// rounded to the currency — so a full period costs exactly the plan's price, and a start on
/// 10 November in a monthly plan costs 21/30 of it.
/// </summary>
public static class Proration
{
    public static int Months(BillingInterval interval) => interval switch
    {
        BillingInterval.Quarterly => 3,
        BillingInterval.Annual => 12,
        _ => 1,
    };

    public static DateOnly PeriodStart(DateOnly day, BillingInterval interval)
    {
        var months = Months(interval);
        return new DateOnly(day.Year, (day.Month - 1) / months * months + 1, 1);
    }

    public static DateOnly PeriodEnd(DateOnly day, BillingInterval interval) =>
        PeriodStart(day, interval).AddMonths(Months(interval)).AddDays(-1);

    /// <summary>
    /// The segments of [<paramref name="from"/>, <paramref name="to"/>] (inside one period) under
    /// each plan in force, in date order; a plan of quantity 0 costs nothing.
    /// </summary>
    public static IReadOnlyList<PlanSegment> Segments(
        IReadOnlyList<SubscriptionPlan> plans, DateOnly from, DateOnly to, BillingInterval interval, Currency currency)
    {
        var periodStart = PeriodStart(from, interval);
        if (PeriodStart(to, interval) != periodStart) throw new ArgumentException("A segment never crosses a period.", nameof(to));
        var periodDays = PeriodEnd(from, interval).DayNumber - periodStart.DayNumber + 1;
        var ordered = plans.OrderBy(p => p.EffectiveFrom).ToList();
        var segments = new List<PlanSegment>();
        for (var i = 0; i < ordered.Count; i++)
        {
            var start = Max(ordered[i].EffectiveFrom, from);
            var end = i + 1 < ordered.Count ? Min(ordered[i + 1].EffectiveFrom.AddDays(-1), to) : to;
            if (end < start) continue;
            var days = end.DayNumber - start.DayNumber + 1;
            var amount = currency.Round(ordered[i].Quantity * ordered[i].UnitPrice * days / periodDays);
            segments.Add(new PlanSegment(ordered[i], start, end, days, periodDays, amount));
        }
        return segments;
    }

    private static DateOnly Max(DateOnly a, DateOnly b) => a > b ? a : b;

    private static DateOnly Min(DateOnly a, DateOnly b) => a < b ? a : b;
}
