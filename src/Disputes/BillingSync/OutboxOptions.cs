namespace ArPlatform.Disputes.BillingSync;

/// <summary>Configuration section <c>Disputes:Outbox</c>.</summary>
public sealed class OutboxOptions
{
    /// <summary>Deliver a command's changes as soon as it commits (the worker catches up on anything missed).</summary>
    public bool DeliverAfterCommit { get; init; } = true;
    /// <summary>How often the worker looks for undelivered changes; 0 turns the worker off.</summary>
    public int PollSeconds { get; init; } = 5;
    /// <summary>Longest wait between attempts at one change.</summary>
    public int MaxBackoffSeconds { get; init; } = 300;
}
