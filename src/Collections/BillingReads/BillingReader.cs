using System.Runtime.CompilerServices;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Security;
using ArPlatform.SharedKernel;
using Grpc.Core;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Collections.BillingReads;

/// <summary>An open invoice as Collections reads it from Billing.</summary>
public readonly record struct OpenInvoice(
    string Id, string Number, string CustomerId, string Currency, DateOnly DueDate, decimal OpenAmount, decimal DisputedAmount);

/// <summary>
/// Collections's reads of Billing, the truth of what is owed: open invoices (streamed), the
/// customer master (paged), and the cash applied to an account over a span of dates.
/// </summary>
public sealed class BillingReader(Billing.BillingService.BillingServiceClient billing, PortfolioGuard portfolio)
{
    /// <summary>Long enough for a stream of every open invoice at volume.</summary>
    private static readonly TimeSpan StreamDeadline = TimeSpan.FromMinutes(10);

    public async IAsyncEnumerable<OpenInvoice> OpenInvoicesAsync(string? customerId, [EnumeratorCancellation] CancellationToken ct)
    {
        using var stream = billing.StreamOpenInvoices(
            new Billing.StreamOpenInvoicesRequest { CustomerId = customerId ?? "", View = Billing.InvoiceView.OpenItem },
            deadline: DateTime.UtcNow.Add(StreamDeadline), cancellationToken: ct);
        await foreach (var i in stream.ResponseStream.ReadAllAsync(ct))
            yield return new OpenInvoice(i.Id, i.Number, i.CustomerId, i.Currency, BusinessDate.Parse(i.DueDate),
                i.OpenAmount.ToDecimal(), i.DisputedAmount.ToDecimal());
    }

    /// <summary>Every customer (or one collector's), by id.</summary>
    public async Task<Dictionary<string, Billing.Customer>> CustomersAsync(string? collector, CancellationToken ct)
    {
        var customers = new Dictionary<string, Billing.Customer>(StringComparer.Ordinal);
        var token = "";
        do
        {
            var page = await billing.ListCustomersAsync(
                new Billing.ListCustomersRequest { PageSize = 500, PageToken = token, Collector = collector ?? "" }, cancellationToken: ct);
            foreach (var c in page.Customers) customers[c.Id] = c;
            token = page.NextPageToken;
        } while (token.Length > 0);
        return customers;
    }

    /// <summary>One customer; NOT_FOUND here when Billing has no such customer.</summary>
    public Task<Billing.Customer> CustomerAsync(string id, CancellationToken ct) =>
        Found("customer", id, () => billing.GetCustomerAsync(new Billing.GetCustomerRequest { Id = id }, cancellationToken: ct).ResponseAsync);

    /// <summary>
    /// One customer as the caller may see it: a collector without a wider role sees the customers
    /// assigned to them, and any other reads as not found (as in Billing).
    /// </summary>
    public async Task<Billing.Customer> VisibleCustomerAsync(string id, CancellationToken ct)
    {
        var customer = await CustomerAsync(id, ct);
        if (!portfolio.CanSee(customer)) throw new NotFoundException("customer", id);
        return customer;
    }

    /// <summary>For a collector without a wider role, the customer a list must name (theirs); nothing for everyone else.</summary>
    public Task EnsureListableAsync(string customerId, CancellationToken ct) => portfolio.EnsureListableAsync(customerId, ct);

    /// <summary>One invoice, within the caller's portfolio (see <see cref="VisibleCustomerAsync"/>).</summary>
    public async Task<Billing.Invoice> VisibleInvoiceAsync(string id, CancellationToken ct)
    {
        var invoice = await InvoiceAsync(id, ct);
        if (portfolio.Applies) await VisibleCustomerAsync(invoice.CustomerId, ct);
        return invoice;
    }

    public Task<Billing.Invoice> InvoiceAsync(string id, CancellationToken ct) =>
        Found("invoice", id, () => billing.GetInvoiceAsync(new Billing.GetInvoiceRequest { Id = id }, cancellationToken: ct).ResponseAsync);

    /// <summary>Billing's NOT_FOUND as this service's own, naming what the caller asked for.</summary>
    private static async Task<T> Found<T>(string resource, string id, Func<Task<T>> read)
    {
        try
        {
            return await read();
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            throw new NotFoundException(resource, id);
        }
    }

    /// <summary>Every invoice of one customer (drafts and voids included; the caller picks).</summary>
    public async Task<List<Billing.Invoice>> InvoicesAsync(string customerId, CancellationToken ct)
    {
        var invoices = new List<Billing.Invoice>();
        var token = "";
        do
        {
            var page = await billing.ListInvoicesAsync(
                new Billing.ListInvoicesRequest { CustomerId = customerId, PageSize = 500, PageToken = token }, cancellationToken: ct);
            invoices.AddRange(page.Invoices);
            token = page.NextPageToken;
        } while (token.Length > 0);
        return invoices;
    }

    public Task<Billing.AccountBalance> BalanceAsync(string customerId, CancellationToken ct) =>
        billing.GetAccountBalanceAsync(new Billing.GetAccountBalanceRequest { CustomerId = customerId }, cancellationToken: ct).ResponseAsync;

    /// <summary>
    /// Cash applied to the customer's invoices in <paramref name="currency"/> with an accounting
    /// date in [from, to], less applications reversed (a returned payment keeps no promise).
    /// </summary>
    public async Task<decimal> CashAppliedAsync(string customerId, string currency, DateOnly from, DateOnly to, CancellationToken ct)
    {
        var cash = 0m;
        var token = "";
        do
        {
            var page = await billing.ListLedgerEntriesAsync(new Billing.ListLedgerEntriesRequest
            {
                CustomerId = customerId, FromDate = from.ToText(), ToDate = to.ToText(), PageSize = 500, PageToken = token,
            }, cancellationToken: ct);
            cash -= page.Entries
                .Where(e => e.Amount.Currency == currency && e.Kind is "PAYMENT_APPLIED" or "PAYMENT_REVERSED")
                .Sum(e => e.Amount.ToDecimal());
            token = page.NextPageToken;
        } while (token.Length > 0);
        return cash;
    }
}
