using System.Net;
using System.Net.Http.Headers;
using System.Runtime.Versioning;
using System.Text.Json;
using System.Text.RegularExpressions;
using ArPlatform.Testing;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>
/// The dashboard serves every console without a login, so what it serves must hold no
/// credential, and only a page of its own origin may read it.
/// </summary>
[Collection(SharedStack.Name)]
[UnsupportedOSPlatform("windows")]
public sealed partial class DashboardExposureTests(StackFixture fixture)
{
    private AppHostProcess Stack => fixture.Stack;

    [StackFact]
    public async Task No_console_the_dashboard_serves_holds_a_token_and_the_tokens_file_it_names_works()
    {
        using var dashboard = new HttpClient { BaseAddress = Stack.Dashboard };
        using var snapshot = JsonDocument.Parse(await dashboard.GetStringAsync("/api/resources"));
        var names = snapshot.RootElement.GetProperty("resources").EnumerateArray()
            .Select(r => r.GetProperty("name").GetString()!).Prepend("apphost").ToList();
        foreach (var name in names)
        {
            var logs = await dashboard.GetStringAsync($"/api/resources/{name}/logs");
            Assert.DoesNotMatch(Jwt(), logs);
        }
        Assert.DoesNotMatch(Jwt(), Stack.Output);

        var apphost = await dashboard.GetStringAsync("/api/resources/apphost/logs");
        Assert.Contains("ArPlatform is up.", apphost);
        var file = TokensFile().Match(Stack.Output).Groups[1].Value;
        var clerk = File.ReadLines(file).Single(l => l.StartsWith("ar_clerk=", StringComparison.Ordinal))["ar_clerk=".Length..];
        Assert.Matches(Jwt(), clerk);
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        using var gateway = new HttpClient { BaseAddress = Stack.GatewayJson };
        gateway.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", clerk);
        Assert.Equal(HttpStatusCode.OK, (await gateway.GetAsync("/v1/customers")).StatusCode);
    }

    [StackFact]
    public async Task The_dashboard_refuses_a_rebound_host_on_the_page_and_every_api_route()
    {
        using var dashboard = new HttpClient { BaseAddress = Stack.Dashboard };
        foreach (var route in new[] { "/", "/api/resources", "/api/resources/apphost/logs", "/api/resources/billing/logs?after=0" })
        {
            Assert.Equal(HttpStatusCode.OK, (await dashboard.GetAsync(route)).StatusCode);
            using var rebound = new HttpRequestMessage(HttpMethod.Get, route);
            rebound.Headers.Host = $"attacker.example:{Stack.Dashboard.Port}";
            var refused = await dashboard.SendAsync(rebound);
            Assert.Equal(HttpStatusCode.MisdirectedRequest, refused.StatusCode);
            Assert.DoesNotContain("ArPlatform", await refused.Content.ReadAsStringAsync());
        }
    }

    /// <summary>A signed JWT: base64url of a JSON header, then more segments.</summary>
    [GeneratedRegex(@"eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]+")]
    private static partial Regex Jwt();

    [GeneratedRegex(@"Development tokens.* are in (\S+?):")]
    private static partial Regex TokensFile();
}
