using System.ComponentModel;
using System.Globalization;
using ModelContextProtocol.Server;
using Collections = ArPlatform.Contracts.Collections.V1;

namespace ArPlatform.Mcp.Tools;

/// <summary>
/// What an agent may propose, never do: a promise to pay or a dispute it heard of goes onto the
/// customer's timeline as a note for their collector, who makes it (CreatePromiseToPay,
/// OpenDispute) after checking — so nothing pauses dunning or holds an invoice on an agent's word.
/// The note is recorded as the caller, in Collections' audit trail, idempotent by the request id.
/// </summary>
[McpServerToolType]
public sealed class ProposalTools(Collections.CollectionsService.CollectionsServiceClient collections, ToolCalls calls)
{
    [McpServerTool(Name = "propose_promise_to_pay", Idempotent = true), Description("Proposes a promise to pay the customer made (amount, date, invoices, their words) for their collector to confirm; it does not pause dunning until a person makes it.")]
    public Task<string> ProposePromiseToPay(
        [Description("The customer's id")] string customerId,
        [Description("The amount promised, e.g. 1200.00")] decimal amount,
        [Description("The currency, ISO 4217")] string currency,
        [Description("The day promised, YYYY-MM-DD")] string date,
        [Description("What the customer said, quoted")] string quote,
        [Description("A key of the caller's choosing: the same key again records nothing more")] string requestId,
        [Description("Invoice numbers it covers, if said")] string[]? invoiceNumbers = null,
        CancellationToken ct = default) =>
        Propose("propose_promise_to_pay", customerId, requestId,
            string.Create(CultureInfo.InvariantCulture, $"Proposed promise to pay {amount:0.00} {currency} on {date}")
            + (invoiceNumbers is { Length: > 0 } ? $" for {string.Join(", ", invoiceNumbers)}" : "") + $": \"{quote}\". Not made: confirm it with the customer's words before making it.", ct);

    [McpServerTool(Name = "propose_dispute", Idempotent = true), Description("Proposes a dispute the customer raised (invoice, reason, their words) for their collector to open; no case is opened and nothing is held until a person does.")]
    public Task<string> ProposeDispute(
        [Description("The customer's id")] string customerId,
        [Description("The invoice number disputed")] string invoiceNumber,
        [Description("The reason in a few words (pricing, damaged, not received, …)")] string reason,
        [Description("What the customer said, quoted")] string quote,
        [Description("A key of the caller's choosing: the same key again records nothing more")] string requestId,
        CancellationToken ct = default) =>
        Propose("propose_dispute", customerId, requestId,
            $"Proposed dispute of {invoiceNumber} ({reason}): \"{quote}\". Not opened: open it in Disputes if it holds.", ct);

    private Task<string> Propose(string tool, string customerId, string requestId, string text, CancellationToken ct) =>
        calls.RunAsync(tool, customerId, async () => await collections.RecordActivityAsync(new Collections.RecordActivityRequest
        {
            RequestId = requestId,
            Activity = new Collections.Activity { CustomerId = customerId, Type = Collections.ActivityType.Note, Text = $"[agent] {text}" },
        }, cancellationToken: ct));
}
