using ArPlatform.CashApplication.Data;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Suggestions for one payment: the world as Billing has it now (customers, open invoices in the
/// payment's currency, read as streams), handed to the pure matching engine.
/// </summary>
public sealed class MatchSuggestionService(
    CashApplicationDbContext db, Billing.BillingService.BillingServiceClient billing, IOptions<MatchPolicy> policy)
{
    public async Task<Proto.MatchSuggestions> SuggestAsync(string paymentId, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, ct)
                      ?? throw new NotFoundException("payment", paymentId);
        var context = new MatchContext(await OpenInvoicesAsync(payment.Currency, ct), await CustomersAsync(ct),
            new Dictionary<string, string>());
        var decision = MatchingEngine.Decide(new PaymentToMatch(payment.Currency, payment.UnappliedAmount, payment.BookingDate,
            payment.PayerName, payment.PayerAccount, payment.Remittance.OrderBy(r => r.LineNumber)
                .Select(r => new RemittanceReference(r.Reference, r.PaidAmount)).ToList()), context, policy.Value);
        return new Proto.MatchSuggestions
        {
            PaymentId = payment.Id,
            AutoApply = decision.AutoApply is not null,
            Suggestions =
            {
                decision.Proposals.Select(p => new Proto.MatchSuggestion
                {
                    CustomerId = p.CustomerId,
                    Allocations = { p.Allocations.Select(a => new Proto.SuggestedAllocation
                    {
                        InvoiceId = a.InvoiceId, InvoiceNumber = a.InvoiceNumber, Amount = MoneyMapping.ToProto(a.Amount, payment.Currency),
                    }) },
                    Outcome = (Proto.MatchOutcome)(int)p.Outcome,
                    Difference = MoneyMapping.ToProto(p.Difference, payment.Currency),
                    Confidence = DecimalText.Format(p.Confidence),
                    Reasons = { p.Reasons },
                }),
            },
        };
    }

    private async Task<List<OpenInvoice>> OpenInvoicesAsync(string currency, CancellationToken ct)
    {
        var invoices = new List<OpenInvoice>();
        using var stream = billing.StreamOpenInvoices(new Billing.StreamOpenInvoicesRequest(), cancellationToken: ct);
        await foreach (var i in stream.ResponseStream.ReadAllAsync(ct))
        {
            if (i.Currency != currency) continue;
            invoices.Add(new OpenInvoice(i.Id, i.Number, i.CustomerId, i.Currency, i.OpenAmount.ToDecimal(), BusinessDate.Parse(i.DueDate),
                i.PoNumber, i.DiscountDate.Length > 0 ? BusinessDate.Parse(i.DiscountDate) : null,
                i.DiscountAmount is null ? null : i.DiscountAmount.ToDecimal()));
        }
        return invoices;
    }

    private async Task<List<CustomerName>> CustomersAsync(CancellationToken ct)
    {
        var customers = new List<CustomerName>();
        var token = "";
        do
        {
            var page = await billing.ListCustomersAsync(new Billing.ListCustomersRequest { PageSize = 500, PageToken = token }, cancellationToken: ct);
            customers.AddRange(page.Customers.Select(c => new CustomerName(c.Id, c.Name)));
            token = page.NextPageToken;
        } while (token.Length > 0);
        return customers;
    }
}
