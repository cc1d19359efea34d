namespace ArPlatform.CashApplication.Applications;

/// <summary>Configuration section <c>CashApplication:Dispatch</c>: carrying applications out in Billing and Disputes.</summary>
public sealed class DispatchOptions
{
    /// <summary>Deliver as soon as the command commits (the worker catches up on anything missed).</summary>
    public bool DeliverAfterCommit { get; init; } = true;
    /// <summary>How often the worker looks for applications with work left; 0 turns the worker off.</summary>
    public int PollSeconds { get; init; } = 5;
    /// <summary>Longest wait between attempts at one application.</summary>
    public int MaxBackoffSeconds { get; init; } = 300;
    /// <summary>Follow-ups delivered one by one (reversals, retries) carried out at once; first applications and deductions go in batches.</summary>
    public int Concurrency { get; init; } = 8;
}
