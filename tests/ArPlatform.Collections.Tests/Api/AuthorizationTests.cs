using ArPlatform.Contracts.Collections.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;

namespace ArPlatform.Collections.Tests.Api;

/// <summary>Every Collections RPC group against every role: allowed ones get past authorization, the rest are denied.</summary>
public sealed class AuthorizationTests : IAsyncLifetime
{
    private readonly CollectionsWorld _world = new();
    private string _customerId = "";

    public async Task InitializeAsync() => _customerId = (await _world.CustomerAsync()).Id;

    public async Task DisposeAsync() => await _world.DisposeAsync();

    private static readonly string[] Workers = [Roles.Collector, Roles.ArManager, Roles.Service];
    private static readonly string[] Approvers = [Roles.ArManager, Roles.Controller];
    private static readonly string[] Inbox = [Roles.Collector, Roles.ArManager, Roles.Service];
    private static readonly string[] Replies = [Roles.Collector, Roles.ArManager];

    private static readonly Dictionary<string, (string[]? Allowed, Func<CollectionsService.CollectionsServiceClient, string, Task> Call)> Calls = new()
    {
        ["GetCreditStatus"] = (null, (c, id) => c.GetCreditStatusAsync(new GetCreditStatusRequest { CustomerId = id }).ResponseAsync),
        ["GetWorklist"] = (null, (c, _) => c.GetWorklistAsync(new GetWorklistRequest()).ResponseAsync),
        ["GetKpis"] = (null, (c, _) => c.GetKpisAsync(new GetKpisRequest { PeriodStart = "2026-11-01", PeriodEnd = "2026-11-30" }).ResponseAsync),
        ["PlaceCreditHold"] = (Workers, (c, id) => c.PlaceCreditHoldAsync(new PlaceCreditHoldRequest { CustomerId = id, RequestId = "auth-h-" + Guid.NewGuid() }).ResponseAsync),
        ["RecordActivity"] = (Workers, (c, id) => c.RecordActivityAsync(new RecordActivityRequest
        {
            RequestId = "auth-a-" + Guid.NewGuid(), Activity = new Activity { CustomerId = id, Type = ActivityType.Note, Text = "note" },
        }).ResponseAsync),
        ["CancelPromiseToPay"] = (Workers, (c, _) => c.CancelPromiseToPayAsync(new CancelPromiseToPayRequest
        {
            Id = "01NOSUCHPROMISE", RequestId = "auth-p-" + Guid.NewGuid(), Reason = "withdrawn",
        }).ResponseAsync),
        ["RunDunning"] = ([Roles.ArManager, Roles.Service], (c, _) => c.RunDunningAsync(new RunDunningRequest { DryRun = true }).ResponseAsync),
        ["ApproveWriteOff"] = (Approvers, (c, _) => c.ApproveWriteOffAsync(new ApproveWriteOffRequest { Id = "01NOSUCHWRITEOFF", RequestId = "auth-w-" + Guid.NewGuid() }).ResponseAsync),
        ["CalculateAllowance"] = ([Roles.Controller, Roles.Auditor, Roles.ArManager], (c, _) => c.CalculateAllowanceAsync(new CalculateAllowanceRequest()).ResponseAsync),
        ["SubmitInboundMessage"] = (Inbox, (c, _) => c.SubmitInboundMessageAsync(new SubmitInboundMessageRequest
        {
            RequestId = "auth-m-" + Guid.NewGuid(), Message = new InboundEmail { From = "ap@stranger.example", Subject = "Hello", Body = "Happy holidays!" },
        }).ResponseAsync),
        ["ListInboundMessages"] = (Replies, (c, id) => c.ListInboundMessagesAsync(new ListInboundMessagesRequest { CustomerId = id }).ResponseAsync),
        ["ListReplyDrafts"] = (Replies, (c, id) => c.ListReplyDraftsAsync(new ListReplyDraftsRequest { CustomerId = id }).ResponseAsync),
        ["ApproveReplyDraft"] = (Replies, (c, _) => c.ApproveReplyDraftAsync(new ApproveReplyDraftRequest { Id = "01NOSUCHDRAFT", RequestId = "auth-d-" + Guid.NewGuid() }).ResponseAsync),
        ["GetAgentMetrics"] = (Replies, (c, _) => c.GetAgentMetricsAsync(new GetAgentMetricsRequest()).ResponseAsync),
        ["ListAuditEntries"] = ([Roles.Auditor, Roles.Controller, Roles.ArManager], (c, _) => c.ListAuditEntriesAsync(new Contracts.Common.V1.ListAuditEntriesRequest()).ResponseAsync),
    };

    public static TheoryData<string, string> RolesAndRpcs()
    {
        var data = new TheoryData<string, string>();
        foreach (var role in Roles.All)
            foreach (var rpc in Calls.Keys)
                data.Add(role, rpc);
        return data;
    }

    [Theory]
    [MemberData(nameof(RolesAndRpcs))]
    public async Task Each_role_may_call_exactly_its_rpc_groups(string role, string rpc)
    {
        var (allowed, call) = Calls[rpc];
        var client = _world.Collections.ClientAs("tester-" + role, role);
        if (allowed is null || allowed.Contains(role))
        {
            // Past authorization: the call either works or fails on its own merits (an unknown write-off).
            var error = await Record.ExceptionAsync(() => call(client, _customerId));
            Assert.True(error is null or RpcException { StatusCode: StatusCode.NotFound }, $"{role} → {rpc}: {error?.Message}");
        }
        else
        {
            var denied = await Assert.ThrowsAsync<RpcException>(() => call(client, _customerId));
            Assert.Equal(StatusCode.PermissionDenied, denied.StatusCode);
        }
    }

    [Fact]
    public async Task Calls_without_a_token_are_unauthenticated()
    {
        var anonymous = new CollectionsService.CollectionsServiceClient(global::Grpc.Net.Client.GrpcChannel.ForAddress(_world.Collections.Server.BaseAddress,
            new global::Grpc.Net.Client.GrpcChannelOptions { HttpHandler = _world.Collections.Server.CreateHandler() }));
        var error = await Assert.ThrowsAsync<RpcException>(() => anonymous.GetWorklistAsync(new GetWorklistRequest()).ResponseAsync);
        Assert.Equal(StatusCode.Unauthenticated, error.StatusCode);
    }
}
