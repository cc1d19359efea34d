using ArPlatform.Billing.Reports;
using ArPlatform.Billing.Gl;
using ArPlatform.Billing.Ledger;
using ArPlatform.Billing.Tests.Infrastructure;
using ArPlatform.Contracts.Billing.V1;
using ArPlatform.ServiceDefaults.Security;
using CsCheck;
using Grpc.Core;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Billing.Tests.Api;

/// <summary>
/// Ledger invariants as properties (CsCheck): for any generated sequence of issue, apply,
/// reverse, credit, write-off and on-account credit use — run through the real API — every
/// invoice's open amount stays between zero and its total and equals its ledger entries, the
/// customer's balance is the sum of its open items, every journal entry balances, and the
/// subledger reconciles to the control account. A failure prints the seed and the shrunk sequence.
/// </summary>
public sealed class LedgerInvariantTests : IDisposable
{
    private readonly BillingHost _host = new(redis: null);

    public void Dispose() => _host.Dispose();

    private abstract record Step;
    private sealed record Issue(int Quantity, int PriceCents) : Step;
    private sealed record Apply(int Invoice, int Cents) : Step;
    private sealed record Reverse(int Application) : Step;
    private sealed record Credit(int Invoice, int Cents) : Step;
    private sealed record WriteOff(int Invoice, int Cents) : Step;
    private sealed record CreditOnAccount(int Cents) : Step;
    private sealed record UseCredit(int Memo, int Invoice, int Cents) : Step;

    private static readonly Gen<Step> Steps = Gen.Frequency(
        (3, Gen.Select(Gen.Int[1, 3], Gen.Int[100, 50_000], (q, p) => (Step)new Issue(q, p))),
        (4, Gen.Select(Gen.Int[0, 9], Gen.Int[1, 60_000], (i, c) => (Step)new Apply(i, c))),
        (2, Gen.Int[0, 9].Select(a => (Step)new Reverse(a))),
        (1, Gen.Select(Gen.Int[0, 9], Gen.Int[1, 30_000], (i, c) => (Step)new Credit(i, c))),
        (1, Gen.Select(Gen.Int[0, 9], Gen.Int[1, 30_000], (i, c) => (Step)new WriteOff(i, c))),
        (1, Gen.Int[1, 50_000].Select(c => (Step)new CreditOnAccount(c))),
        (1, Gen.Select(Gen.Int[0, 9], Gen.Int[0, 9], Gen.Int[1, 50_000], (m, i, c) => (Step)new UseCredit(m, i, c))));

    [Fact]
    public Task Any_sequence_of_ledger_operations_keeps_every_invariant() =>
        Steps.List[1, 30].SampleAsync(RunAndCheckAsync, iter: 30, threads: 1);

    private async Task RunAndCheckAsync(List<Step> steps)
    {
        var run = Guid.NewGuid().ToString("N")[..8];
        var customerId = (await _host.Client.CreateCustomerAsync(Requests.Customer($"c-{run}"))).Id;
        var (invoices, applications, memos) = (new List<string>(), new List<string>(), new List<string>());
        var cash = _host.ClientAs(Roles.CashApplier);
        var collections = _host.ClientFor("collections", Roles.Service);
        static string Pick(List<string> ids, int index) => ids[index % ids.Count];
        static Contracts.Common.V1.Money Usd(int cents) => Requests.Usd($"{cents / 100}.{cents % 100:D2}");

        for (var n = 0; n < steps.Count; n++)
        {
            var id = $"{run}-{n}";
            try
            {
                switch (steps[n])
                {
                    case Issue s:
                        invoices.Add((await _host.Client.CreateInvoiceAsync(Requests.Invoice(customerId, requestId: $"i-{id}",
                            quantity: s.Quantity.ToString(), unitPrice: Usd(s.PriceCents).Amount))).Id);
                        break;
                    case Apply s when invoices.Count > 0:
                        applications.Add((await cash.ApplyPaymentAsync(new ApplyPaymentRequest
                        {
                            RequestId = $"a-{id}", PaymentReference = $"REF-{id}", AppliedOn = "2026-11-05",
                            Allocations = { new PaymentAllocation { InvoiceId = Pick(invoices, s.Invoice), Amount = Usd(s.Cents) } },
                        })).Id);
                        break;
                    case Reverse s when applications.Count > 0:
                        var reverse = Pick(applications, s.Application);
                        applications.Remove(reverse);
                        await cash.ReversePaymentApplicationAsync(new ReversePaymentApplicationRequest { Id = reverse, RequestId = $"r-{id}", Reason = "NSF" });
                        break;
                    case Credit s when invoices.Count > 0:
                        await _host.Client.CreateCreditMemoAsync(new CreateCreditMemoRequest
                        {
                            RequestId = $"m-{id}", CreditMemo = new CreditMemo { InvoiceId = Pick(invoices, s.Invoice), Reason = "pricing", Amount = Usd(s.Cents) },
                        });
                        break;
                    case WriteOff s when invoices.Count > 0:
                        await collections.PostWriteOffAsync(_host.Approvals.Approve(new PostWriteOffRequest
                        {
                            InvoiceId = Pick(invoices, s.Invoice), RequestId = $"w-{id}", Amount = Usd(s.Cents), WriteOffId = $"wo-{id}",
                            WriteOffReference = $"WO-{id}", Reason = "uncollectible", RequestedBy = "ana", ApprovedBy = "mark",
                        }));
                        break;
                    case CreditOnAccount s:
                        memos.Add((await _host.Client.CreateCreditMemoAsync(new CreateCreditMemoRequest
                        {
                            RequestId = $"oa-{id}", CreditMemo = new CreditMemo { CustomerId = customerId, Reason = "rebate", Amount = Usd(s.Cents) },
                        })).Id);
                        break;
                    case UseCredit s when memos.Count > 0 && invoices.Count > 0:
                        await cash.ApplyCreditMemoAsync(new ApplyCreditMemoRequest
                        {
                            Id = Pick(memos, s.Memo), RequestId = $"uc-{id}",
                            Allocations = { new CreditAllocation { InvoiceId = Pick(invoices, s.Invoice), Amount = Usd(s.Cents) } },
                        });
                        break;
                }
            }
            catch (RpcException ex) when (ex.StatusCode == StatusCode.FailedPrecondition)
            {
                // More than is open or left, a settled invoice: refused, as it must be, changing nothing.
            }
        }

        var (invoiceRows, entries) = await _host.QueryAsync(async db => (
            await db.Invoices.Where(i => i.CustomerId == customerId).Select(i => new { i.Id, i.Total, i.OpenAmount }).ToListAsync(),
            await db.LedgerEntries.Where(e => e.CustomerId == customerId).ToListAsync()));
        foreach (var invoice in invoiceRows)
        {
            Assert.InRange(invoice.OpenAmount, 0m, invoice.Total);
            Assert.Equal(entries.Where(e => e.InvoiceId == invoice.Id).Sum(e => e.Amount), invoice.OpenAmount);
        }
        var onAccount = entries.Where(e => e.InvoiceId is null).Sum(e => e.Amount);
        Assert.True(onAccount <= 0m, $"on-account credit left {onAccount}");
        var balance = await _host.Client.GetAccountBalanceAsync(new GetAccountBalanceRequest { CustomerId = customerId });
        Assert.Equal(invoiceRows.Sum(i => i.OpenAmount) + onAccount, decimal.Parse(balance.Balances.SingleOrDefault()?.Open.Amount ?? "0"));
        foreach (var entry in entries)
        {
            var journal = JournalBuilder.Build(entry, null, new GlAccounts());
            Assert.Equal(journal.Lines.Sum(l => l.Debit), journal.Lines.Sum(l => l.Credit));
        }
        Assert.True((await _host.ClientAs(Roles.Controller).GetGlReconciliationAsync(new GetGlReconciliationRequest())).Reconciled);

        // Aging on any date is what the ledger held then: each invoice's entries up to the date, by its due date.
        var dueDates = await _host.QueryAsync(db => db.Invoices.Where(i => i.CustomerId == customerId).ToDictionaryAsync(i => i.Id, i => i.DueDate));
        foreach (var asOf in entries.Select(e => e.EffectiveDate).Distinct().SelectMany(d => new[] { d.AddDays(-1), d }))
        {
            var expected = AgingCalculator.Age(entries.Where(e => e.EffectiveDate <= asOf).GroupBy(e => e.InvoiceId)
                .Select(g => new AgingItem(customerId, "USD", g.Key is null ? null : dueDates[g.Key], g.Sum(e => e.Amount), 0m)), asOf).SingleOrDefault();
            var report = await _host.Client.GetAgingReportAsync(new GetAgingReportRequest { AsOf = asOf.ToString("yyyy-MM-dd") });
            var row = report.Rows.SingleOrDefault(r => r.Key == customerId);
            static decimal[] Amounts(params string[] amounts) => amounts.Select(decimal.Parse).ToArray();
            Assert.Equal(
                expected is null ? null : new[] { expected.Current, expected.Days1To30, expected.Days31To60, expected.Days61To90, expected.Over90, expected.Disputed },
                row is null ? null : Amounts(row.Current.Amount, row.Days1To30.Amount, row.Days31To60.Amount, row.Days61To90.Amount, row.Over90.Amount, row.Disputed.Amount));
        }
    }
}
