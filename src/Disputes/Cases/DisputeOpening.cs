using ArPlatform.Disputes.BillingSync;
using ArPlatform.Disputes.Data;
using ArPlatform.Disputes.Grpc;
using ArPlatform.Disputes.Workflow;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.Contracts.Common.V1;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;
using Proto = ArPlatform.Contracts.Disputes.V1;

namespace ArPlatform.Disputes.Cases;

/// <summary>
/// Opens cases: their invoices are read from Billing first, outside the write (they must be
/// issued and open, of one customer and currency, with room for the amount beside what other
/// cases already hold), then each case and its Billing holds are written in one transaction —
/// one case per OpenDispute, up to 500 per OpenDisputes.
/// </summary>
public sealed class DisputeOpening(
    DisputesDbContext db, CommandExecutor<DisputesDbContext> commands, BillingOutbox outbox,
    Billing.BillingService.BillingServiceClient billing, CallerContext caller, PortfolioGuard portfolio, IOptions<SlaPolicy> sla,
    DisputesMetrics metrics, TimeProvider clock)
{
    private const string Operation = "OpenDispute";
    /// <summary>The most cases OpenDisputes opens at once.</summary>
    public const int MaxBatch = 500;

    public async Task<Proto.Dispute> OpenAsync(Proto.OpenDisputeRequest request, CancellationToken ct)
    {
        var input = DisputeRequests.ParseOpen(request);
        var opened = await commands.FindReplayAsync<Proto.Dispute>(Operation, request.RequestId, request, ct);
        if (opened is null)
        {
            var invoices = await ReadInvoicesAsync([input], ct);
            var customerId = await CheckAsync(input, invoices, ct);
            opened = await commands.ExecuteAsync(Operation, request.RequestId, request,
                token => OpenAsync(input, customerId, invoices, new HeldInBatch(), token), ct);
        }
        if ((await RefusedHoldsAsync([opened], ct)).GetValueOrDefault(opened.Id) is { } refusal) throw refusal;
        return opened;
    }

    /// <summary>
    /// Many cases decided together, each idempotent and opened or refused on its own: every
    /// invoice read from Billing in one go, each case checked against what the cases before it in
    /// the batch claimed of its invoices, and everything opened saved at once.
    /// </summary>
    public async Task<Proto.OpenDisputesResponse> OpenEachAsync(Proto.OpenDisputesRequest request, CancellationToken ct)
    {
        if (request.Disputes.Count is 0 or > MaxBatch)
            throw new RequestValidationException([new FieldViolation("disputes", $"between 1 and {MaxBatch} cases")]);
        var inputs = request.Disputes.Select(r => Refusals.Try(() => DisputeRequests.ParseOpen(r))).ToList();
        var invoices = await ReadInvoicesAsync(inputs.Where(i => i.Value is not null).Select(i => i.Value!), ct);
        var checkedInputs = new Dictionary<Proto.OpenDisputeRequest, (OpenDisputeInput? Input, string? CustomerId, DomainException? Refusal)>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < inputs.Count; i++)
        {
            var (input, refusal) = inputs[i];
            var customer = input is null ? default : await Refusals.TryAsync(() => CheckAsync(input, invoices, ct));
            checkedInputs[request.Disputes[i]] = (input, customer.Value, refusal ?? customer.Refusal);
        }
        var results = await commands.ExecuteBatchAsync(Operation, request.Disputes, r => r.RequestId, async (fresh, token) =>
        {
            var held = new HeldInBatch();
            var decided = new List<(Proto.Dispute?, DomainException?)>(fresh.Count);
            foreach (var (input, customerId, refusal) in fresh.Select(r => checkedInputs[r]))
                decided.Add(await Refusals.TryAsync(() => refusal is not null ? throw refusal : OpenAsync(input!, customerId!, invoices, held, token)));
            return decided;
        }, ct);
        var refusedHolds = await RefusedHoldsAsync(results.Select(r => r.Response).OfType<Proto.Dispute>(), ct);
        results = results.Select(r => r.Response is { } opened && refusedHolds.GetValueOrDefault(opened.Id) is { } refusal
            ? ((Proto.Dispute?)null, (DomainException?)refusal) : r).ToList();
        return new Proto.OpenDisputesResponse
        {
            Results =
            {
                results.Select((result, i) => result.Refusal is { } refusal
                    ? new Proto.OpenDisputeResult { RequestId = request.Disputes[i].RequestId, ErrorCode = Refusals.StatusName(refusal), ErrorMessage = refusal.Message }
                    : new Proto.OpenDisputeResult { RequestId = request.Disputes[i].RequestId, Dispute = result.Response }),
            },
        };
    }

    /// <summary>
    /// The case, its Billing holds (queued in the outbox) and its audit entry, inside the command;
    /// refused before any change when an invoice or line has no room for it.
    /// </summary>
    private async Task<Proto.Dispute> OpenAsync(OpenDisputeInput input, string customerId, IReadOnlyDictionary<string, Billing.Invoice> invoices,
        HeldInBatch held, CancellationToken token)
    {
        var items = input.Items.Select((item, i) => ToItem(i + 1, item, invoices[item.InvoiceId])).ToList();
        Hold(input, invoices, held);
        var now = clock.GetUtcNow().UtcDateTime;
        var today = DateOnly.FromDateTime(now);
        var amount = items.Sum(i => i.Amount);
        var currency = input.Currency.Code;
        var dispute = new DisputeCase
        {
            Id = Ulid.NewUlid().ToString(),
            Number = $"DSP-{now.Year}-{await commands.NextNumberAsync($"dispute:{now.Year}", token):D6}",
            CustomerId = customerId,
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
    }

    /// <summary>
    /// The cases among <paramref name="opened"/> whose hold Billing refused (checked where the money
    /// is, against concurrent holds and applications this service cannot see), each with the
    /// refusal the caller gets instead of the case: such a case is closed, not open. The holds
    /// were delivered as the command committed, unless delivery is left to the worker.
    /// </summary>
    private async Task<Dictionary<string, DomainException>> RefusedHoldsAsync(IEnumerable<Proto.Dispute> opened, CancellationToken ct)
    {
        // A request repeated within one batch answers with the same case twice.
        var numbers = opened.DistinctBy(d => d.Id).ToDictionary(d => d.Id, d => d.Number, StringComparer.Ordinal);
        var ids = numbers.Keys.ToList();
        var refused = await RefusedHolds.SinceLastOpenedAsync(db, m => ids.Contains(m.DisputeId), ct);
        return refused.ToDictionary(r => r.Key, r => HoldRefused(r.Key, numbers[r.Key], r.Value.LastError), StringComparer.Ordinal);
    }

    /// <summary>What a person who opened (or reopened) a case Billing would not hold is told.</summary>
    public static DomainException HoldRefused(string disputeId, string number, string billingError) =>
        new PreconditionFailedException("HOLD_REFUSED", $"disputes/{disputeId}",
            $"Billing refused to hold the amount, so case {number} was closed, not opened: {billingError}");

    /// <summary>The invoices the cases name, read from Billing in batches (an id Billing does not return is simply absent).</summary>
    private async Task<Dictionary<string, Billing.Invoice>> ReadInvoicesAsync(IEnumerable<OpenDisputeInput> inputs, CancellationToken ct)
    {
        var invoices = new Dictionary<string, Billing.Invoice>(StringComparer.Ordinal);
        foreach (var ids in inputs.SelectMany(i => i.Items).Select(i => i.InvoiceId).Distinct().Chunk(MaxBatch))
        {
            var read = await billing.BatchGetInvoicesAsync(new Billing.BatchGetInvoicesRequest { Ids = { ids } }, cancellationToken: ct);
            foreach (var invoice in read.Invoices) invoices[invoice.Id] = invoice;
        }
        return invoices;
    }

    /// <summary>
    /// The case's invoices as read: they exist and are the caller's to see, open, of one customer
    /// (returned) and of the case's currency, with the lines named.
    /// </summary>
    private async Task<string> CheckAsync(OpenDisputeInput input, IReadOnlyDictionary<string, Billing.Invoice> invoices, CancellationToken ct)
    {
        var named = input.Items.Select(i => i.InvoiceId).Distinct().ToList();
        foreach (var id in named.Where(id => !invoices.ContainsKey(id))) throw new NotFoundException("invoice", id);
        var theirs = named.Select(id => invoices[id]).ToList();

        // A collector opens cases on the invoices of their own customers; any other reads as not
        // found. Asked once per customer (a case's invoices normally share one).
        foreach (var invoice in theirs.DistinctBy(i => i.CustomerId))
            await portfolio.EnsureVisibleAsync("invoice", invoice.Id, _ => Task.FromResult<string?>(invoice.CustomerId), ct);

        var v = new Validator();
        if (theirs.Select(i => i.CustomerId).Distinct().Count() > 1)
            v.Add("dispute.items", "all invoices of a case belong to one customer");
        foreach (var invoice in theirs.Where(i => i.Currency != input.Currency.Code))
            v.Add("dispute.amount.currency", $"invoice {invoice.Number} is in {invoice.Currency}");
        foreach (var item in input.Items.Where(i => i.LineNumber > invoices[i.InvoiceId].Lines.Count))
            v.Add("dispute.items.line_number", $"invoice {invoices[item.InvoiceId].Number} has no line {item.LineNumber}");
        v.ThrowIfInvalid();

        foreach (var invoice in theirs.Where(i => i.Status is not (Billing.InvoiceStatus.Issued or Billing.InvoiceStatus.PartiallyPaid)))
            throw new PreconditionFailedException("INVOICE_STATE", $"invoices/{invoice.Id}",
                $"Invoice {invoice.Number} is {invoice.Status}; only open invoices can be disputed.");
        return theirs[0].CustomerId;
    }

    /// <summary>
    /// Each invoice must have room for what the case claims of it beside what other cases hold:
    /// those Billing knows of, and those opened earlier in the same batch (Billing hears of them
    /// only after the commit). What this case claims is then held for the next ones.
    /// </summary>
    private static void Hold(OpenDisputeInput input, IReadOnlyDictionary<string, Billing.Invoice> invoices, HeldInBatch held)
    {
        var claims = input.Items.GroupBy(i => i.InvoiceId).Select(g => (Invoice: invoices[g.Key], Claimed: g.Sum(i => i.Amount.Amount))).ToList();
        foreach (var (invoice, claimed) in claims)
        {
            var room = invoice.OpenAmount.ToDecimal() - invoice.DisputedAmount.ToDecimal() - held.GetValueOrDefault(invoice.Id);
            if (claimed > room)
                throw new PreconditionFailedException("AMOUNT_EXCEEDS_UNDISPUTED", $"invoices/{invoice.Id}",
                    $"Invoice {invoice.Number} has {room:0.####} {invoice.Currency} open and not yet disputed; {claimed:0.####} cannot be disputed.");
        }
        foreach (var (invoice, claimed) in claims) held[invoice.Id] = held.GetValueOrDefault(invoice.Id) + claimed;
    }

    /// <summary>What cases opened earlier in the same batch claim of each invoice.</summary>
    private sealed class HeldInBatch() : Dictionary<string, decimal>(StringComparer.Ordinal);

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
