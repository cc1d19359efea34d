using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>
/// Ledger invariants as properties: for random sequences of issue, apply and reverse (seeded, so
/// a failure replays), every invoice's open amount stays ≥ 0 and equals its ledger entries, and
/// the customer's balance is the sum of its open invoices.
/// </summary>
public sealed class LedgerInvariantTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(42)]
    public async Task Any_sequence_of_issue_apply_and_reverse_keeps_the_ledger_consistent(int seed)
    {
        using var host = new BillingHost(redis: null);
        var random = new Random(seed);
        var cash = host.ClientAs(Roles.CashApplier);
        var customerId = (await host.Client.CreateCustomerAsync(Requests.Customer())).Id;
        var invoices = new List<string>();
        var applications = new List<string>();
        var (applied, refused, reversed) = (0, 0, 0);

        for (var step = 0; step < 40; step++)
        {
            switch (random.Next(4))
            {
                case 0 or 1 when invoices.Count < 6:
                    var price = $"{random.Next(1, 500)}.{random.Next(0, 100):D2}";
                    invoices.Add((await host.Client.CreateInvoiceAsync(
                        Requests.Invoice(customerId, requestId: $"i-{step}", quantity: random.Next(1, 4).ToString(), unitPrice: price))).Id);
                    break;
                case 0 or 1 or 2 when invoices.Count > 0:
                    var invoiceId = invoices[random.Next(invoices.Count)];
                    var amount = $"{random.Next(0, 300)}.{random.Next(1, 100):D2}";
                    try
                    {
                        applications.Add((await cash.ApplyPaymentAsync(new ApplyPaymentRequest
                        {
                            RequestId = $"a-{step}", PaymentReference = $"REF-{step}", AppliedOn = "2026-11-05",
                            Allocations = { new PaymentAllocation { InvoiceId = invoiceId, Amount = Requests.Usd(amount) } },
                        })).Id);
                        applied++;
                    }
                    catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
                    {
                        // More than open, or the invoice is paid: refused, as it must be.
                        refused++;
                    }
                    break;
                default:
                    if (applications.Count == 0) break;
                    var reverse = applications[random.Next(applications.Count)];
                    applications.Remove(reverse);
                    await cash.ReversePaymentApplicationAsync(new ReversePaymentApplicationRequest { Id = reverse, RequestId = $"r-{step}", Reason = "returned" });
                    reversed++;
                    break;
            }
        }

        // The sequence really exercised every operation.
        Assert.True(applied > 0 && refused > 0 && reversed > 0, $"applied {applied}, refused {refused}, reversed {reversed}");
        var (openAmounts, ledgerSums) = await host.QueryAsync(async db => (
            await db.Invoices.ToDictionaryAsync(i => i.Id, i => i.OpenAmount),
            (await db.LedgerEntries.ToListAsync()).GroupBy(e => e.InvoiceId!).ToDictionary(g => g.Key, g => g.Sum(e => e.Amount))));
        Assert.All(openAmounts, invoice =>
        {
            Assert.True(invoice.Value >= 0m, $"invoice {invoice.Key} open {invoice.Value}");
            Assert.Equal(ledgerSums[invoice.Key], invoice.Value);
        });
        var balance = await host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        var open = balance.Balances.SingleOrDefault()?.Open.Amount ?? "0.00";
        Assert.Equal(openAmounts.Values.Sum(), decimal.Parse(open, System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(openAmounts.Values.Count(v => v > 0m), balance.OpenInvoiceCount);
    }
}
