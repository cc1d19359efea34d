using System.Collections.Concurrent;
using System.Diagnostics;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Telemetry;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>One trace from the caller through the RPC to its SQL and Redis calls.</summary>
[Collection(RedisCollection.Name)]
public sealed class TracingTests(RedisServer redis) : IDisposable
{
    private readonly ConcurrentBag<Activity> _spans = [];
    private readonly ActivityListener _listener = new();
    private readonly ActivitySource _caller = new("ArPlatform.Tests.Caller");

    public void Dispose()
    {
        _listener.Dispose();
        _caller.Dispose();
    }

    [RedisFact]
    public async Task A_balance_read_is_one_trace_from_the_caller_to_its_sql_and_redis_calls()
    {
        _listener.ShouldListenTo = source => source.Name is DatabaseCalls.SourceName or "Microsoft.AspNetCore" or "ArPlatform.Tests.Caller";
        _listener.Sample = (ref ActivityCreationOptions<ActivityContext> _) => ActivitySamplingResult.AllDataAndRecorded;
        _listener.ActivityStopped = _spans.Add;
        ActivitySource.AddActivityListener(_listener);
        using var host = new BillingHost(redis.ConnectionString);
        var customer = await host.Client.CreateCustomerAsync(Requests.Customer());
        await host.Client.CreateInvoiceAsync(Requests.Invoice(customer.Id));
        ActivityTraceId trace;

        using (var call = _caller.StartActivity("read the balance twice")!)
        {
            trace = call.TraceId;
            await host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customer.Id });
            await host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customer.Id });
        }

        // The server's span ends after its answer is on the wire: the caller may hold the answer a moment before it is recorded.
        for (var wait = 0; wait < 100 && RpcSpans().Count < 2; wait++) await Task.Delay(20);
        var spans = _spans.Where(s => s.TraceId == trace && s.Source.Name != _caller.Name).ToList();
        var rpcs = spans.Where(s => s.Source.Name == "Microsoft.AspNetCore").ToList();
        Assert.Equal(2, rpcs.Count);
        var sql = spans.Where(s => (string?)s.GetTagItem("db.system.name") is "sqlite" or "postgresql").ToList();
        Assert.NotEmpty(sql);
        Assert.All(sql, s => Assert.Equal(("SELECT", ActivityKind.Client), ((string?)s.GetTagItem("db.operation.name"), s.Kind)));
        Assert.Contains(spans, s => (string?)s.GetTagItem("db.system.name") == "redis" && s.OperationName == "HMGET redis");
        Assert.All(spans.Except(rpcs), s => Assert.Contains(rpcs, rpc => rpc.SpanId == s.ParentSpanId));

        List<Activity> RpcSpans() => [.. _spans.ToArray().Where(s => s.TraceId == trace && s.Source.Name == "Microsoft.AspNetCore")];
    }
}
