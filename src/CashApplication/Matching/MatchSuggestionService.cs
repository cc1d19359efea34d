using ArPlatform.CashApplication.Data;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Suggestions for one payment: the world as Billing has it now, handed to the pure matching engine.
/// </summary>
public sealed class MatchSuggestionService(
    CashApplicationDbContext db, MatchContextLoader loader, IOptions<MatchPolicy> policy)
{
    public async Task<Proto.MatchSuggestions> SuggestAsync(string paymentId, CancellationToken ct)
    {
        var payment = await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.Id == paymentId, ct)
                      ?? throw new NotFoundException("payment", paymentId);
        var index = await loader.LoadAsync([payment.Currency], [payment.PayerAccount], [payment.PayerName], ct);
        var decision = MatchingEngine.Decide(MatchContextLoader.ToMatch(payment), index, policy.Value);
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
}
