namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// A purchase-order number as a key: upper case, letters and digits only, without the "PO",
/// "PO#", "P.O. No." payers write before it, leading zeros dropped — so "PO#004521996",
/// "P.O. 4521996" and "4521996" are one order.
/// </summary>
public static class PurchaseOrders
{
    public static string Key(string written)
    {
        var key = new string([.. written.ToUpperInvariant().Where(char.IsLetterOrDigit)]);
        foreach (var prefix in Prefixes)
            if (key.Length > prefix.Length && key.StartsWith(prefix, StringComparison.Ordinal) && char.IsDigit(key[prefix.Length]))
            {
                key = key[prefix.Length..];
                break;
            }
        var trimmed = key.TrimStart('0');
        return trimmed.Length > 0 ? trimmed : key;
    }

    // Longest first: "PONO" before "PO".
    private static readonly string[] Prefixes = ["PURCHASEORDER", "PONUMBER", "PONO", "PONR", "PO"];
}
