using System.Text.Json;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Testing;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace ArPlatform.EndToEnd.Tests;

/// <summary>
/// AppHost's dashboard in headless Chromium (Debian's, driven by Playwright), with a stack of its
/// own because the test kills one of its services. Screenshots are written beside the test
/// assembly and named in the test output.
/// </summary>
public sealed class DashboardTests(ITestOutputHelper output) : IAsyncLifetime
{
    private static readonly string[] Resources = ["prometheus", "redis", "billing", "disputes", "cashapp", "collections", "mcp", "gateway"];
    private readonly AppHostProcess _stack = new();
    private readonly CancellationTokenSource _traffic = new();

    public Task InitializeAsync() => _stack.StartAsync();

    public async Task DisposeAsync()
    {
        await _traffic.CancelAsync();
        await _stack.DisposeAsync();
    }

    [StackFact("chromium", "prometheus")]
    public async Task The_dashboard_shows_every_resource_healthy_with_live_numbers_and_a_killed_service_red_until_it_is_back()
    {
        var traffic = SendTrafficAsync(_traffic.Token);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Executable("chromium"),
            Headless = true,
        });
        var page = await browser.NewPageAsync(new BrowserNewPageOptions { ViewportSize = new ViewportSize { Width = 1600, Height = 1000 } });
        await page.GotoAsync(_stack.Dashboard.ToString());

        await page.WaitForFunctionAsync("() => document.querySelector('#summary')?.dataset.allUp === 'true'", null, Wait(60));
        foreach (var name in Resources)
        {
            var row = page.Locator($"tr[data-resource='{name}']");
            Assert.Equal("up", await row.GetAttributeAsync("data-status"));
            Assert.Equal(("Running", "Healthy", "0"),
                (await row.Locator(".state").InnerTextAsync(), await row.Locator(".health").InnerTextAsync(), await row.Locator(".restarts").InnerTextAsync()));
            Assert.Matches(@"^\d+$", await row.Locator(".pid").InnerTextAsync());
            Assert.Contains("127.0.0.1:", await row.Locator(".endpoints").InnerTextAsync());
        }

        // Live RED numbers from the traffic, and the services' business gauges.
        await page.WaitForFunctionAsync(
            "() => ['gateway', 'billing'].every(n => parseFloat(document.querySelector(`tr[data-resource=${n}] .rate`)?.textContent) > 0)",
            null, Wait(30));
        Assert.Matches(@"^\d+(\.\d)? ms$", await page.Locator("tr[data-resource='gateway'] .p99").InnerTextAsync());
        Assert.Equal("0", await page.Locator("tr[data-resource='disputes'] [data-figure='Open cases']").InnerTextAsync());
        await page.WaitForFunctionAsync("() => document.querySelector('#log').textContent.includes('Now listening on')", null, Wait(10));
        await ScreenshotAsync(page, "dashboard-healthy.png");

        await AssertPrometheusScrapesEveryServiceAsync();

        // A crash: red while AppHost restarts it, green again with the restart counted.
        AppHostProcess.KillHard(_stack.StartedProcesses.Last(p => p.Resource == "collections").Pid);
        await page.WaitForSelectorAsync("tr[data-resource='collections'][data-status='down']", new PageWaitForSelectorOptions { Timeout = 15_000 });
        await ScreenshotAsync(page, "dashboard-collections-down.png");
        Assert.Contains("last exit code 137", await page.Locator("tr[data-resource='collections'] .state").InnerTextAsync());
        await page.WaitForFunctionAsync(
            "() => { const r = document.querySelector(`tr[data-resource=collections]`); return r?.dataset.status === 'up' && r.querySelector('.restarts').textContent === '1'; }",
            null, Wait(60));
        await ScreenshotAsync(page, "dashboard-collections-restarted.png");

        await _traffic.CancelAsync();
        await traffic;
    }

    private async Task AssertPrometheusScrapesEveryServiceAsync()
    {
        using var http = new HttpClient { BaseAddress = _stack.Endpoint("prometheus", "http") };
        var up = new Dictionary<string, string>();
        for (var attempt = 0; attempt < 60 && up.Count(s => s.Value == "1") < 6; attempt++)
        {
            await Task.Delay(1000);
            using var result = JsonDocument.Parse(await http.GetStringAsync("/api/v1/query?query=up"));
            up = result.RootElement.GetProperty("data").GetProperty("result").EnumerateArray()
                .ToDictionary(s => s.GetProperty("metric").GetProperty("service").GetString()!, s => s.GetProperty("value")[1].GetString()!);
        }
        Assert.Equal(
            new Dictionary<string, string> { ["billing"] = "1", ["cashapp"] = "1", ["collections"] = "1", ["disputes"] = "1", ["gateway"] = "1", ["mcp"] = "1" },
            up);
    }

    private async Task SendTrafficAsync(CancellationToken ct)
    {
        using var http = _stack.JsonClient(Roles.Auditor);
        while (!ct.IsCancellationRequested)
        {
            try
            {
                await http.GetAsync("/v1/customers", ct);
                await Task.Delay(100, ct);
            }
            catch (Exception e) when (e is HttpRequestException or OperationCanceledException)
            {
            }
        }
    }

    private async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(AppContext.BaseDirectory, "screenshots", name);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        output.WriteLine($"Screenshot: {path}");
    }

    private static PageWaitForFunctionOptions Wait(int seconds) => new() { Timeout = seconds * 1000, PollingInterval = 250 };

    private static string Executable(string name) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator).Select(dir => Path.Combine(dir, name)).First(File.Exists);
}
