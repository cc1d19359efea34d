using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Why a payer paid less, when they wrote it in words rather than as an adjustment code ("LESS
/// DAMAGED GOODS", "short shipped 2 cases", "minus freight", "Preisdifferenz"): the Disputes
/// reason code the words mean (OTHER for a deduction said in words no list holds, "less CN-0012"),
/// or empty when they name none. Read only when the payment is short, so a word alone is enough;
/// the first reason named wins.
/// </summary>
public static partial class ShortPayReasonText
{
    private static readonly (string Code, Regex Words)[] Reasons =
    [
        ("DUPLICATE_BILLING", Duplicate()),
        ("NOT_RECEIVED", NotReceived()),
        ("QUALITY_DAMAGE", Damage()),
        ("QUANTITY", Quantity()),
        ("PRICING", Pricing()),
        ("PROMOTION_TRADE", Promotion()),
        ("CONTRACT_TERMS", Freight()),
        ("CONTRACT_TERMS", Discount()),
        ("TAX", Tax()),
        ("TAX", Withholding()),
        ("OTHER", BankCharges()),
    ];

    public static string Find(string text)
    {
        if (text.Length == 0) return "";
        return Reasons.Select(r => (r.Code, Match: r.Words.Match(text))).Where(r => r.Match.Success)
            .OrderBy(r => r.Match.Index).Select(r => r.Code).FirstOrDefault() ?? (Deducted().IsMatch(text) ? "OTHER" : "");
    }

    private const RegexOptions Options = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;

    [GeneratedRegex(@"\b(duplicate|double[- ]?bill\w*|billed twice|doppelt)", Options)]
    private static partial Regex Duplicate();

    [GeneratedRegex(@"\b(not|never) (received|delivered)|non[- ]?delivery|nicht (geliefert|erhalten)|non (re[çc]u|livr[ée])", Options)]
    private static partial Regex NotReceived();

    [GeneratedRegex(@"\b(damage[ds]?|broken|defective|faulty|spoil(ed|age)|quality|besch[äa]digt|\w*schaden|mangel\w*|endommag\w*|d[ée]fectueu\w*|danneggiat\w*|beschadigd)", Options)]
    private static partial Regex Damage();

    [GeneratedRegex(@"\b(short[- ]?ship\w*|shortage|short (delivery|delivered|received)|missing|qty|quantity|fehlmenge|manquant\w*)", Options)]
    private static partial Regex Quantity();

    [GeneratedRegex(@"\b(pric(e|ing)\w*|overcharg\w*|over[- ]charg\w*|preis\w*|prix)", Options)]
    private static partial Regex Pricing();

    [GeneratedRegex(@"\b(promo\w*|co-?op|advertising|rebate|trade (allowance|spend)|mdf|display allowance)", Options)]
    private static partial Regex Promotion();

    [GeneratedRegex(@"\b(freight|shipping|carriage|delivery (charge|fee)|fracht\w*|transport)", Options)]
    private static partial Regex Freight();

    // A discount taken that the terms may not give: a question of terms, for a person to settle.
    [GeneratedRegex(@"\b(skonto|escompte|sconto|korting|discount|descuento)", Options)]
    private static partial Regex Discount();

    [GeneratedRegex(@"\b(withholding|withheld|WHT|TDS|quellensteuer|retenue [àa] la source|ritenuta)", Options)]
    private static partial Regex Withholding();

    // What the banks between took: the payer paid the invoice, we received less.
    [GeneratedRegex(@"(\bbank (charges?|fees?)|/CHGS/|\bcharges deducted|\bfrais bancaires|\bbankgeb[üu]hr\w*|\bspese bancarie|\bbankkosten)", Options)]
    private static partial Regex BankCharges();

    // A deduction said, whatever it names ("less CN-001234", "minus fee", "abzgl. Retoure"): the payer explains the shortfall, in words no list holds.
    [GeneratedRegex(@"\b(less|minus|deducted|deduct|abzgl\.?|abz[üu]glich|moins|menos|meno|minder)\s+\S", Options)]
    private static partial Regex Deducted();

    // "VAT" or "tax" alone is too common in references ("FAKTURA VAT", "TAX INVOICE") to mean a reason.
    [GeneratedRegex(@"\b(sales tax|tax[- ]exempt\w*|tax difference|exempt from tax)", Options)]
    private static partial Regex Tax();
}
