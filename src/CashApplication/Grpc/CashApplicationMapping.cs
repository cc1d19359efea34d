using ArPlatform.CashApplication.Applications;
using ArPlatform.CashApplication.Imports;
using ArPlatform.CashApplication.Payments;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.SharedKernel;
using Google.Protobuf.WellKnownTypes;
using Proto = ArPlatform.Contracts.CashApplication.V1;

namespace ArPlatform.CashApplication.Grpc;

/// <summary>Domain to wire. Domain and wire enums share their numbers.</summary>
public static class CashApplicationMapping
{
    public static Proto.BankFileImport ToProto(this BankFileImportRecord i)
    {
        var totals = i.Totals.Select(t => MoneyMapping.ToProto(t.Amount, t.Currency)).ToList();
        return new Proto.BankFileImport
        {
            ImportId = i.Id,
            FileName = i.FileName,
            Format = (Proto.BankFileFormat)(int)i.Format,
            PaymentsCreated = i.PaymentsCreated,
            DuplicatesSkipped = i.DuplicatesSkipped,
            Total = totals.FirstOrDefault(),
            Totals = { totals },
            AutoApplied = i.AutoApplied,
            Unapplied = i.PaymentsCreated - i.AutoApplied,
            DebitsSkipped = i.DebitsSkipped,
            ReturnedItems = i.ReturnedItems,
            Sha256 = i.Sha256,
            SizeBytes = i.SizeBytes,
            ImportedBy = i.ImportedBy,
            ImportTime = Timestamp.FromDateTime(DateTime.SpecifyKind(i.ImportedAt, DateTimeKind.Utc)),
        };
    }

    /// <param name="showBankingDetails">Whether the caller may see the payer's bank account in full.</param>
    /// <param name="applications">The payment's applications, oldest first (none for a new payment).</param>
    public static Proto.Payment ToProto(this Payment p, bool showBankingDetails, IEnumerable<PaymentApplication>? applications = null) => new()
    {
        Id = p.Id,
        ImportId = p.ImportId ?? "",
        Status = (Proto.PaymentStatus)(int)p.Status,
        Amount = MoneyMapping.ToProto(p.Amount, p.Currency),
        UnappliedAmount = MoneyMapping.ToProto(p.UnappliedAmount, p.Currency),
        BookingDate = p.BookingDate.ToText(),
        ValueDate = p.ValueDate.ToText(),
        BankReference = p.BankReference,
        CustomerReference = p.CustomerReference,
        AccountId = p.AccountId,
        PayerName = p.PayerName,
        PayerAccount = showBankingDetails || p.PayerAccount.Length <= 4 ? p.PayerAccount : "****" + p.PayerAccount[^4..],
        Remittance = { p.Remittance.OrderBy(r => r.LineNumber).Select(r => r.ToProto(p.Currency)) },
        Text = p.Text,
        Format = p.Format is { } format ? (Proto.BankFileFormat)(int)format : Proto.BankFileFormat.Unspecified,
        LineNumber = p.LineNumber,
        BankTypeCode = p.TypeCode,
        CreateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(p.CreatedAt, DateTimeKind.Utc)),
        CustomerId = p.CustomerId ?? "",
        Applications = { (applications ?? []).Select(a => a.ToProto()) },
    };

    public static Proto.Application ToProto(this PaymentApplication a) => new()
    {
        Id = a.Id,
        CustomerId = a.CustomerId,
        Status = (Proto.ApplicationStatus)(int)a.Status,
        Automatic = a.Automatic,
        Confidence = a.Confidence is { } c ? DecimalText.Format(c) : "",
        Reasons = { a.Reasons.Split('\n', StringSplitOptions.RemoveEmptyEntries) },
        Lines =
        {
            a.Lines.OrderBy(l => l.LineNumber).Select(l => new Proto.ApplicationLine
            {
                InvoiceId = l.InvoiceId,
                InvoiceNumber = l.InvoiceNumber,
                Amount = MoneyMapping.ToProto(l.Amount, a.Currency),
                Shortfall = MoneyMapping.ToProto(l.Shortfall, a.Currency),
                Treatment = (Proto.ShortfallTreatment)(int)l.Treatment,
                DeductionReason = l.DeductionReason,
                DisputeId = l.DisputeId ?? "",
            }),
        },
        OnAccount = MoneyMapping.ToProto(a.OnAccount, a.Currency),
        AppliedBy = a.AppliedBy,
        BillingApplicationId = a.BillingApplicationId ?? "",
        LastError = string.Join("; ", new[] { a.LastError }.Concat(a.Lines.Select(l => l.DeductionError)).Where(e => e.Length > 0)),
        ReversedBy = a.ReversedBy,
        ReversalReason = a.ReversalReason,
        CreateTime = Timestamp.FromDateTime(DateTime.SpecifyKind(a.CreatedAt, DateTimeKind.Utc)),
        ReverseTime = a.ReversedAt is { } at ? Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
        Note = a.Note,
    };

    /// <param name="showBankingDetails">Whether the caller may see a taught bank account in full.</param>
    /// <param name="ambiguous">Whether the same payer is also taught for another customer.</param>
    public static Proto.PayerLesson ToProto(this PayerLesson l, bool showBankingDetails, bool ambiguous = false) => new()
    {
        Id = l.Id,
        CustomerId = l.CustomerId,
        Kind = (Proto.PayerLessonKind)(int)l.Kind,
        Payer = l.Kind != PayerLessonKind.BankAccount || showBankingDetails || l.Payer.Length <= 4 ? l.Payer : "****" + l.Payer[^4..],
        LearnedFromApplicationId = l.LearnedFrom,
        LearnedBy = l.LearnedBy,
        LearnedAutomatically = l.Automatic,
        LearnTime = Timestamp.FromDateTime(DateTime.SpecifyKind(l.LearnedAt, DateTimeKind.Utc)),
        Ambiguous = ambiguous,
        ForgetTime = l.ForgottenAt is { } at ? Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc)) : null,
        ForgottenBy = l.ForgottenBy,
        ForgetReason = l.ForgetReason,
    };

    private static Proto.RemittanceLine ToProto(this PaymentRemittance r, string currency) => new()
    {
        Qualifier = r.Qualifier,
        Reference = r.Reference,
        PaidAmount = Money(r.PaidAmount, currency),
        InvoiceAmount = Money(r.InvoiceAmount, currency),
        DiscountAmount = Money(r.DiscountAmount, currency),
        AdjustmentReason = r.AdjustmentReason,
        AdjustmentAmount = Money(r.AdjustmentAmount, currency),
    };

    /// <summary>
    /// Remitted amounts as the payer wrote them: the currency's minor units where they fit, all
    /// their decimals otherwise (never rounded away).
    /// </summary>
    private static Contracts.Common.V1.Money? Money(decimal? amount, string currency) => amount is { } a
        ? new Contracts.Common.V1.Money
        {
            Currency = currency,
            Amount = Math.Round(a, Currency.Of(currency).MinorUnits) == a ? MoneyMapping.ToProto(a, currency).Amount : DecimalText.Format(a),
        }
        : null;
}
