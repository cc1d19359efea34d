using System.Text.RegularExpressions;

namespace ArPlatform.Billing.Ledger;

public static partial class LedgerEntryKindNames
{
    /// <summary>"InvoiceIssued" → "INVOICE_ISSUED": kinds as the wire spells them.</summary>
    public static string ToWire(LedgerEntryKind kind) => WordBoundary().Replace(kind.ToString(), "_$1").ToUpperInvariant();

    [GeneratedRegex("(?<=[a-z])([A-Z])")]
    private static partial Regex WordBoundary();
}
