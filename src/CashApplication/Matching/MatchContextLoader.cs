using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Payments;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.SharedKernel;
using Grpc.Core;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// What matching needs to know, read once per batch of payments: Billing's open invoices in the
/// payments' currencies (one server stream, however many), its customers (paged), and what was
/// learned here of the payments' payers (bank accounts, names).
/// </summary>
public sealed class MatchContextLoader(Billing.BillingService.BillingServiceClient billing, PayerLearning learning)
{
    public async Task<MatchIndex> LoadAsync(IReadOnlyCollection<string> currencies, IReadOnlyCollection<string> payerAccounts,
        IReadOnlyCollection<string> payerNames, CancellationToken ct)
    {
        // The customers' pages are read while the invoices stream: two calls to Billing in flight, not one after the other.
        var customers = CustomersAsync(ct);
        var invoices = await OpenInvoicesAsync(currencies, null, ct);
        var learned = await learning.KnownAsync(payerAccounts, payerNames, ct);
        return new MatchIndex(new MatchContext(invoices, await customers, learned.CustomerByBankAccount, learned.CustomerByPayerName), currencies);
    }

    /// <summary>The open invoices in these currencies issued since a time (UTC), to bring a reused index up to date.</summary>
    public Task<List<OpenInvoice>> IssuedSinceAsync(IReadOnlyCollection<string> currencies, DateTime since, CancellationToken ct) =>
        OpenInvoicesAsync(currencies, since, ct);

    /// <summary>What is learned now of these payers, to bring a reused index up to date.</summary>
    public Task<LearnedPayers> LearnedPayersAsync(IReadOnlyCollection<string> payerAccounts, IReadOnlyCollection<string> payerNames, CancellationToken ct) =>
        learning.KnownAsync(payerAccounts, payerNames, ct);

    /// <summary>The payment as the engine sees it: what is left of it to place, and what its payer remitted.</summary>
    public static PaymentToMatch ToMatch(Payment payment) => new(payment.Currency, payment.UnappliedAmount, payment.BookingDate,
        payment.PayerName, payment.PayerAccount,
        payment.Remittance.OrderBy(r => r.LineNumber).Select(r => new RemittanceReference(r.Reference, r.PaidAmount, r.AdjustmentReason)).ToList(), payment.Text);

    private async Task<List<OpenInvoice>> OpenInvoicesAsync(IReadOnlyCollection<string> currencies, DateTime? issuedSince, CancellationToken ct)
    {
        var invoices = new List<OpenInvoice>();
        var request = new Billing.StreamOpenInvoicesRequest { View = Billing.InvoiceView.OpenItem };
        if (issuedSince is { } since) request.IssuedSince = Google.Protobuf.WellKnownTypes.Timestamp.FromDateTime(since);
        using var stream = billing.StreamOpenInvoices(request,
            deadline: DateTime.UtcNow.AddMinutes(5), cancellationToken: ct);
        await foreach (var i in stream.ResponseStream.ReadAllAsync(ct))
        {
            if (!currencies.Contains(i.Currency)) continue;
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
            customers.AddRange(page.Customers.Select(c => new CustomerName(c.Id, c.Name, c.LegalName, c.CustomerNumber, c.ParentCustomerId)));
            token = page.NextPageToken;
        } while (token.Length > 0);
        return customers;
    }
}
