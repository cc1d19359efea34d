using ArPlatform.Billing.Balances;
using ArPlatform.Billing.Credits;
using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Invoices;
using ArPlatform.Billing.Payments;
using ArPlatform.Billing.Reports;
using ArPlatform.Billing.Fx;
using ArPlatform.Billing.Gl;
using ArPlatform.Billing.LateCharges;
using ArPlatform.Billing.Subscriptions;
using ArPlatform.Billing.WriteOffs;
using ArPlatform.Billing.Data;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authorization;
using Grpc.Core;

namespace ArPlatform.Billing.Grpc;

/// <summary>
/// The wire face of Billing: each RPC names who may call it and hands its request to the domain
/// service that owns it.
/// </summary>
public sealed class BillingGrpcService(
    CustomerService customers, InvoiceService invoices, InvoiceDisputeService disputes, PaymentService payments, CreditMemoService credits,
    BalanceReader balances, ReportService reports, StatementService statements, WriteOffService writeOffs,
    LateChargeService lateCharges, GlService gl, FxRateService fx, OpenInvoiceReader openInvoices, SubscriptionService subscriptions, Portfolio portfolio, PaymentBehaviourQuery paymentBehaviour,
    AuditLogReader<BillingDbContext> audit)
    : BillingService.BillingServiceBase
{
    /// <summary>Ids as Billing has always accepted them.</summary>
    private const int MaxIdLength = 100;

    [Authorize(Policy = Policies.ManageBilling)]
    public override Task<Contracts.Billing.V1.Customer> CreateCustomer(CreateCustomerRequest request, ServerCallContext context) =>
        customers.CreateAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ManageBilling)]
    public override Task<Contracts.Billing.V1.Customer> UpdateCustomer(UpdateCustomerRequest request, ServerCallContext context) =>
        customers.UpdateAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<Contracts.Billing.V1.Customer> GetCustomer(GetCustomerRequest request, ServerCallContext context) =>
        customers.GetAsync(Validator.RequiredId("id", request.Id, MaxIdLength), context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<ListCustomersResponse> ListCustomers(ListCustomersRequest request, ServerCallContext context) =>
        customers.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ManageBilling)]
    public override Task<Contracts.Billing.V1.Invoice> CreateInvoice(CreateInvoiceRequest request, ServerCallContext context) =>
        invoices.CreateAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ManageBilling)]
    public override Task<Contracts.Billing.V1.Invoice> IssueInvoice(IssueInvoiceRequest request, ServerCallContext context) =>
        invoices.IssueAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ManageBilling)]
    public override Task<Contracts.Billing.V1.Invoice> VoidInvoice(VoidInvoiceRequest request, ServerCallContext context) =>
        invoices.VoidAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.FlagDisputes)]
    public override Task<Contracts.Billing.V1.Invoice> MarkInvoiceDisputed(MarkInvoiceDisputedRequest request, ServerCallContext context) =>
        disputes.MarkAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.FlagDisputes)]
    public override Task<MarkInvoicesDisputedResponse> MarkInvoicesDisputed(MarkInvoicesDisputedRequest request, ServerCallContext context) =>
        disputes.MarkEachAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.FlagDisputes)]
    public override Task<Contracts.Billing.V1.Invoice> ClearInvoiceDispute(ClearInvoiceDisputeRequest request, ServerCallContext context) =>
        disputes.ClearAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override async Task StreamOpenInvoices(StreamOpenInvoicesRequest request,
        IServerStreamWriter<Contracts.Billing.V1.Invoice> responseStream, ServerCallContext context)
    {
        if (portfolio.Owner is not null)
        {
            // A collector streams one customer of their portfolio at a time, never the whole ledger.
            if (request.CustomerId.Length == 0)
                throw new RequestValidationException([new FieldViolation("customer_id", "is required: a collector streams one customer of their portfolio")]);
            await portfolio.EnsureVisibleAsync(request.CustomerId, context.CancellationToken);
        }
        // A page goes out in one flush: each message but the page's last is only buffered.
        var buffered = new WriteOptions(WriteFlags.BufferHint);
        var scope = new OpenInvoiceScope(request.CustomerId.Length > 0 ? request.CustomerId : null, request.IssuedSince?.ToDateTime());
        await foreach (var page in openInvoices.PagesAsync(scope, request.View, context.CancellationToken))
        {
            for (var i = 0; i < page.Count; i++)
            {
                responseStream.WriteOptions = i < page.Count - 1 ? buffered : null;
                await responseStream.WriteAsync(page[i], context.CancellationToken);
            }
        }
    }

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<Contracts.Billing.V1.Invoice> GetInvoice(GetInvoiceRequest request, ServerCallContext context) =>
        invoices.GetAsync(Validator.RequiredId("id", request.Id, MaxIdLength), context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<BatchGetInvoicesResponse> BatchGetInvoices(BatchGetInvoicesRequest request, ServerCallContext context) =>
        invoices.BatchGetAsync(request.Ids, MaxIdLength, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<ListInvoicesResponse> ListInvoices(ListInvoicesRequest request, ServerCallContext context) =>
        invoices.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<AccountBalance> GetAccountBalance(GetAccountBalanceRequest request, ServerCallContext context) =>
        balances.GetAsync(Validator.RequiredId("customer_id", request.CustomerId, MaxIdLength), context.CancellationToken);

    [Authorize(Policy = Policies.ApplyCash)]
    public override Task<Contracts.Billing.V1.PaymentApplication> ApplyPayment(ApplyPaymentRequest request, ServerCallContext context) =>
        payments.ApplyAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ApplyCash)]
    public override Task<ApplyPaymentsResponse> ApplyPayments(ApplyPaymentsRequest request, ServerCallContext context) =>
        payments.ApplyEachAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ApplyCash)]
    public override Task<Contracts.Billing.V1.PaymentApplication> ReversePaymentApplication(ReversePaymentApplicationRequest request, ServerCallContext context) =>
        payments.ReverseAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ManageBilling)]
    public override Task<Contracts.Billing.V1.CreditMemo> CreateCreditMemo(CreateCreditMemoRequest request, ServerCallContext context) =>
        credits.CreateAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ManageBilling)]
    public override Task<Contracts.Billing.V1.Invoice> CreateDebitMemo(CreateDebitMemoRequest request, ServerCallContext context) =>
        invoices.CreateDebitMemoAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ApproveCredits)]
    public override Task<Contracts.Billing.V1.CreditMemo> ApproveCreditMemo(ApproveCreditMemoRequest request, ServerCallContext context) =>
        credits.ApproveAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ApproveCredits)]
    public override Task<Contracts.Billing.V1.CreditMemo> RejectCreditMemo(RejectCreditMemoRequest request, ServerCallContext context) =>
        credits.RejectAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<Contracts.Billing.V1.CreditMemo> GetCreditMemo(GetCreditMemoRequest request, ServerCallContext context) =>
        credits.GetAsync(Validator.RequiredId("id", request.Id, MaxIdLength), context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<AgingReport> GetAgingReport(GetAgingReportRequest request, ServerCallContext context) =>
        reports.GetAgingAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<ListLedgerEntriesResponse> ListLedgerEntries(ListLedgerEntriesRequest request, ServerCallContext context) =>
        reports.ListLedgerEntriesAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.PostWriteOffs)]
    public override Task<WriteOffPosting> PostWriteOff(PostWriteOffRequest request, ServerCallContext context) =>
        writeOffs.PostAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ApplyCash)]
    public override Task<Contracts.Billing.V1.CreditMemo> ApplyCreditMemo(ApplyCreditMemoRequest request, ServerCallContext context) =>
        credits.ApplyAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.AssessLateCharges)]
    public override Task<AssessLateChargesResponse> AssessLateCharges(AssessLateChargesRequest request, ServerCallContext context) =>
        lateCharges.AssessAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ManageBilling)]
    public override Task<Contracts.Billing.V1.Subscription> CreateSubscription(CreateSubscriptionRequest request, ServerCallContext context) =>
        subscriptions.CreateAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<Contracts.Billing.V1.Subscription> GetSubscription(GetSubscriptionRequest request, ServerCallContext context) =>
        subscriptions.GetAsync(Validator.RequiredId("id", request.Id, MaxIdLength), context.CancellationToken);

    [Authorize(Policy = Policies.ManageBilling)]
    public override Task<SubscriptionChange> ChangeSubscription(ChangeSubscriptionRequest request, ServerCallContext context) =>
        subscriptions.ChangeAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ManageBilling)]
    public override Task<RunRecurringBillingResponse> RunRecurringBilling(RunRecurringBillingRequest request, ServerCallContext context) =>
        subscriptions.RunAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<Statement> GetStatement(GetStatementRequest request, ServerCallContext context) =>
        statements.GetAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<ArRollForward> GetArRollForward(GetArRollForwardRequest request, ServerCallContext context) =>
        reports.GetRollForwardAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override async Task StreamPaymentBehaviour(StreamPaymentBehaviourRequest request,
        IServerStreamWriter<PaymentBehaviour> responseStream, ServerCallContext context)
    {
        var v = new Validator();
        var since = v.Date("since", request.Since);
        v.ThrowIfInvalid();
        // Every customer's habit: not a collector's portfolio view.
        if (portfolio.Owner is not null) throw new PermissionDeniedException("PORTFOLIO_ONLY", "Payment behaviour covers every customer; a collector reads their own accounts.");
        await foreach (var habit in paymentBehaviour.ReadAsync(since, context.CancellationToken))
            await responseStream.WriteAsync(new PaymentBehaviour
            {
                CustomerId = habit.CustomerId, Payments = habit.Payments,
                AverageDaysLate = habit.AverageDaysLate.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture),
            }, context.CancellationToken);
    }

    [Authorize(Policy = Policies.ReadGeneralLedger)]
    public override Task<ExportJournalResponse> ExportJournal(ExportJournalRequest request, ServerCallContext context) =>
        gl.ExportAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadGeneralLedger)]
    public override Task<GlReconciliation> GetGlReconciliation(GetGlReconciliationRequest request, ServerCallContext context) =>
        gl.ReconcileAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.CloseBooks)]
    public override Task<AccountingPeriod> ClosePeriod(ClosePeriodRequest request, ServerCallContext context) =>
        gl.CloseAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadGeneralLedger)]
    public override Task<ListClosedPeriodsResponse> ListClosedPeriods(ListClosedPeriodsRequest request, ServerCallContext context) =>
        gl.ListClosedAsync(context.CancellationToken);

    [Authorize(Policy = Policies.CloseBooks)]
    public override Task<SetFxRatesResponse> SetFxRates(SetFxRatesRequest request, ServerCallContext context) =>
        fx.SetAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadReceivables)]
    public override Task<ListFxRatesResponse> ListFxRates(ListFxRatesRequest request, ServerCallContext context) =>
        fx.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadAuditLog)]
    public override Task<ListAuditEntriesResponse> ListAuditEntries(ListAuditEntriesRequest request, ServerCallContext context) =>
        audit.ListAsync(request, context.CancellationToken);

    [Authorize(Policy = Policies.ReadAuditLog)]
    public override Task<VerifyAuditLogResponse> VerifyAuditLog(VerifyAuditLogRequest request, ServerCallContext context) =>
        audit.VerifyAsync(context.CancellationToken);
}
