using Microsoft.AspNetCore.Http;

namespace ArPlatform.AppHost.Dashboard;

/// <summary>
/// The Host names the dashboard answers to: its own port on localhost, 127.0.0.1 or [::1]. A
/// browser sends the name it resolved, so a page whose name was rebound to 127.0.0.1 (DNS
/// rebinding) still sends its own name and is refused before any route runs.
/// </summary>
internal static class LoopbackHost
{
    private static readonly string[] Names = ["localhost", "127.0.0.1", "[::1]"];

    public static bool Allows(HostString host, int port) =>
        host.HasValue
        && host.Port.GetValueOrDefault(80) == port
        && Names.Contains(host.Host, StringComparer.OrdinalIgnoreCase);

    /// <summary>421 Misdirected Request: this server is not the one that name belongs to.</summary>
    public static Task RefuseAsync(HttpContext context)
    {
        context.Response.StatusCode = StatusCodes.Status421MisdirectedRequest;
        return context.Response.WriteAsync("The dashboard answers only to localhost, 127.0.0.1 and [::1] on its own port.");
    }
}
