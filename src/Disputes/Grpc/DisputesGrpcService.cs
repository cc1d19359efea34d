using ArPlatform.Contracts.Common.V1;
using ArPlatform.Contracts.Disputes.V1;
using ArPlatform.Disputes.Analytics;
using ArPlatform.Disputes.Cases;
using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Evidence;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace ArPlatform.Disputes.Grpc;

/// <summary>
/// The wire face of Disputes: each RPC names who may call it, keeps a collector to the cases of
/// their own customers, and hands its request to the domain service that owns it.
/// </summary>
public sealed class DisputesGrpcService(
    DisputeOpening opening, DisputeWork work, DisputeQueries queries, DisputeEscalation escalation,
    EvidenceService evidence, DisputeAnalyticsService analytics, AuditLogReader<DisputesDbContext> audit, PortfolioGuard portfolio)
    : DisputesService.DisputesServiceBase
{
    /// <summary>A case outside a collector's portfolio reads as not found.</summary>
    private Task VisibleAsync(string disputeId, ServerCallContext context) =>
        portfolio.EnsureVisibleAsync("dispute", disputeId, token => queries.CustomerOfAsync(disputeId, token), context.CancellationToken);

    [Authorize(Policy = Policies.WorkDisputes)]
    public override Task<Dispute> OpenDispute(OpenDisputeRequest request, ServerCallContext context) =>
        opening.OpenAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.WorkDisputes)]
    public override Task<OpenDisputesResponse> OpenDisputes(OpenDisputesRequest request, ServerCallContext context) =>
        opening.OpenEachAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override async Task<Dispute> GetDispute(GetDisputeRequest request, ServerCallContext context)
    {
        var id = Validator.RequiredId("id", request.Id, 26 /* a ULID */);
        await VisibleAsync(id, context);
        return await queries.GetAsync(id, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ReadReceivables)]
    public override async Task<ListDisputesResponse> ListDisputes(ListDisputesRequest request, ServerCallContext context)
    {
        await portfolio.EnsureListableAsync(request.CustomerId, context.CancellationToken);
        return await queries.ListAsync(request, context.CancellationToken);
    }

    [Authorize(Policy = Policies.WorkDisputes)]
    public override async Task<Dispute> AssignDispute(AssignDisputeRequest request, ServerCallContext context)
    {
        await VisibleAsync(request.Id, context);
        return await work.AssignAsync(request, context.CancellationToken);
    }

    [Authorize(Policy = Policies.WorkDisputes)]
    public override async Task<Dispute> AddDisputeNote(AddDisputeNoteRequest request, ServerCallContext context)
    {
        await VisibleAsync(request.Id, context);
        return await work.AddNoteAsync(request, context.CancellationToken);
    }

    [Authorize(Policy = Policies.WorkDisputes)]
    public override async Task<Dispute> TransitionDispute(TransitionDisputeRequest request, ServerCallContext context)
    {
        await VisibleAsync(request.Id, context);
        return await work.TransitionAsync(request, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ResolveDisputes)]
    public override Task<Dispute> ResolveDispute(ResolveDisputeRequest request, ServerCallContext context) =>
        work.ResolveAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.WorkDisputes)]
    public override async Task<Contracts.Disputes.V1.Evidence> AttachEvidence(AttachEvidenceRequest request, ServerCallContext context)
    {
        await VisibleAsync(request.DisputeId, context);
        return await evidence.AttachAsync(request, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ReadReceivables)]
    public override async Task<Contracts.Disputes.V1.Evidence> GetEvidence(GetEvidenceRequest request, ServerCallContext context)
    {
        await VisibleAsync(request.DisputeId, context);
        return await evidence.GetAsync(request, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ResolveDisputes)]
    public override Task<EscalateOverdueDisputesResponse> EscalateOverdueDisputes(EscalateOverdueDisputesRequest request, ServerCallContext context) =>
        escalation.EscalateAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<DisputeAnalytics> GetDisputeAnalytics(GetDisputeAnalyticsRequest request, ServerCallContext context)
    {
        portfolio.EnsureWholeBookAllowed("Dispute analytics");
        return analytics.GetAsync(request, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ReadAuditLog)]
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        audit.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadAuditLog)]
    public override Task<VerifyAuditLogResponse> VerifyAuditLog(VerifyAuditLogRequest request, ServerCallContext context) =>
        audit.VerifyAsync(context.CancellationToken);
}
