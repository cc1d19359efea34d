using ArPlatform.AppHost.Dashboard;

namespace ArPlatform.AppHost.Orchestration;

/// <summary>
/// One console for every resource: each line prefixed with its resource's name, and kept per
/// resource for the dashboard.
/// </summary>
public sealed class ConsoleLog(LogBuffer buffer)
{
    public const string AppHost = "apphost";
    private readonly Lock _gate = new();
    private readonly int _width = new[] { AppHost, "collections", Resources.Topology.Prometheus }.Max(n => n.Length);

    public void Write(string resource, string? line)
    {
        if (line is null) return;
        buffer.Append(resource, line);
        lock (_gate) Console.Out.WriteLine($"{resource.PadRight(_width)} | {line}");
    }

    public void Info(string line) => Write(AppHost, line);
}
