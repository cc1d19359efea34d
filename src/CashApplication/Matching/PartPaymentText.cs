using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// Whether the payer says the payment is a part of what an invoice asks ("PART PYMT 4399",
/// "instalment 1 of 3", "2/3 pmt", "Teilzahlung", "acompte", "parcela 2", "pago parcial"): the
/// rest stays open, owed as before — not a deduction to dispute, nor a shortfall to write off.
/// </summary>
public static partial class PartPaymentText
{
    public static bool Says(string text) => text.Length > 0 && PartPayment().IsMatch(text);

    [GeneratedRegex(
        @"\b(?:part(?:ial)?[- ]?(?:payment|paymt|pymt|pmt|pay|paid)|instal+ments?|\d\s*(?:/|of)\s*\d\s*(?:pmt|pymt|paymt|payment|instal+ment)|teilzahlung|abschlagszahlung|acompte|paiement partiel|parcela|pago parcial|pagamento parziale|acconto|deelbetaling|delbetalning)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PartPayment();
}
