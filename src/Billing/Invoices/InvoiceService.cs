using ArPlatform.Billing.Balances;
using ArPlatform.Billing.Customers;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Grpc;
using ArPlatform.Billing.Ledger;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Paging;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Invoices;

/// <summary>
/// Invoices from draft to issued. Issuing numbers the invoice from a gapless series per year and
/// posts its total to the ledger in the same transaction; the balance cache is invalidated only
/// after that transaction commits.
/// </summary>
public sealed class InvoiceService(
    BillingDbContext db, CommandExecutor<BillingDbContext> commands, LedgerPoster ledger, Portfolio portfolio,
    BillingMetrics metrics, TimeProvider clock)
{
    public async Task<Proto.Invoice> CreateAsync(Proto.CreateInvoiceRequest request, CancellationToken ct)
    {
        var input = InvoiceRequests.Parse(request);
        return await commands.ExecuteAsync("CreateInvoice", request.RequestId, request, async token =>
        {
            var customer = await db.Customers.FindAsync([input.CustomerId], token)
                           ?? throw new NotFoundException("customer", input.CustomerId);
            var draft = Draft(input, customer, InvoiceKind.Standard);
            if (request.Issue) await IssueAsync(draft, customer, token);
            var created = draft.ToProto();
            commands.Audit("invoice", draft.Id, null, created);
            return created;
        }, ct);
    }

    /// <summary>A debit memo: a further charge issued at once, naming the invoice it corrects.</summary>
    public async Task<Proto.Invoice> CreateDebitMemoAsync(Proto.CreateDebitMemoRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        if (request.CustomerId.Length == 0 && request.InvoiceId.Length == 0) v.Add("customer_id", "a customer, or the invoice corrected, is required");
        v.Require("reason", request.Reason).MaxLength("reason", request.Reason, 200);
        var amount = v.Money("amount", request.Amount, maxDecimals: InvoiceRequests.UnitPriceDecimals);
        if (amount is { } a && a.Amount <= 0m) v.Add("amount.amount", "must be greater than zero");
        var tax = v.Percent("tax_rate_percent", request.TaxRatePercent);
        v.ThrowIfInvalid();

        return await commands.ExecuteAsync("CreateDebitMemo", request.RequestId, request, async token =>
        {
            var corrected = request.InvoiceId.Length == 0 ? null
                : await db.Invoices.FirstOrDefaultAsync(i => i.Id == request.InvoiceId, token) ?? throw new NotFoundException("invoice", request.InvoiceId);
            var customerId = corrected?.CustomerId ?? request.CustomerId;
            var customer = await db.Customers.FindAsync([customerId], token) ?? throw new NotFoundException("customer", customerId);
            if (corrected is not null && corrected.Currency != amount!.Value.Currency.Code)
                throw new RequestValidationException([new FieldViolation("amount.currency", $"invoice {corrected.Number} is in {corrected.Currency}")]);
            var reason = CardNumbers.Mask(request.Reason.Trim());
            var memo = await RaiseAsync(new NewInvoice(customer.Id, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), corrected?.PoNumber ?? "",
                amount!.Value.Currency,
                [new NewInvoiceLine(corrected is null ? $"Debit memo: {reason}" : $"Debit memo on {corrected.Number}: {reason}", "",
                    new LineInput(1m, amount.Value.Amount, 0m, tax))], corrected?.SalesRep ?? ""), customer, InvoiceKind.DebitMemo, token);
            return memo.ToProto();
        }, ct);
    }

    /// <summary>
    /// Raises and issues an invoice inside the current command (late charges): numbered and
    /// posted like any other.
    /// </summary>
    public async Task<Invoice> RaiseAsync(NewInvoice input, Customer customer, InvoiceKind kind, CancellationToken ct)
    {
        var invoice = Draft(input, customer, kind);
        await IssueAsync(invoice, customer, ct);
        commands.Audit("invoice", invoice.Id, null, invoice.ToProto());
        return invoice;
    }

    /// <summary>A new draft, priced by the calculator and the customer's terms, added to the unit of work.</summary>
    private Invoice Draft(NewInvoice input, Customer customer, InvoiceKind kind)
    {
        // No early-payment discount on a late charge: it would reward paying the penalty early.
        var terms = kind == InvoiceKind.LateCharge ? new PaymentTerms(customer.NetDays) : customer.Terms;
        var amounts = InvoiceCalculator.Calculate(input.Lines.Select(l => l.Pricing).ToList(), input.Currency, input.InvoiceDate, terms);
        var draft = new Invoice
        {
            Id = Ulid.NewUlid().ToString(),
            CustomerId = customer.Id,
            Kind = kind,
            Currency = input.Currency.Code,
            InvoiceDate = input.InvoiceDate,
            DueDate = amounts.DueDate,
            PoNumber = input.PoNumber,
            SalesRep = input.SalesRep,
            Lines = input.Lines.Select((l, i) => new InvoiceLine
            {
                LineNumber = i + 1,
                Description = l.Description,
                ProductCode = l.ProductCode,
                Quantity = l.Pricing.Quantity,
                UnitPrice = l.Pricing.UnitPrice,
                DiscountPercent = l.Pricing.DiscountPercent,
                TaxRatePercent = l.Pricing.TaxRatePercent,
                NetAmount = amounts.Lines[i].Net.Amount,
                TaxAmount = amounts.Lines[i].Tax.Amount,
            }).ToList(),
            Subtotal = amounts.Subtotal.Amount,
            TaxTotal = amounts.TaxTotal.Amount,
            Total = amounts.Total.Amount,
            DiscountDate = amounts.DiscountDate,
            DiscountAmount = amounts.DiscountAmount?.Amount,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.Invoices.Add(draft);
        return draft;
    }

    public async Task<Proto.Invoice> IssueAsync(Proto.IssueInvoiceRequest request, CancellationToken ct)
    {
        var v = new Validator();
        v.Require("id", request.Id).RequestId(request.RequestId);
        v.ThrowIfInvalid();

        return await commands.ExecuteAsync("IssueInvoice", request.RequestId, request, async token =>
        {
            var draft = await db.Invoices.FirstOrDefaultAsync(i => i.Id == request.Id, token)
                        ?? throw new NotFoundException("invoice", request.Id);
            var customer = await db.Customers.FindAsync([draft.CustomerId], token)
                           ?? throw new NotFoundException("customer", draft.CustomerId);
            var before = draft.ToProto();
            await IssueAsync(draft, customer, token);
            var issued = draft.ToProto();
            commands.Audit("invoice", draft.Id, before, issued);
            return issued;
        }, ct);
    }

    public async Task<Proto.Invoice> VoidAsync(Proto.VoidInvoiceRequest request, CancellationToken ct)
    {
        new Validator().Require("id", request.Id).RequestId(request.RequestId)
            .Require("reason", request.Reason).MaxLength("reason", request.Reason, 200).ThrowIfInvalid();
        return await commands.ExecuteAsync("VoidInvoice", request.RequestId, request, async token =>
        {
            var target = await db.Invoices.FirstOrDefaultAsync(i => i.Id == request.Id, token)
                         ?? throw new NotFoundException("invoice", request.Id);
            var before = target.ToProto();
            if (target.Void())
            {
                var customer = await db.Customers.FindAsync([target.CustomerId], token)
                               ?? throw new NotFoundException("customer", target.CustomerId);
                var now = clock.GetUtcNow().UtcDateTime;
                await ledger.PostAsync(customer, new LedgerEntry
                {
                    CustomerId = customer.Id, InvoiceId = target.Id, Kind = LedgerEntryKind.InvoiceVoided,
                    Currency = target.Currency, Amount = -target.Total, EffectiveDate = DateOnly.FromDateTime(now), PostedAt = now,
                    Reference = CardNumbers.Mask(request.Reason),
                }, token);
            }
            var voided = target.ToProto();
            commands.Audit("invoice", target.Id, before, voided);
            return voided;
        }, ct);
    }

    private async Task IssueAsync(Invoice invoice, Customer customer, CancellationToken ct)
    {
        var year = invoice.InvoiceDate.Year;
        var sequence = await commands.NextNumberAsync($"invoice:{year}", ct);
        var now = clock.GetUtcNow().UtcDateTime;
        invoice.Issue($"INV-{year}-{sequence:D6}", now);
        await ledger.PostAsync(customer, new LedgerEntry
        {
            CustomerId = customer.Id,
            InvoiceId = invoice.Id,
            Kind = LedgerEntryKind.InvoiceIssued,
            Currency = invoice.Currency,
            Amount = invoice.Total,
            EffectiveDate = invoice.InvoiceDate,
            PostedAt = now,
            Reference = invoice.Number!,
        }, ct);
        metrics.InvoicesIssued.Add(1);
        metrics.AmountBilled.Add(invoice.Total, new KeyValuePair<string, object?>("currency", invoice.Currency));
    }

    public async Task<Proto.Invoice> GetAsync(string id, CancellationToken ct)
    {
        var invoice = await portfolio.Invoices(db.Invoices.AsNoTracking()).FirstOrDefaultAsync(i => i.Id == id, ct)
                      ?? throw new NotFoundException("invoice", id);
        return invoice.ToProto();
    }

    /// <summary>The most invoices BatchGetInvoices reads at once.</summary>
    public const int MaxBatch = 500;

    /// <summary>Several invoices in one read, in the order asked; ids the caller may not see (or that name none) are left out.</summary>
    public async Task<Proto.BatchGetInvoicesResponse> BatchGetAsync(IReadOnlyList<string> ids, int maxIdLength, CancellationToken ct)
    {
        var v = new Validator();
        if (ids.Count is 0 or > MaxBatch) v.Add("ids", $"between 1 and {MaxBatch} ids");
        for (var i = 0; i < ids.Count; i++) v.Require($"ids[{i}]", ids[i]).MaxLength($"ids[{i}]", ids[i], maxIdLength);
        v.ThrowIfInvalid();
        var wanted = ids.Distinct().ToList();
        var found = await portfolio.Invoices(db.Invoices.AsNoTracking()).AsSplitQuery().Where(i => wanted.Contains(i.Id)).ToDictionaryAsync(i => i.Id, ct);
        return new Proto.BatchGetInvoicesResponse { Invoices = { wanted.Where(found.ContainsKey).Select(id => found[id].ToProto()) } };
    }

    public async Task<Proto.ListInvoicesResponse> ListAsync(Proto.ListInvoicesRequest request, CancellationToken ct)
    {
        var v = new Validator();
        var page = PageRequest.Parse(request.PageSize, request.PageToken, v);
        var (dueFrom, dueTo) = v.DateRange("due_from", request.DueFrom, "due_to", request.DueTo);
        if (!Enum.IsDefined(request.Status)) v.Add("status", "is not an invoice status");
        v.ThrowIfInvalid();

        var query = portfolio.Invoices(db.Invoices.AsNoTracking());
        if (request.CustomerId.Length > 0) query = query.Where(i => i.CustomerId == request.CustomerId);
        if (request.Status != Proto.InvoiceStatus.Unspecified)
        {
            var status = (InvoiceStatus)(int)request.Status;
            query = query.Where(i => i.Status == status);
        }
        if (dueFrom is { } from) query = query.Where(i => i.DueDate >= from);
        if (dueTo is { } to) query = query.Where(i => i.DueDate <= to);
        var (items, next) = await query.ToPageAsync(page, i => i.Id, ct);
        return new Proto.ListInvoicesResponse { Invoices = { items.Select(i => i.ToProto()) }, NextPageToken = next };
    }
}
