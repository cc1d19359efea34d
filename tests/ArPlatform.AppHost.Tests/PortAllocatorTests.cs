using System.Net;
using System.Net.Sockets;
using ArPlatform.AppHost.Resources;

namespace ArPlatform.AppHost.Tests;

public class PortAllocatorTests
{
    [Fact]
    public void A_plan_gives_every_endpoint_a_distinct_port_outside_the_ephemeral_range()
    {
        var options = new AppHostOptions { DataDirectory = "/tmp", GatewayHttpPort = 0, GatewayGrpcPort = 0 };
        var plan = PortAllocator.Plan(options, ["billing", "disputes", "cashapp", "collections", "gateway"]);

        var ports = plan.Services.Values.SelectMany(p => new[] { p.Http, p.Grpc }).Append(plan.Redis).ToList();
        Assert.Equal(11, ports.Distinct().Count());
        Assert.All(ports, p => Assert.InRange(p, 20000, 32767));
    }

    [Fact]
    public void A_requested_port_that_is_taken_is_refused_with_a_clear_message()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var busy = ((IPEndPoint)listener.LocalEndpoint).Port;

        var ex = Assert.Throws<InvalidOperationException>(() => PortAllocator.Free(busy, new HashSet<int>()));
        Assert.Contains($"Port {busy} is already in use", ex.Message);
    }
}
