using System.Security.Cryptography;
using System.Text;
using ArPlatform.CashApplication.BankFiles;
using ArPlatform.SharedKernel;

namespace ArPlatform.CashApplication.Payments;

/// <summary>
/// Payments from bank transactions, whether a file or the API brings them: the same identity
/// key, the same masking of free text, the same field limits.
/// </summary>
public static class PaymentFactory
{
    /// <summary>
    /// What makes a bank transaction itself, whichever file brings it: our account, currency,
    /// amount, booking date and the bank's references (payer and text when there are none). Equal
    /// transactions within one file are told apart by their order.
    /// </summary>
    public static string Key(BankTransaction t, Dictionary<string, int> seen)
    {
        var identity = t.BankReference.Length > 0
            ? $"{t.AccountId}|{t.Currency}|{t.Amount:0.####}|{t.BookingDate:yyyy-MM-dd}|{t.BankReference}|{t.CustomerReference}"
            : $"{t.AccountId}|{t.Currency}|{t.Amount:0.####}|{t.BookingDate:yyyy-MM-dd}|{t.CustomerReference}|{t.PayerName}|{t.Text}";
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(identity)));
        var occurrence = seen[hash] = seen.GetValueOrDefault(hash) + 1;
        return occurrence == 1 ? hash : $"{hash}#{occurrence}";
    }

    public static Payment FromBankTransaction(BankTransaction t, string? importId, string key, DateTime now) => new()
    {
        Id = Ulid.NewUlid().ToString(),
        ImportId = importId,
        Currency = t.Currency,
        Amount = t.Amount,
        BookingDate = t.BookingDate,
        ValueDate = t.ValueDate,
        BankReference = Clip(t.BankReference, 100),
        CustomerReference = Clip(CardNumbers.Mask(t.CustomerReference), 100),
        AccountId = Clip(t.AccountId, 64),
        PayerName = Clip(CardNumbers.Mask(t.PayerName), 200),
        PayerAccount = Clip(t.PayerAccount, 64),
        Text = Clip(CardNumbers.Mask(t.Text), 4000),
        // A payment recorded by API came in no file.
        Format = importId is null ? null : t.Format,
        LineNumber = t.LineNumber,
        TypeCode = Clip(t.TypeCode, 32),
        UniqueKey = key,
        CreatedAt = now,
        Remittance = t.Remittance.Select((r, i) => new PaymentRemittance
        {
            LineNumber = i + 1,
            Qualifier = Clip(r.Qualifier, 40),
            Reference = Clip(CardNumbers.Mask(r.Reference), 200),
            PaidAmount = r.PaidAmount,
            InvoiceAmount = r.InvoiceAmount,
            DiscountAmount = r.DiscountAmount,
            AdjustmentReason = Clip(r.AdjustmentReason, 40),
            AdjustmentAmount = r.AdjustmentAmount,
        }).ToList(),
    };

    private static string Clip(string text, int max) => text.Length <= max ? text : text[..max];
}
