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
    public void Postgres_gets_a_port_of_its_own_only_when_it_is_the_database()
    {
        string[] services = ["billing", "disputes", "cashapp", "collections", "gateway"];
        var options = new AppHostOptions { DataDirectory = "/tmp", GatewayHttpPort = 0, GatewayGrpcPort = 0 };

        var plan = PortAllocator.Plan(options with { Database = DatabaseKind.Postgres }, services);

        Assert.InRange(plan.Postgres, 20000, 32767);
        Assert.DoesNotContain(plan.Postgres, plan.Services.Values.SelectMany(p => new[] { p.Http, p.Grpc }).Append(plan.Redis));
        Assert.Equal(0, PortAllocator.Plan(options, services).Postgres);
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
