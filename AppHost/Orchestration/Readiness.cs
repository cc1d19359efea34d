using System.Net.Sockets;
using System.Text;
using ArPlatform.AppHost.Resources;
using ArPlatform.DevServers;

namespace ArPlatform.AppHost.Orchestration;

/// <summary>Asks a resource whether it is ready: its health path over HTTP, PING for Redis, a connection for PostgreSQL.</summary>
internal sealed class Readiness(HttpClient http)
{
    public async Task<bool> IsReadyAsync(Resource resource, CancellationToken ct)
    {
        try
        {
            return resource.Readiness switch
            {
                ReadinessKind.HttpHealth => (await http.GetAsync(resource.Url("http") + resource.HealthPath, ct)).IsSuccessStatusCode,
                ReadinessKind.RedisPing => await PingRedisAsync(resource.Endpoints["tcp"], ct),
                ReadinessKind.Postgres => await PostgresAdmin.IsReadyAsync(resource.Endpoints["tcp"], ct),
                _ => false,
            };
        }
        catch (Exception ex) when (ex is HttpRequestException or SocketException or IOException
                                       or TaskCanceledException && !ct.IsCancellationRequested)
        {
            return false;
        }
    }

    private static async Task<bool> PingRedisAsync(int port, CancellationToken ct)
    {
        using var client = new TcpClient();
        await client.ConnectAsync("127.0.0.1", port, ct);
        var stream = client.GetStream();
        await stream.WriteAsync("PING\r\n"u8.ToArray(), ct);
        var buffer = new byte[16];
        var read = await stream.ReadAsync(buffer, ct);
        return Encoding.ASCII.GetString(buffer, 0, read).StartsWith("+PONG", StringComparison.Ordinal);
    }
}
