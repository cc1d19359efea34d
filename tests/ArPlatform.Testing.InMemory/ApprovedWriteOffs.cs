using System.Collections.Concurrent;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Collections.V1;
using Grpc.Core;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace ArPlatform.Testing.InMemory;

/// <summary>
/// Collections as Billing alone needs it: a gRPC server in memory that answers GetWriteOff with
/// the approvals a test names, NOT_FOUND for any other write-off, and implements nothing else.
/// </summary>
public sealed class ApprovedWriteOffs : IDisposable
{
    private readonly ConcurrentDictionary<string, WriteOffRequest> _approved = new(StringComparer.Ordinal);
    private readonly Lazy<WebApplication> _app;

    public ApprovedWriteOffs() => _app = new(Start);

    /// <summary>Records that Collections approved exactly what <paramref name="posting"/> posts; returns the posting.</summary>
    public PostWriteOffRequest Approve(PostWriteOffRequest posting)
    {
        _approved[posting.WriteOffId] = new WriteOffRequest
        {
            Id = posting.WriteOffId, Number = posting.WriteOffReference, InvoiceId = posting.InvoiceId, Amount = posting.Amount,
            Reason = posting.Reason, Status = WriteOffStatus.Approved, RequestedBy = posting.RequestedBy, DecidedBy = posting.ApprovedBy,
        };
        return posting;
    }

    internal TestServer Server => _app.Value.GetTestServer();

    private WebApplication Start()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseTestServer();
        builder.Services.AddGrpc();
        builder.Services.AddSingleton(_approved);
        var app = builder.Build();
        app.MapGrpcService<ApprovalsService>();
        app.Start();
        return app;
    }

    public void Dispose()
    {
        if (_app.IsValueCreated) _app.Value.DisposeAsync().AsTask().GetAwaiter().GetResult();
    }
}

internal sealed class ApprovalsService(ConcurrentDictionary<string, WriteOffRequest> approved) : CollectionsService.CollectionsServiceBase
{
    public override Task<WriteOffRequest> GetWriteOff(GetWriteOffRequest request, ServerCallContext context) =>
        approved.TryGetValue(request.Id, out var writeOff)
            ? Task.FromResult(writeOff)
            : throw new RpcException(new Status(StatusCode.NotFound, $"write-off '{request.Id}' was not found."));
}
