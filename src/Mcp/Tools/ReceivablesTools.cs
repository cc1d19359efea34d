using System.ComponentModel;
using ModelContextProtocol.Server;
using Billing = ArPlatform.Contracts.Billing.V1;
using Disputes = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Mcp.Tools;

/// <summary>What an agent may read about receivables: each tool one call to the owning service, as the caller.</summary>
[McpServerToolType]
public sealed class ReceivablesTools(Billing.BillingService.BillingServiceClient billing, Disputes.DisputesService.DisputesServiceClient disputes, ToolCalls calls)
{
    [McpServerTool(Name = "find_customers", ReadOnly = true), Description("Customers whose trading or legal name starts with the text (case ignored), at most 50: id, customer number, name, currency, collector.")]
    public Task<string> FindCustomers([Description("The start of the customer's name")] string name, CancellationToken ct) =>
        calls.RunAsync("find_customers", name, async () =>
            await billing.ListCustomersAsync(new Billing.ListCustomersRequest { NamePrefix = name, PageSize = 50 }, cancellationToken: ct));

    [McpServerTool(Name = "get_balance", ReadOnly = true), Description("A customer's open, overdue and disputed amounts per currency, as of now.")]
    public Task<string> GetBalance([Description("The customer's id")] string customerId, CancellationToken ct) =>
        calls.RunAsync("get_balance", customerId, async () =>
            await billing.GetAccountBalanceAsync(new Billing.GetAccountBalanceRequest { CustomerId = customerId }, cancellationToken: ct));

    [McpServerTool(Name = "list_open_invoices", ReadOnly = true), Description("A customer's invoices still owed (issued or partly paid), oldest due first, at most 200.")]
    public Task<string> ListOpenInvoices([Description("The customer's id")] string customerId, CancellationToken ct) =>
        calls.RunAsync("list_open_invoices", customerId, async () =>
        {
            var issued = await billing.ListInvoicesAsync(new Billing.ListInvoicesRequest { CustomerId = customerId, Status = Billing.InvoiceStatus.Issued, PageSize = 200 }, cancellationToken: ct);
            var partly = await billing.ListInvoicesAsync(new Billing.ListInvoicesRequest { CustomerId = customerId, Status = Billing.InvoiceStatus.PartiallyPaid, PageSize = 200 }, cancellationToken: ct);
            var open = new Billing.ListInvoicesResponse();
            open.Invoices.AddRange(issued.Invoices.Concat(partly.Invoices).OrderBy(i => i.DueDate, StringComparer.Ordinal).Take(200));
            return open;
        });

    [McpServerTool(Name = "get_invoice", ReadOnly = true), Description("One invoice by id: number, status, total, open amount, due date, lines.")]
    public Task<string> GetInvoice([Description("The invoice's id")] string invoiceId, CancellationToken ct) =>
        calls.RunAsync("get_invoice", invoiceId, async () =>
            await billing.GetInvoiceAsync(new Billing.GetInvoiceRequest { Id = invoiceId }, cancellationToken: ct));

    [McpServerTool(Name = "get_statement", ReadOnly = true), Description("A customer's statement of account between two dates (YYYY-MM-DD; empty for the defaults): opening balance, every invoice, payment and credit, closing balance.")]
    public Task<string> GetStatement(
        [Description("The customer's id")] string customerId,
        [Description("First day, YYYY-MM-DD, or empty")] string from = "",
        [Description("Last day, YYYY-MM-DD, or empty for today")] string to = "",
        CancellationToken ct = default) =>
        calls.RunAsync("get_statement", customerId, async () =>
            await billing.GetStatementAsync(new Billing.GetStatementRequest { CustomerId = customerId, FromDate = from, ToDate = to }, cancellationToken: ct));

    [McpServerTool(Name = "get_aging", ReadOnly = true), Description("Receivables aging (current, 1–30, 31–60, 61–90, over 90 days) grouped by customer, region, currency or collector, as of a day (YYYY-MM-DD; empty for today).")]
    public Task<string> GetAging(
        [Description("customer, region, currency or collector")] string groupBy = "region",
        [Description("As of, YYYY-MM-DD, or empty for today")] string asOf = "",
        CancellationToken ct = default) =>
        calls.RunAsync("get_aging", groupBy, async () => await billing.GetAgingReportAsync(new Billing.GetAgingReportRequest
        {
            AsOf = asOf,
            GroupBy = groupBy.ToLowerInvariant() switch
            {
                "customer" => Billing.AgingGroupBy.Customer,
                "currency" => Billing.AgingGroupBy.Currency,
                "collector" => Billing.AgingGroupBy.Collector,
                "region" => Billing.AgingGroupBy.Region,
                _ => throw new ModelContextProtocol.McpException($"groupBy is customer, region, currency or collector, not '{groupBy}'"),
            },
        }, cancellationToken: ct));

    [McpServerTool(Name = "list_disputes", ReadOnly = true), Description("A customer's dispute cases (unresolved only unless asked): reason, status, amount, SLA, owner.")]
    public Task<string> ListDisputes(
        [Description("The customer's id")] string customerId,
        [Description("true for unresolved cases only")] bool unresolvedOnly = true,
        CancellationToken ct = default) =>
        calls.RunAsync("list_disputes", customerId, async () =>
            await disputes.ListDisputesAsync(new Disputes.ListDisputesRequest { CustomerId = customerId, UnresolvedOnly = unresolvedOnly, PageSize = 100 }, cancellationToken: ct));
}
