using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Dunning;

/// <summary>One step of a cadence: so many days from the due date (negative before it), a channel and a template.</summary>
public sealed record DunningStep(string Name, int OffsetDays, DunningChannel Channel, string Template);

/// <summary>
/// Configuration section <c>Collections:Dunning</c>: a cadence per customer segment (the
/// "DEFAULT" one for segments without their own), when the daily run happens, and how long a
/// promise or instalment may be late before it counts as broken.
/// </summary>
public sealed class DunningOptions
{
    public const string DefaultPolicy = "DEFAULT";

    /// <summary>Cadences by segment; appsettings.json carries the house default (DOMAIN.md's −3 … +60).</summary>
    public Dictionary<string, List<DunningStep>> Policies { get; init; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Hour of the day (UTC) the service runs dunning by itself; a negative value turns the schedule off.</summary>
    public int DailyRunHourUtc { get; init; } = 6;

    /// <summary>Days after a promised or instalment date that a payment still keeps it.</summary>
    public int PromiseGraceDays { get; init; } = 2;

    /// <summary>The cadence for a segment, steps in offset order.</summary>
    public IReadOnlyList<DunningStep> CadenceFor(string segment) =>
        (Policies.TryGetValue(segment, out var steps) ? steps : Policies.GetValueOrDefault(DefaultPolicy) ?? [])
            .OrderBy(s => s.OffsetDays).ToList();
}
