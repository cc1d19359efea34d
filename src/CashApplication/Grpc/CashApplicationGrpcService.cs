using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Imports;
using ArPlatform.CashApplication.Matching;
using ArPlatform.CashApplication.Payments;
using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.AspNetCore.Authorization;

namespace ArPlatform.CashApplication.Grpc;

/// <summary>
/// The wire face of CashApplication: each RPC names who may call it, keeps a collector to the
/// payments of their own customers, and hands its request to the domain service that owns it.
/// </summary>
public sealed class CashApplicationGrpcService(
    BankFileImporter importer, BankFileSpool spool, PaymentRecorder recorder, PaymentQueries payments, MatchSuggestionService matching,
    ManualApplication manual, CashApplicationMetricsService metrics, AuditLogReader<CashApplicationDbContext> audit,
    PortfolioGuard portfolio, PayerLessons lessons)
    : CashApplicationService.CashApplicationServiceBase
{
    /// <summary>ULIDs.</summary>
    private const int MaxIdLength = 26;

    /// <summary>For a collector, a payment not applied for a customer of theirs reads as not found.</summary>
    private async Task<string> VisiblePaymentAsync(string field, string id, ServerCallContext context)
    {
        var paymentId = Validator.RequiredId(field, id, MaxIdLength);
        await portfolio.EnsureVisibleAsync("payment", paymentId, token => payments.CustomerOfAsync(paymentId, token), context.CancellationToken);
        return paymentId;
    }

    [Authorize(Policy = Policies.ApplyCash)]
    public override Task<BankFileImport> ImportBankFile(ImportBankFileRequest request, ServerCallContext context) =>
        importer.ImportAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ApplyCash)]
    public override async Task<BankFileImport> UploadBankFile(IAsyncStreamReader<BankFileChunk> requestStream, ServerCallContext context)
    {
        var file = await spool.ReceiveAsync(requestStream, context.CancellationToken);
        await using (file.Content) return await importer.ImportAsync(file, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<BankFileImport> GetBankFileImport(GetBankFileImportRequest request, ServerCallContext context)
    {
        portfolio.EnsureWholeBookAllowed("Bank files");
        return payments.GetImportAsync(Validator.RequiredId("import_id", request.ImportId, MaxIdLength), context.CancellationToken);
    }

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<ListBankFileImportsResponse> ListBankFileImports(ListBankFileImportsRequest request, ServerCallContext context)
    {
        portfolio.EnsureWholeBookAllowed("Bank files");
        return payments.ListImportsAsync(request, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ApplyCash)]
    public override Task<Contracts.CashApplication.V1.Payment> RecordPayment(RecordPaymentRequest request, ServerCallContext context) =>
        recorder.RecordAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override async Task<Contracts.CashApplication.V1.Payment> GetPayment(GetPaymentRequest request, ServerCallContext context) =>
        await payments.GetAsync(await VisiblePaymentAsync("id", request.Id, context), context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override async Task<ListPaymentsResponse> ListPayments(ListPaymentsRequest request, ServerCallContext context)
    {
        await portfolio.EnsureListableAsync(request.CustomerId, context.CancellationToken);
        return await payments.ListAsync(request, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ReadReceivables)]
    public override async Task<MatchSuggestions> GetMatchSuggestions(GetMatchSuggestionsRequest request, ServerCallContext context) =>
        await matching.SuggestAsync(await VisiblePaymentAsync("payment_id", request.PaymentId, context), context.CancellationToken);

    [Authorize(Policy = Policies.ApplyCash)]
    public override Task<Contracts.CashApplication.V1.Payment> ApplyPaymentManually(ApplyPaymentManuallyRequest request, ServerCallContext context) =>
        manual.ApplyAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ApplyCash)]
    public override Task<Contracts.CashApplication.V1.Payment> UnapplyPayment(UnapplyPaymentRequest request, ServerCallContext context) =>
        manual.UnapplyAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ApplyCash)]
    public override Task<Contracts.CashApplication.V1.Payment> ReturnPayment(ReturnPaymentRequest request, ServerCallContext context) =>
        manual.ReturnAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<Contracts.CashApplication.V1.CashApplicationMetrics> GetCashApplicationMetrics(GetCashApplicationMetricsRequest request, ServerCallContext context)
    {
        portfolio.EnsureWholeBookAllowed("Cash application metrics");
        return metrics.GetAsync(request, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ReadReceivables)]
    public override async Task<ListPayerLessonsResponse> ListPayerLessons(ListPayerLessonsRequest request, ServerCallContext context)
    {
        await portfolio.EnsureListableAsync(request.CustomerId, context.CancellationToken);
        return await lessons.ListAsync(request, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ApplyCash)]
    public override Task<Contracts.CashApplication.V1.PayerLesson> ForgetPayerLesson(ForgetPayerLessonRequest request, ServerCallContext context) =>
        lessons.ForgetAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadAuditLog)]
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        audit.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadAuditLog)]
    public override Task<VerifyAuditLogResponse> VerifyAuditLog(VerifyAuditLogRequest request, ServerCallContext context) =>
        audit.VerifyAsync(context.CancellationToken);
}
