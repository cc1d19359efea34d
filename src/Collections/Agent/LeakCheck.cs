using System.Text.RegularExpressions;
using ArPlatform.SharedKernel;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Collections.Agent;

/// <summary>
/// The check every reply passes before it can be approved, the reviewer's edits included: no
/// invoice number that is not the customer's own, no other customer's name and no card number.
/// Drafts are built from the one customer's records, so this should never fire; it is here
/// because "by construction" is not a control an auditor can see.
/// </summary>
public static partial class LeakCheck
{
    /// <summary>Shorter names ("AB") would match ordinary words.</summary>
    private const int MinNameLength = 4;

    public static IReadOnlyList<string> Findings(string text, string customerId, IReadOnlyCollection<string> ownInvoiceNumbers,
        IReadOnlyCollection<Billing.Customer> directory)
    {
        var findings = new List<string>();
        foreach (Match m in InvoiceNumber().Matches(text))
            if (!ownInvoiceNumbers.Contains(m.Value, StringComparer.OrdinalIgnoreCase)) findings.Add($"OTHER_INVOICE_NUMBER {m.Value}");
        var own = directory.FirstOrDefault(c => c.Id == customerId);
        foreach (var other in directory.Where(c => c.Id != customerId))
            foreach (var name in new[] { other.Name, other.LegalName }.Where(n => n.Length >= MinNameLength))
                if (!Mentions(own?.Name, name) && !Mentions(own?.LegalName, name) && Mentions(text, name)) findings.Add($"OTHER_CUSTOMER_NAME {other.Id}");
        if (CardNumbers.ContainsCardNumber(text)) findings.Add("CARD_NUMBER");
        return [.. findings.Distinct()];
    }

    private static bool Mentions(string? text, string name) =>
        text is not null && Regex.IsMatch(text, $@"(?<!\w){Regex.Escape(name)}(?!\w)", RegexOptions.IgnoreCase, TimeSpan.FromSeconds(1));

    [GeneratedRegex(@"\b[A-Z]{2,4}-\d{4}-\d{4,}\b", RegexOptions.IgnoreCase)]
    private static partial Regex InvoiceNumber();
}
