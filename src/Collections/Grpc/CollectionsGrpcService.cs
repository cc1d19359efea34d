using ActivityService = ArPlatform.Collections.Activities.ActivityService;
using ArPlatform.Collections.Agent;
using ArPlatform.Collections.Allowance;
using ArPlatform.Collections.Credit;
using ArPlatform.Collections.Data;
using ArPlatform.Collections.Dunning;
using ArPlatform.Collections.Forecasts;
using ArPlatform.Collections.Inbox;
using ArPlatform.Collections.Performance;
using PromiseService = ArPlatform.Collections.Promises.PromiseService;
using ArPlatform.Collections.Worklists;
using ArPlatform.Collections.WriteOffs;
using ArPlatform.Contracts.Collections.V1;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace ArPlatform.Collections.Grpc;

/// <summary>The wire face of Collections: each RPC names who may call it and hands its request to the service that owns it.</summary>
public sealed class CollectionsGrpcService(
    CreditService credit, WorklistService worklist, DunningRunner dunning, DunningActionQueries dunningActions,
    ActivityService activities, PromiseService promises, WriteOffService writeOffs, AllowanceService allowance,
    KpiService kpis, ForecastService forecast, InboxService inbox, ReplyDraftService drafts, AgentMetricsService agentMetrics,
    AuditLogReader<CollectionsDbContext> audit)
    : CollectionsService.CollectionsServiceBase
{
    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<CreditStatus> GetCreditStatus(GetCreditStatusRequest request, ServerCallContext context) =>
        credit.GetStatusAsync(request.CustomerId, context.CancellationToken);

    [Authorize(Policy = Policies.WorkCollections)]
    public override Task<CreditStatus> PlaceCreditHold(PlaceCreditHoldRequest request, ServerCallContext context) =>
        credit.PlaceHoldAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ApproveCollections)]
    public override Task<CreditStatus> ReleaseCreditHold(ReleaseCreditHoldRequest request, ServerCallContext context) =>
        credit.ReleaseHoldAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.WorkCollections)]
    public override Task<CreditStatus> UpdateCreditProfile(UpdateCreditProfileRequest request, ServerCallContext context) =>
        credit.UpdateProfileAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<Worklist> GetWorklist(GetWorklistRequest request, ServerCallContext context) =>
        worklist.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.RunDunning)]
    public override Task<DunningRun> RunDunning(RunDunningRequest request, ServerCallContext context) =>
        dunning.RunAsync(request, scheduled: false, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<ListDunningActionsResponse> ListDunningActions(ListDunningActionsRequest request, ServerCallContext context) =>
        dunningActions.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.WorkCollections)]
    public override Task<Activity> RecordActivity(RecordActivityRequest request, ServerCallContext context) =>
        activities.RecordAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<ListActivitiesResponse> ListActivities(ListActivitiesRequest request, ServerCallContext context) =>
        activities.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.WorkCollections)]
    public override Task<PromiseToPay> CreatePromiseToPay(CreatePromiseToPayRequest request, ServerCallContext context) =>
        promises.CreatePromiseAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.WorkCollections)]
    public override Task<PromiseToPay> CancelPromiseToPay(CancelPromiseToPayRequest request, ServerCallContext context) =>
        promises.CancelPromiseAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<ListPromisesToPayResponse> ListPromisesToPay(ListPromisesToPayRequest request, ServerCallContext context) =>
        promises.ListPromisesAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.WorkCollections)]
    public override Task<PaymentPlan> CreatePaymentPlan(CreatePaymentPlanRequest request, ServerCallContext context) =>
        promises.CreatePlanAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<PaymentPlan> GetPaymentPlan(GetPaymentPlanRequest request, ServerCallContext context) =>
        promises.GetPlanAsync(request.Id, context.CancellationToken);

    [Authorize(Policy = Policies.WorkCollections)]
    public override Task<WriteOffRequest> RequestWriteOff(RequestWriteOffRequest request, ServerCallContext context) =>
        writeOffs.RequestAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ApproveCollections)]
    public override Task<WriteOffRequest> ApproveWriteOff(ApproveWriteOffRequest request, ServerCallContext context) =>
        writeOffs.ApproveAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ApproveCollections)]
    public override Task<WriteOffRequest> RejectWriteOff(RejectWriteOffRequest request, ServerCallContext context) =>
        writeOffs.RejectAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<WriteOffRequest> GetWriteOff(GetWriteOffRequest request, ServerCallContext context) =>
        writeOffs.GetAsync(request.Id, context.CancellationToken);

    [Authorize(Policy = Policies.ReadGeneralLedger)]
    public override Task<AllowanceCalculation> CalculateAllowance(CalculateAllowanceRequest request, ServerCallContext context) =>
        allowance.CalculateAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<Kpis> GetKpis(GetKpisRequest request, ServerCallContext context) =>
        kpis.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<CashForecast> GetCashForecast(GetCashForecastRequest request, ServerCallContext context) =>
        forecast.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.SubmitCorrespondence)]
    public override Task<InboundMessage> SubmitInboundMessage(SubmitInboundMessageRequest request, ServerCallContext context) =>
        inbox.SubmitAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.AnswerCorrespondence)]
    public override Task<InboundMessage> GetInboundMessage(GetInboundMessageRequest request, ServerCallContext context) =>
        inbox.GetAsync(request.Id, context.CancellationToken);

    [Authorize(Policy = Policies.AnswerCorrespondence)]
    public override Task<ListInboundMessagesResponse> ListInboundMessages(ListInboundMessagesRequest request, ServerCallContext context) =>
        inbox.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.AnswerCorrespondence)]
    public override Task<ReplyDraft> GetReplyDraft(GetReplyDraftRequest request, ServerCallContext context) =>
        drafts.GetAsync(request.Id, context.CancellationToken);

    [Authorize(Policy = Policies.AnswerCorrespondence)]
    public override Task<ListReplyDraftsResponse> ListReplyDrafts(ListReplyDraftsRequest request, ServerCallContext context) =>
        drafts.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.AnswerCorrespondence)]
    public override Task<ReplyDraft> ApproveReplyDraft(ApproveReplyDraftRequest request, ServerCallContext context) =>
        drafts.ApproveAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.AnswerCorrespondence)]
    public override Task<ReplyDraft> RejectReplyDraft(RejectReplyDraftRequest request, ServerCallContext context) =>
        drafts.RejectAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.AnswerCorrespondence)]
    public override Task<AgentMetrics> GetAgentMetrics(GetAgentMetricsRequest request, ServerCallContext context) =>
        agentMetrics.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadAuditLog)]
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        audit.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadAuditLog)]
    public override Task<VerifyAuditLogResponse> VerifyAuditLog(VerifyAuditLogRequest request, ServerCallContext context) =>
        audit.VerifyAsync(context.CancellationToken);
}
