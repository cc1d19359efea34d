namespace ArPlatform.AppHost.Dashboard;

public sealed record EndpointView(string Name, string Url);

/// <summary>One resource as the dashboard shows it.</summary>
public sealed record ResourceView(
    string Name,
    string Type,
    string State,
    string Health,
    int? Pid,
    DateTimeOffset? StartedAt,
    int Restarts,
    int? LastExitCode,
    IReadOnlyList<EndpointView> Endpoints,
    RedFigures? Red,
    IReadOnlyList<Figure> Figures)
{
    /// <summary>
    /// The colour an SRE reads first: "up" (running and its health check answers), "starting"
    /// (the stack's first start), or "down": it crashed and is waiting to restart or still coming
    /// back, was stopped, or its health check fails.
    /// </summary>
    public string Status => (State, Health, Restarts) switch
    {
        ("Running", "Healthy", _) => "up",
        ("Waiting" or "Starting", _, 0) or ("Running", "Unknown", _) => "starting",
        _ => "down",
    };
}
