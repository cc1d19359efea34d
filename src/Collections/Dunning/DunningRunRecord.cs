namespace ArPlatform.Collections.Dunning;

/// <summary>A dunning run that wrote its decisions: when, for which date, by whom, with what result.</summary>
public sealed class DunningRunRecord
{
    public long Id { get; init; }
    public DateOnly AsOf { get; init; }
    /// <summary>Started by the daily schedule rather than a person.</summary>
    public bool Scheduled { get; init; }
    public required string Actor { get; init; }
    public DateTime StartedAt { get; init; }
    public DateTime FinishedAt { get; init; }
    public int InvoicesExamined { get; init; }
    public int Actions { get; init; }
    public int Messages { get; init; }
}
