using System.Net;
using System.Net.Sockets;

namespace ArPlatform.AppHost.Resources;

public static class PortAllocator
{
    // Below Linux' ephemeral range (32768–60999): a port the OS hands out for outgoing
    // connections could otherwise be taken by a probe or a Redis client between planning and
    // the service's bind, and the service would crash-loop on "address already in use".
    private const int RangeStart = 20000;
    private const int RangeEnd = 32768;

    /// <summary>
    /// <paramref name="requested"/> if it is free, or (for 0) a free loopback port outside the
    /// ephemeral range that is not in <paramref name="taken"/>.
    /// </summary>
    public static int Free(int requested, ISet<int> taken)
    {
        if (requested != 0)
        {
            if (!IsFree(requested))
                throw new InvalidOperationException(
                    $"Port {requested} is already in use; choose another (see --help) or pass 0 for any free port.");
            taken.Add(requested);
            return requested;
        }
        for (var attempt = 0; attempt < 1000; attempt++)
        {
            var port = Random.Shared.Next(RangeStart, RangeEnd);
            if (!taken.Contains(port) && IsFree(port))
            {
                taken.Add(port);
                return port;
            }
        }
        throw new InvalidOperationException($"No free loopback port between {RangeStart} and {RangeEnd}.");
    }

    private static bool IsFree(int port)
    {
        try
        {
            using var listener = new TcpListener(IPAddress.Loopback, port);
            listener.Start();
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }

    public static PortPlan Plan(AppHostOptions options, IEnumerable<string> services, bool withPrometheus = false)
    {
        var taken = new HashSet<int>();
        var plan = services.SelectMany(s => Topology.ProcessesOf(s, options.Replicas)).ToDictionary(
            s => s,
            s => s == Topology.Gateway
                ? (Free(options.GatewayHttpPort, taken), Free(options.GatewayGrpcPort, taken))
                : (Free(0, taken), Free(0, taken)));
        return new PortPlan(Free(0, taken), plan,
            Prometheus: withPrometheus ? Free(options.PrometheusPort, taken) : 0,
            Dashboard: Free(options.DashboardPort, taken),
            SmtpIntake: Free(options.SmtpIntakePort, taken),
            Postgres: options.Database == DatabaseKind.Postgres ? Free(0, taken) : 0);
    }
}
