using System.Diagnostics;
using System.Net;
using System.Text.Json;
using ArPlatform.Billing.Balances;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using Grpc.Core;
using StackExchange.Redis;

namespace ArPlatform.Billing.Tests.Api;

[Collection(RedisCollection.Name)]
public sealed class AccountBalanceApiTests(RedisServer redis)
{
    private static async Task<string> CustomerWithInvoiceAsync(BillingHost host)
    {
        var customer = await host.Client.CreateCustomerAsync(Requests.Customer());
        await host.Client.CreateInvoiceAsync(Requests.Invoice(customer.Id));
        return customer.Id;
    }

    [RedisFact]
    public async Task The_first_read_sums_the_ledger_and_the_second_comes_from_redis()
    {
        using var host = new BillingHost(redis.ConnectionString);
        var customerId = await CustomerWithInvoiceAsync(host);

        var first = await host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        var second = await host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });

        Assert.Equal(BalanceSource.Database, first.Source);
        Assert.Equal(BalanceSource.Cache, second.Source);
        var usd = Assert.Single(second.Balances);
        Assert.Equal(("USD", "324.75", "324.75", "0.00"), (usd.Currency, usd.Open.Amount, usd.Overdue.Amount, usd.Disputed.Amount));
        Assert.Equal(1, second.OpenInvoiceCount);
        await using var connection = await ConnectionMultiplexer.ConnectAsync(redis.ConnectionString);
        Assert.True(await connection.GetDatabase().KeyExistsAsync(BalanceCache.KeyFor(customerId)));
    }

    [RedisFact]
    public async Task Issuing_another_invoice_invalidates_the_cached_balance()
    {
        using var host = new BillingHost(redis.ConnectionString);
        var customerId = await CustomerWithInvoiceAsync(host);
        var request = new GetAccountBalanceRequest { CustomerId = customerId };
        await host.Client.GetAccountBalanceAsync(request);
        await host.Client.GetAccountBalanceAsync(request);

        await host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-2", invoiceDate: "2026-11-20"));
        var after = await host.Client.GetAccountBalanceAsync(request);

        Assert.Equal(BalanceSource.Database, after.Source);
        var usd = Assert.Single(after.Balances);
        Assert.Equal("649.50", usd.Open.Amount);
        // The new invoice is due 2026-12-20: only the first is overdue on 2026-11-30.
        Assert.Equal("324.75", usd.Overdue.Amount);
        Assert.Equal(2, after.OpenInvoiceCount);
        Assert.Equal(BalanceSource.Cache, (await host.Client.GetAccountBalanceAsync(request)).Source);
    }

    [RedisFact]
    public async Task A_cached_balance_is_not_served_on_the_next_day()
    {
        using var host = new BillingHost(redis.ConnectionString, new DateTimeOffset(2026, 10, 31, 23, 0, 0, TimeSpan.Zero));
        var customerId = await CustomerWithInvoiceAsync(host);
        var request = new GetAccountBalanceRequest { CustomerId = customerId };
        var dueDay = await host.Client.GetAccountBalanceAsync(request);
        Assert.Equal("0.00", dueDay.Balances[0].Overdue.Amount);

        host.Clock.Now = host.Clock.Now.AddHours(2);
        var nextDay = await host.Client.GetAccountBalanceAsync(request);

        Assert.Equal(BalanceSource.Database, nextDay.Source);
        Assert.Equal("324.75", nextDay.Balances[0].Overdue.Amount);
    }

    [RedisFact]
    public async Task With_redis_stalled_balances_come_from_the_database_at_once_and_a_missed_invalidation_is_never_served()
    {
        var stalled = new RedisServer();
        await stalled.InitializeAsync();
        try
        {
            using var host = new BillingHost(stalled.ConnectionString, cacheTimeout: new BalanceCacheOptions().CommandTimeout);
            var customerId = await CustomerWithInvoiceAsync(host);
            var request = new GetAccountBalanceRequest { CustomerId = customerId };
            await host.Client.GetAccountBalanceAsync(request);
            Assert.Equal(BalanceSource.Cache, (await host.Client.GetAccountBalanceAsync(request)).Source);

            stalled.Pause();
            try
            {
                var elapsed = Stopwatch.StartNew();
                var during = await host.Client.GetAccountBalanceAsync(request);
                // Generous for a shared machine: Redis' client timeouts made this ~1.4 s.
                Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
                Assert.Equal((BalanceSource.Database, "324.75"), (during.Source, during.Balances[0].Open.Amount));

                // Its invalidation cannot reach Redis, which keeps the balance before this invoice.
                elapsed.Restart();
                await host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: "i-2", invoiceDate: "2026-11-20"));
                Assert.InRange(elapsed.Elapsed, TimeSpan.Zero, TimeSpan.FromMilliseconds(500));
            }
            finally
            {
                stalled.Resume();
            }

            await Task.Delay(new BalanceCacheOptions().BreakDuration + TimeSpan.FromMilliseconds(200));
            var after = await host.Client.GetAccountBalanceAsync(request);
            Assert.Equal((BalanceSource.Database, "649.50"), (after.Source, after.Balances[0].Open.Amount));
            // The cache serves again, fresh: every read meanwhile has the new balance. (Reads until
            // one comes from the cache: on a loaded machine a first Redis call can outlast the 50 ms.)
            var cached = await host.Client.GetAccountBalanceAsync(request);
            for (var i = 0; i < 20 && cached.Source != BalanceSource.Cache; i++)
            {
                Assert.Equal("649.50", cached.Balances[0].Open.Amount);
                await Task.Delay(100);
                cached = await host.Client.GetAccountBalanceAsync(request);
            }
            Assert.Equal((BalanceSource.Cache, "649.50"), (cached.Source, cached.Balances[0].Open.Amount));
        }
        finally
        {
            await stalled.DisposeAsync();
        }
    }

    [Fact]
    public async Task With_redis_down_the_balance_comes_from_the_database_and_health_is_degraded()
    {
        using var host = new BillingHost($"127.0.0.1:{RedisServer.FreePort()}");
        var customerId = await CustomerWithInvoiceAsync(host);

        var balance = await host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        Assert.Equal(BalanceSource.Database, balance.Source);
        Assert.Equal("324.75", balance.Balances[0].Open.Amount);

        var health = await host.CreateClient().GetAsync("/health");
        Assert.Equal(HttpStatusCode.OK, health.StatusCode);
        using var report = JsonDocument.Parse(await health.Content.ReadAsStringAsync());
        Assert.Equal("Degraded", report.RootElement.GetProperty("status").GetString());
        Assert.Equal("Degraded", report.RootElement.GetProperty("checks").GetProperty("redis").GetProperty("status").GetString());
        Assert.Equal("Healthy", report.RootElement.GetProperty("checks").GetProperty("billingdb").GetProperty("status").GetString());
    }

    [Fact]
    public async Task The_balance_of_an_unknown_customer_is_not_found()
    {
        using var host = new BillingHost(redis: null);
        await GrpcAssert.FailsWith(StatusCode.NotFound,
            () => host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = "01UNKNOWN" }).ResponseAsync);
    }
}
