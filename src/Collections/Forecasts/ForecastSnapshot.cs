namespace ArPlatform.Collections.Forecasts;

/// <summary>What a forecast made on <see cref="MadeOn"/> expected for a week: kept to measure accuracy once the week is past.</summary>
public sealed class ForecastSnapshot
{
    public DateOnly WeekStart { get; init; }
    public required string Currency { get; init; }
    public DateOnly MadeOn { get; init; }
    public decimal Expected { get; set; }
}
