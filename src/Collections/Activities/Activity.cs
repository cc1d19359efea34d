using ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Collections.Activities;

/// <summary>A call, e-mail or note on an account, as the collector recorded it (card numbers masked).</summary>
public sealed class Activity
{
    public required string Id { get; init; }
    public required string CustomerId { get; init; }
    public ActivityType Type { get; init; }
    public required string Text { get; init; }
    public required string Actor { get; init; }
    public DateTime At { get; init; }
}
