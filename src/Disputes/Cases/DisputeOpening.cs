using ArPlatform.Disputes.BillingSync;
using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Grpc;
using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Contracts.Common.V1;
using Grpc.Core;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Cases;

/// <summary>
/// Opens a case: its invoices are read from Billing first (they must be issued and open, of one
/// customer and currency, with room for the amount beside what other cases already hold), then
/// the case and the Billing holds are written in one transaction.
/// </summary>
public sealed class DisputeOpening(
    DisputesDbContext db, CommandExecutor<DisputesDbContext> commands, BillingOutbox outbox,
    Billing.BillingService.BillingServiceClient billing, CallerContext caller, PortfolioGuard portfolio, IOptions<SlaPolicy> sla,
    DisputesMetrics metrics, TimeProvider clock)
{
    private const string Operation = "OpenDispute";

    public async Task<Proto.Dispute> OpenAsync(Proto.OpenDisputeRequest request, CancellationToken ct)
    {
        var input = DisputeRequests.ParseOpen(request);
        if (await commands.FindReplayAsync<Proto.Dispute>(Operation, request.RequestId, request, ct) is { } replay) return replay;
        var invoices = await ReadInvoicesAsync(input, ct);
        var items = input.Items.Select((item, i) => ToItem(i + 1, item, invoices[item.InvoiceId])).ToList();

        return await commands.ExecuteAsync(Operation, request.RequestId, request, async token =>
        {
            var now = clock.GetUtcNow().UtcDateTime;
            var today = DateOnly.FromDateTime(now);
            var amount = items.Sum(i => i.Amount);
            var currency = input.Currency.Code;
            var dispute = new DisputeCase
            {
                Id = Ulid.NewUlid().ToString(),
                Number = $"DSP-{now.Year}-{await commands.NextNumberAsync($"dispute:{now.Year}", token):D6}",
                CustomerId = invoices.Values.First().CustomerId,
                Currency = currency,
                Amount = amount,
                Reason = input.Reason,
                Source = input.Source,
                Description = input.Description,
                SlaDueDate = DisputeSla.DueDate(sla.Value, input.Reason, currency, amount, today),
                PaymentReference = input.PaymentReference,
                RemittanceReference = input.RemittanceReference,
                OpenedBy = caller.Actor,
                OpenedAt = now,
                Items = items,
            };
            if (input.Owner.Length > 0) dispute.AssignTo(input.Owner);
            db.Disputes.Add(dispute);
            outbox.SendHolds(dispute);
            metrics.Opened.Add(1, new("reason", input.Reason.ToString()), new("source", input.Source.ToString()));
            var opened = dispute.ToProto(today);
            commands.Audit("dispute", dispute.Id, null, opened);
            return opened;
        }, ct);
    }

    private async Task<Dictionary<string, Billing.Invoice>> ReadInvoicesAsync(OpenDisputeInput input, CancellationToken ct)
    {
        var invoices = new Dictionary<string, Billing.Invoice>(StringComparer.Ordinal);
        foreach (var id in input.Items.Select(i => i.InvoiceId).Distinct())
        {
            try
            {
                invoices[id] = await billing.GetInvoiceAsync(new Billing.GetInvoiceRequest { Id = id }, cancellationToken: ct);
            }
            catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
            {
                throw new NotFoundException("invoice", id);
            }
        }

        // A collector opens cases on the invoices of their own customers; any other reads as not
        // found. Asked once per customer (a case's invoices normally share one).
        foreach (var invoice in invoices.Values.DistinctBy(i => i.CustomerId))
            await portfolio.EnsureVisibleAsync("invoice", invoice.Id, _ => Task.FromResult<string?>(invoice.CustomerId), ct);

        var v = new Validator();
        if (invoices.Values.Select(i => i.CustomerId).Distinct().Count() > 1)
            v.Add("dispute.items", "all invoices of a case belong to one customer");
        foreach (var invoice in invoices.Values.Where(i => i.Currency != input.Currency.Code))
            v.Add("dispute.amount.currency", $"invoice {invoice.Number} is in {invoice.Currency}");
        foreach (var item in input.Items.Where(i => i.LineNumber > invoices[i.InvoiceId].Lines.Count))
            v.Add("dispute.items.line_number", $"invoice {invoices[item.InvoiceId].Number} has no line {item.LineNumber}");
        v.ThrowIfInvalid();

        foreach (var (id, invoice) in invoices)
        {
            if (invoice.Status is not (Billing.InvoiceStatus.Issued or Billing.InvoiceStatus.PartiallyPaid))
                throw new PreconditionFailedException("INVOICE_STATE", $"invoices/{id}",
                    $"Invoice {invoice.Number} is {invoice.Status}; only open invoices can be disputed.");
            var room = invoice.OpenAmount.ToDecimal() - invoice.DisputedAmount.ToDecimal();
            var claimed = input.Items.Where(i => i.InvoiceId == id).Sum(i => i.Amount.Amount);
            if (claimed > room)
                throw new PreconditionFailedException("AMOUNT_EXCEEDS_UNDISPUTED", $"invoices/{id}",
                    $"Invoice {invoice.Number} has {room:0.####} {invoice.Currency} open and not yet disputed; {claimed:0.####} cannot be disputed.");
        }
        return invoices;
    }

    /// <summary>A whole invoice's product, when all its lines are of one product (else none: analytics shows it apart).</summary>
    private static string SingleProduct(Billing.Invoice invoice)
    {
        var products = invoice.Lines.Select(l => l.ProductCode).Distinct().Take(2).ToList();
        return products.Count == 1 ? products[0] : "";
    }

    private static DisputeItem ToItem(int number, RequestedItem item, Billing.Invoice invoice)
    {
        var line = item.LineNumber > 0 ? invoice.Lines.First(l => l.LineNumber == item.LineNumber) : null;
        if (line is not null)
        {
            var gross = line.NetAmount.ToDecimal() + line.TaxAmount.ToDecimal();
            if (item.Amount.Amount > gross)
                throw new PreconditionFailedException("AMOUNT_EXCEEDS_LINE", $"invoices/{invoice.Id}",
                    $"Line {line.LineNumber} of invoice {invoice.Number} totals {gross:0.####} {invoice.Currency}; {item.Amount.Amount:0.####} cannot be disputed.");
        }
        return new DisputeItem
        {
            ItemNumber = number,
            InvoiceId = invoice.Id,
            InvoiceNumber = invoice.Number,
            LineNumber = item.LineNumber,
            ProductCode = line?.ProductCode ?? SingleProduct(invoice),
            Amount = item.Amount.Amount,
        };
    }
}
