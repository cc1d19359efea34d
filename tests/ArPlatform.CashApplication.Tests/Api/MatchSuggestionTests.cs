using ArPlatform.Contracts.CashApplication.V1;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Security;

namespace ArPlatform.CashApplication.Tests.Api;

/// <summary>Suggestions for a payment against Billing's real open invoices (both services in memory).</summary>
public sealed class MatchSuggestionTests : IDisposable
{
    private readonly BillingHost _billing = new(redis: null);
    private readonly CashApplicationHost _cash;

    public MatchSuggestionTests() => _cash = new CashApplicationHost(_billing);

    public void Dispose()
    {
        _cash.Dispose();
        _billing.Dispose();
    }

    [Fact]
    public async Task A_payment_naming_an_invoice_number_is_suggested_for_it_with_its_reasons()
    {
        var customer = await _billing.Client.CreateCustomerAsync(Requests.Customer());
        var invoice = await _billing.Client.CreateInvoiceAsync(Requests.Invoice(customer.Id));
        await _billing.Client.CreateInvoiceAsync(Requests.Invoice(customer.Id, "i-2", quantity: "5"));
        var cash = _cash.ClientAs("carl", Roles.CashApplier);
        var payment = await cash.RecordPaymentAsync(new RecordPaymentRequest
        {
            RequestId = "p-1",
            Payment = new Payment
            {
                Amount = new Money { Currency = "USD", Amount = "324.75" }, PayerName = "ACME CORP", BookingDate = "2026-11-03",
                Remittance = { new RemittanceLine { Reference = invoice.Number[^6..] } },
            },
        });

        var suggestions = await cash.GetMatchSuggestionsAsync(new GetMatchSuggestionsRequest { PaymentId = payment.Id });

        var top = suggestions.Suggestions[0];
        Assert.True(suggestions.AutoApply);
        Assert.Equal((customer.Id, MatchOutcome.Full, "0.99"), (top.CustomerId, top.Outcome, top.Confidence));
        Assert.Equal((invoice.Id, "324.75"), (top.Allocations.Single().InvoiceId, top.Allocations.Single().Amount.Amount));
        Assert.Contains(top.Reasons, r => r.Contains($"is invoice {invoice.Number}"));
    }
}
