using System.Text.RegularExpressions;

namespace ArPlatform.CashApplication.Matching;

/// <summary>
/// The names a customer pays under: the master record's name split where it says "d/b/a",
/// "t/a", "trading as" or "aka" ("Summit Retail Co. d/b/a Summit Outlet" pays as either), and
/// the registered (legal) name when it differs. Each is matched as the customer's own name.
/// </summary>
public static partial class CustomerAliases
{
    public static IReadOnlyList<string> Of(CustomerName customer)
    {
        var names = new List<string>();
        foreach (var name in new[] { customer.Name, customer.LegalName })
            foreach (var part in TradingAs().Split(name))
                if (part.Trim() is { Length: > 0 } alias && !names.Contains(alias, StringComparer.OrdinalIgnoreCase)) names.Add(alias);
        return names;
    }

    [GeneratedRegex(@"\s+(?:d\s*/\s*b\s*/\s*a|dba|t\s*/\s*a|trading as|aka|a\s*/\s*k\s*/\s*a)\.?\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex TradingAs();
}
