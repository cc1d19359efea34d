using System.Net;
using ArPlatform.AppHost.Dashboard;
using ArPlatform.AppHost.Orchestration;
using ArPlatform.AppHost.Resources;
using Microsoft.AspNetCore.Builder;

namespace ArPlatform.AppHost.Tests.Dashboard;

/// <summary>The dashboard on a port of its own, as AppHost starts it, with no resources behind it.</summary>
public sealed class DashboardServerTests : IAsyncLifetime
{
    private static readonly string[] Routes = ["/", "/api/resources", "/api/resources/apphost/logs", "/api/resources/apphost/logs?after=0"];
    private readonly LogBuffer _logs = new(TimeProvider.System);
    private readonly HttpClient _http = new();
    private readonly int _port = PortAllocator.Free(0, new HashSet<int>());
    private WebApplication _dashboard = null!;

    public async Task InitializeAsync()
    {
        _logs.Append(ConsoleLog.AppHost, "ArPlatform is up.");
        var monitor = new ResourceMonitor([], new Readiness(_http), _http, TimeProvider.System);
        _dashboard = await DashboardServer.StartAsync(_port, monitor, _logs, TimeProvider.System, CancellationToken.None);
    }

    public async Task DisposeAsync()
    {
        await _dashboard.DisposeAsync();
        _http.Dispose();
    }

    private async Task<HttpResponseMessage> GetAsync(string route, string address, string? host)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, $"http://{address}:{_port}{route}");
        if (host is not null) request.Headers.Host = host;
        return await _http.SendAsync(request);
    }

    [Theory]
    [InlineData("localhost")]
    [InlineData("127.0.0.1")]
    [InlineData("[::1]")]
    [InlineData("LOCALHOST")]
    public async Task Every_route_answers_to_a_loopback_name_with_the_dashboards_port(string name)
    {
        foreach (var route in Routes)
        {
            var response = await GetAsync(route, "127.0.0.1", $"{name}:{_port}");
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{route} as {name}: {response.StatusCode}");
        }
        Assert.Contains("ArPlatform is up.", await (await GetAsync("/api/resources/apphost/logs", "127.0.0.1", $"localhost:{_port}")).Content.ReadAsStringAsync());
    }

    [Theory]
    [InlineData("attacker.example")]          // a rebound name: the page's own, sent by the browser
    [InlineData("attacker.example:{port}")]
    [InlineData("localhost.attacker.example:{port}")]
    [InlineData("localhost:1")]               // loopback, but another port: another origin
    [InlineData("localhost")]                 // no port: port 80
    [InlineData("10.0.0.5:{port}")]
    public async Task Every_route_refuses_a_host_that_is_not_this_dashboard_on_loopback(string host)
    {
        foreach (var route in Routes)
        {
            var response = await GetAsync(route, "127.0.0.1", host.Replace("{port}", _port.ToString()));
            Assert.Equal(HttpStatusCode.MisdirectedRequest, response.StatusCode);
            var body = await response.Content.ReadAsStringAsync();
            Assert.DoesNotContain("ArPlatform is up.", body);
            Assert.Contains("answers only to localhost", body);
        }
    }
}
