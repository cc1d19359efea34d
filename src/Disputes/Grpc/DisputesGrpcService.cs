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

/// <summary>The wire face of Disputes: each RPC names who may call it and hands its request to the domain service that owns it.</summary>
public sealed class DisputesGrpcService(
    DisputeOpening opening, DisputeWork work, DisputeQueries queries, DisputeEscalation escalation,
    EvidenceService evidence, DisputeAnalyticsService analytics, AuditLogReader<DisputesDbContext> audit)
    : DisputesService.DisputesServiceBase
{
    [Authorize(Policy = Policies.WorkDisputes)]
    public override Task<Dispute> OpenDispute(OpenDisputeRequest request, ServerCallContext context) =>
        opening.OpenAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<Dispute> GetDispute(GetDisputeRequest request, ServerCallContext context) =>
        queries.GetAsync(Validator.RequiredId("id", request.Id, 26 /* a ULID */), context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<ListDisputesResponse> ListDisputes(ListDisputesRequest request, ServerCallContext context) =>
        queries.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.WorkDisputes)]
    public override Task<Dispute> AssignDispute(AssignDisputeRequest request, ServerCallContext context) =>
        work.AssignAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.WorkDisputes)]
    public override Task<Dispute> AddDisputeNote(AddDisputeNoteRequest request, ServerCallContext context) =>
        work.AddNoteAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.WorkDisputes)]
    public override Task<Dispute> TransitionDispute(TransitionDisputeRequest request, ServerCallContext context) =>
        work.TransitionAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ResolveDisputes)]
    public override Task<Dispute> ResolveDispute(ResolveDisputeRequest request, ServerCallContext context) =>
        work.ResolveAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.WorkDisputes)]
    public override Task<Contracts.Disputes.V1.Evidence> AttachEvidence(AttachEvidenceRequest request, ServerCallContext context) =>
        evidence.AttachAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<Contracts.Disputes.V1.Evidence> GetEvidence(GetEvidenceRequest request, ServerCallContext context) =>
        evidence.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ResolveDisputes)]
    public override Task<EscalateOverdueDisputesResponse> EscalateOverdueDisputes(EscalateOverdueDisputesRequest request, ServerCallContext context) =>
        escalation.EscalateAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<DisputeAnalytics> GetDisputeAnalytics(GetDisputeAnalyticsRequest request, ServerCallContext context) =>
        analytics.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadAuditLog)]
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        audit.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadAuditLog)]
    public override Task<VerifyAuditLogResponse> VerifyAuditLog(VerifyAuditLogRequest request, ServerCallContext context) =>
        audit.VerifyAsync(context.CancellationToken);
}
