using ArPlatform.Billing.Reports;

namespace ArPlatform.Billing.Tests.Domain;

public class OpenInvoiceScanTests
{
    [Fact]
    public void Due_date_ranges_cover_the_span_day_by_day_without_overlap_and_about_evenly()
    {
        var first = new DateOnly(2026, 7, 1);
        var last = new DateOnly(2026, 12, 27);

        var ranges = OpenInvoiceScan.DueDateRanges(first, last, 8);

        Assert.Equal(8, ranges.Count);
        Assert.Equal(first, ranges[0].From);
        Assert.Equal(last, ranges[^1].To);
        for (var i = 1; i < ranges.Count; i++) Assert.Equal(ranges[i - 1].To.AddDays(1), ranges[i].From);
        // 180 days in 8 ranges: 22 or 23 days each.
        Assert.All(ranges, r => Assert.InRange(r.To.DayNumber - r.From.DayNumber + 1, 22, 23));
    }

    [Fact]
    public void A_span_shorter_than_the_ranges_asked_gets_one_range_per_day()
    {
        var day = new DateOnly(2026, 11, 30);

        Assert.Equal([(day, day)], OpenInvoiceScan.DueDateRanges(day, day, 8));
        Assert.Equal([(day, day), (day.AddDays(1), day.AddDays(1))], OpenInvoiceScan.DueDateRanges(day, day.AddDays(1), 8));
    }
}
