using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Collections.Inbox;

public enum SenderMatch { None, Contact, TrustedDomain }

/// <summary>Who wrote a mail: the customer, how we know, and, when we do not, why not.</summary>
public sealed record SenderResolution(string? CustomerId, SenderMatch Match, string Reason)
{
    /// <summary>As <c>InboundMessage.sender_match</c> says it.</summary>
    public string WireMatch => Match switch
    {
        SenderMatch.Contact => "CONTACT",
        SenderMatch.TrustedDomain => "TRUSTED_DOMAIN",
        _ => "NONE",
    };

    public static SenderResolution Unknown(string reason) => new(null, SenderMatch.None, reason);
}

/// <summary>
/// Attributes a sender to a customer, the gate in front of every account fact the agent may
/// write. Only a registered contact's address counts, or a domain that exactly one customer uses
/// and marks as trusted: a contact whose role includes <see cref="TrustedDomainRole"/> vouches
/// for the domain of its own address. A domain one edit (or an "rn"/"m", "-"/"." swap, or an added
/// top-level domain) away from a customer's is a lookalike, free-mail domains are anyone's, and an address two
/// customers share says nothing about which one writes: none of them gets account data.
/// </summary>
public static class SenderResolver
{
    public const string TrustedDomainRole = "trusted-domain";

    public static SenderResolution Resolve(string from, IReadOnlyCollection<Billing.Customer> customers)
    {
        var address = from.Trim().ToLowerInvariant();
        var at = address.LastIndexOf('@');
        if (at <= 0 || at == address.Length - 1) return SenderResolution.Unknown("INVALID_SENDER");
        var domain = address[(at + 1)..];

        var byContact = customers.Where(c => c.Contacts.Any(k => Same(k.Email, address))).Select(c => c.Id).Distinct().ToList();
        if (byContact.Count == 1) return new SenderResolution(byContact[0], SenderMatch.Contact, "");
        if (byContact.Count > 1) return SenderResolution.Unknown("AMBIGUOUS_SENDER");

        if (FreeMail.Contains(domain)) return SenderResolution.Unknown("FREE_MAIL");
        var usingDomain = customers.Where(c => c.Contacts.Any(k => DomainOf(k.Email) == domain)).ToList();
        if (usingDomain.Count == 1 && usingDomain[0].Contacts.Any(k => DomainOf(k.Email) == domain && IsTrusting(k)))
            return new SenderResolution(usingDomain[0].Id, SenderMatch.TrustedDomain, "");
        if (usingDomain.Count > 0) return SenderResolution.Unknown("UNREGISTERED_ADDRESS");
        var known = customers.SelectMany(c => c.Contacts).Select(k => DomainOf(k.Email)).Where(d => d.Length > 0).ToHashSet(StringComparer.Ordinal);
        return known.Any(d => Lookalike(domain, d)) ? SenderResolution.Unknown("LOOKALIKE_DOMAIN") : SenderResolution.Unknown("UNKNOWN_SENDER");
    }

    /// <summary>Whether <paramref name="domain"/> imitates <paramref name="known"/>: the same after folding look-alike characters, or one edit away.</summary>
    public static bool Lookalike(string domain, string known)
    {
        if (domain == known) return false;
        var (a, b) = (Fold(domain), Fold(known));
        // "acme-example.com" for "acme.example": the customer's domain with a top-level domain put after it.
        return a == b || a.StartsWith(b + ".", StringComparison.Ordinal) || Distance(domain, known) <= 1 || Distance(a, b) <= 1;
    }

    private static bool IsTrusting(Billing.Contact contact) =>
        contact.Role.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries)
            .Any(r => r.Equals(TrustedDomainRole, StringComparison.OrdinalIgnoreCase));

    private static bool Same(string email, string address) => email.Trim().Equals(address, StringComparison.OrdinalIgnoreCase);

    private static string DomainOf(string email) =>
        email.LastIndexOf('@') is var at and >= 0 ? email[(at + 1)..].Trim().ToLowerInvariant() : "";

    /// <summary>Characters that read alike in a mail client's font, and separators an impostor swaps.</summary>
    private static string Fold(string domain) =>
        domain.Replace("rn", "m").Replace("vv", "w").Replace('0', 'o').Replace('1', 'l').Replace('i', 'l').Replace('-', '.').Replace('_', '.');

    /// <summary>Levenshtein distance, stopping early: only 0, 1 or "more" matter.</summary>
    private static int Distance(string a, string b)
    {
        if (Math.Abs(a.Length - b.Length) > 1) return 2;
        var previous = Enumerable.Range(0, b.Length + 1).ToArray();
        for (var i = 1; i <= a.Length; i++)
        {
            var current = new int[b.Length + 1];
            current[0] = i;
            for (var j = 1; j <= b.Length; j++)
                current[j] = Math.Min(Math.Min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1));
            previous = current;
        }
        return previous[b.Length];
    }

    private static readonly HashSet<string> FreeMail = new(StringComparer.Ordinal)
    {
        "gmail.com", "googlemail.com", "yahoo.com", "yahoo.co.uk", "yahoo.es", "yahoo.de", "outlook.com", "hotmail.com", "hotmail.es",
        "hotmail.de", "live.com", "msn.com", "aol.com", "icloud.com", "me.com", "mail.com", "gmx.de", "gmx.net", "gmx.com", "web.de",
        "t-online.de", "proton.me", "protonmail.com", "yandex.com", "zoho.com", "terra.es", "telefonica.net",
    };
}
