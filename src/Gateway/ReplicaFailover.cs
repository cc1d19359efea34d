using System.Net.Sockets;
using Yarp.ReverseProxy.Forwarder;
using Yarp.ReverseProxy.Model;

namespace ArPlatform.Gateway;

/// <summary>
/// A call that finds a replica gone — its connection refused, as when the process died or is
/// restarting, before the health checks have noticed — goes to another replica of the same
/// service. Nothing reached the gone one, so nothing can happen twice, and the request's body has
/// not been read, so it goes whole. A JSON read (GET) that got no answer goes to another replica
/// too, since reading twice changes nothing. Any other failure (a command whose connection was
/// lost mid-call) is answered to the caller as it was: the command may have been carried out,
/// and only the caller's retry with the same request id is safe.
/// </summary>
internal static class ReplicaFailover
{
    public static async Task SendElsewhereIfRefusedAsync(HttpContext context, RequestDelegate next)
    {
        var proxy = context.GetReverseProxyFeature();
        // Load balancing narrows the list to the one it picked: the healthy replicas, as they were.
        var candidates = proxy.AvailableDestinations;
        await next(context);
        var refused = new List<DestinationState>();
        while (!context.Response.HasStarted && Refused(context) && proxy.ProxiedDestination is { } gone)
        {
            refused.Add(gone);
            var others = candidates.Where(d => !refused.Contains(d)).ToList();
            if (others.Count == 0) return;
            proxy.AvailableDestinations = others;
            context.Features.Set<IForwarderErrorFeature>(null);
            context.Response.StatusCode = StatusCodes.Status200OK;
            await next(context);
        }
    }

    /// <summary>Refused before anything was sent, or any failure to get an answer to a read (a GET may be repeated).</summary>
    private static bool Refused(HttpContext context)
    {
        if (context.Features.Get<IForwarderErrorFeature>() is not { Error: ForwarderError.Request } error) return false;
        if (HttpMethods.IsGet(context.Request.Method)) return true;
        for (var e = error.Exception; e is not null; e = e.InnerException)
            if (e is SocketException { SocketErrorCode: SocketError.ConnectionRefused }) return true;
        return false;
    }
}
