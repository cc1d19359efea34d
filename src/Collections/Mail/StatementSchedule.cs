namespace ArPlatform.Collections.Mail;

/// <summary>When a customer's monthly statement goes out: their own day of the month, else the service's.</summary>
public static class StatementSchedule
{
    /// <summary>Whether today is the statement day; a day past the month's end means its last day.</summary>
    public static bool IsDue(int customerDay, int defaultDay, DateOnly today)
    {
        var day = customerDay > 0 ? customerDay : defaultDay;
        return day > 0 && Math.Min(day, DateTime.DaysInMonth(today.Year, today.Month)) == today.Day;
    }
}
