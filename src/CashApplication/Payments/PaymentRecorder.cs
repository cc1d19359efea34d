using ArPlatform.CashApplication.BankFiles;
using ArPlatform.CashApplication.Data;
using ArPlatform.CashApplication.Grpc;
using ArPlatform.CashApplication.Matching;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.SharedKernel;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Payments;

/// <summary>Payments recorded by API: validated, then kept exactly as a bank file's credit would be.</summary>
public sealed class PaymentRecorder(CashApplicationDbContext db, CommandExecutor<CashApplicationDbContext> commands,
    AutoMatcher matcher, PaymentQueries queries, CashApplicationMetrics metrics, TimeProvider clock)
{
    public const int MaxRemittanceLines = 500;

    /// <summary>Records the payment, then applies it if the matching engine is sure; returns it as it then stands.</summary>
    public async Task<Proto.Payment> RecordAsync(Proto.RecordPaymentRequest request, CancellationToken ct)
    {
        var recorded = await StoreAsync(request, ct);
        await matcher.TryMatchAsync($"payment:{recorded.Id}", p => p.Id == recorded.Id, ct);
        return await queries.GetAsync(recorded.Id, ct);
    }

    private Task<Proto.Payment> StoreAsync(Proto.RecordPaymentRequest request, CancellationToken ct)
    {
        var transaction = Parse(request, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime));
        return commands.ExecuteAsync("RecordPayment", request.RequestId, request, async token =>
        {
            // Without the bank's reference nothing ties it to a bank transaction: the request is its identity.
            var key = transaction.BankReference.Length > 0
                ? PaymentFactory.Key(transaction, new Dictionary<string, int>())
                : $"api:{request.RequestId}";
            // The stored result only names the payment: the caller gets it afresh, as their role may see it.
            if (await db.Payments.AsNoTracking().FirstOrDefaultAsync(p => p.UniqueKey == key, token) is { } known)
                return known.ToProto(showBankingDetails: false);
            var payment = PaymentFactory.FromBankTransaction(transaction, importId: null, key, clock.GetUtcNow().UtcDateTime);
            db.Payments.Add(payment);
            metrics.PaymentsImported.Add(1);
            var recorded = payment.ToProto(showBankingDetails: false);
            commands.Audit("payment", payment.Id, null, recorded);
            return recorded;
        }, ct);
    }

    private static BankTransaction Parse(Proto.RecordPaymentRequest request, DateOnly today)
    {
        var v = new Validator();
        v.RequestId(request.RequestId);
        var p = v.Resource("payment", request.Payment);
        var amount = v.Money("payment.amount", p.Amount);
        if (amount is { IsZero: true }) v.Add("payment.amount.amount", "must be greater than zero");
        v.Require("payment.payer_name", p.PayerName).MaxLength("payment.payer_name", p.PayerName, 200)
            .MaxLength("payment.bank_reference", p.BankReference, 100).MaxLength("payment.customer_reference", p.CustomerReference, 100)
            .MaxLength("payment.account_id", p.AccountId, 64).MaxLength("payment.payer_account", p.PayerAccount, 64)
            .MaxLength("payment.text", p.Text, 4000);
        var booking = v.Date("payment.booking_date", p.BookingDate) ?? today;
        var value = v.Date("payment.value_date", p.ValueDate);
        if (p.Remittance.Count > MaxRemittanceLines) v.Add("payment.remittance", $"at most {MaxRemittanceLines} lines");
        var lines = new List<RemittanceLine>();
        for (var i = 0; i < p.Remittance.Count; i++)
        {
            var line = p.Remittance[i];
            v.Require($"payment.remittance[{i}].reference", line.Reference).MaxLength($"payment.remittance[{i}].reference", line.Reference, 200);
            var paid = line.PaidAmount is null ? null : v.Money($"payment.remittance[{i}].paid_amount", line.PaidAmount);
            if (paid is { } money && amount is { } total && money.Currency != total.Currency)
                v.Add($"payment.remittance[{i}].paid_amount.currency", $"the payment is in {total.Currency.Code}");
            lines.Add(new RemittanceLine(line.Qualifier.Length > 0 ? line.Qualifier : "IV", line.Reference, paid?.Amount));
        }
        v.ThrowIfInvalid();
        return new BankTransaction
        {
            Format = default,
            LineNumber = 0,
            AccountId = p.AccountId,
            Currency = amount!.Value.Currency.Code,
            Amount = amount.Value.Amount,
            Direction = Direction.Credit,
            BookingDate = booking,
            ValueDate = value,
            BankReference = p.BankReference,
            CustomerReference = p.CustomerReference,
            PayerName = p.PayerName.Trim(),
            PayerAccount = p.PayerAccount,
            Text = p.Text,
            Remittance = lines,
        };
    }
}
