using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace ArPlatform.AppHost.Dashboard;

/// <summary>
/// AppHost's dashboard, as Aspire's on <c>http://localhost:18888</c>: one page (every resource's
/// state, pid, uptime, restarts, endpoints, health, RED and business numbers, refreshed every
/// two seconds; the console of the one selected) and the JSON it reads. Loopback only: it shows
/// logs, and is for the developer at this machine. Listening on loopback is not enough on its
/// own: a web page from elsewhere can rebind its own name to 127.0.0.1 and read these routes as
/// its origin, so every request must also name this dashboard as its Host
/// (<see cref="LoopbackHost"/>).
/// </summary>
internal static class DashboardServer
{
    private const string PageResource = "ArPlatform.AppHost.Dashboard.index.html";

    public static async Task<WebApplication> StartAsync(int port, ResourceMonitor monitor, LogBuffer logs, TimeProvider clock, CancellationToken ct)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(k => k.ListenLocalhost(port));
        var app = builder.Build();
        app.Use((context, next) => LoopbackHost.Allows(context.Request.Host, port)
            ? next(context)
            : LoopbackHost.RefuseAsync(context));

        var page = await ReadPageAsync();
        app.MapGet("/", () => Results.Content(page, "text/html; charset=utf-8"));
        app.MapGet("/api/resources", () => Results.Json(new { at = clock.GetUtcNow(), resources = monitor.Snapshot() }));
        app.MapGet("/api/resources/{name}/logs", (string name, long? after) => Results.Json(logs.Since(name, after ?? 0)));
        await app.StartAsync(ct);
        return app;
    }

    private static async Task<string> ReadPageAsync()
    {
        await using var stream = typeof(DashboardServer).Assembly.GetManifestResourceStream(PageResource)
                                 ?? throw new InvalidOperationException($"{PageResource} is not embedded in AppHost.");
        using var reader = new StreamReader(stream);
        return await reader.ReadToEndAsync();
    }
}
