using System.Net;
using System.Net.Sockets;

namespace ArPlatform.AppHost.Resources;

public static class PortAllocator
{
    /// <summary>A loopback port free right now (the OS picks it). 0 in <paramref name="requested"/> means "any".</summary>
    public static int Free(int requested = 0)
    {
        using var listener = new TcpListener(IPAddress.Loopback, requested);
        try
        {
            listener.Start();
        }
        catch (SocketException)
        {
            throw new InvalidOperationException(
                $"Port {requested} is already in use; choose another (see --help) or pass 0 for any free port.");
        }
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    public static PortPlan Plan(AppHostOptions options, IEnumerable<string> services)
    {
        var plan = services.ToDictionary(
            s => s,
            s => s == Topology.Gateway
                ? (Free(options.GatewayHttpPort), Free(options.GatewayGrpcPort))
                : (Free(), Free()));
        return new PortPlan(Free(), plan);
    }
}
