using ArPlatform.Collections.Inbox;
using ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Collections.Tests.Agent;

public sealed class SenderResolverTests
{
    private static Customer Customer(string id, string name, params (string Email, string Role)[] contacts)
    {
        var c = new Customer { Id = id, Name = name };
        c.Contacts.AddRange(contacts.Select(k => new Contact { Name = "x", Email = k.Email, Role = k.Role }));
        return c;
    }

    private static readonly Customer[] Directory =
    [
        Customer("acme", "Acme Corp", ("ap@acme.example", ""), ("controller@acme.example", "billing, trusted-domain")),
        Customer("globex", "Globex", ("ap@globex.example", "")),
        Customer("shared-1", "Initech East", ("ap@shared.example", "trusted-domain")),
        Customer("shared-2", "Initech West", ("ap@shared.example", "")),
        Customer("gmail-user", "Solo Trader", ("solo.trader@gmail.com", "")),
    ];

    [Fact]
    public void A_registered_contact_is_the_customer_in_any_letter_case()
    {
        var r = SenderResolver.Resolve("AP@Acme.Example", Directory);
        Assert.Equal(("acme", SenderMatch.Contact), (r.CustomerId, r.Match));
    }

    [Fact]
    public void Another_address_of_a_trusted_domain_used_by_one_customer_is_that_customer()
    {
        var r = SenderResolver.Resolve("lisa@acme.example", Directory);
        Assert.Equal(("acme", SenderMatch.TrustedDomain), (r.CustomerId, r.Match));
    }

    [Fact]
    public void Another_address_of_a_domain_nobody_marked_trusted_gets_nothing()
    {
        var r = SenderResolver.Resolve("lisa@globex.example", Directory);
        Assert.Equal((null, "UNREGISTERED_ADDRESS"), (r.CustomerId, r.Reason));
    }

    [Fact]
    public void An_address_two_customers_list_says_nothing_about_which_writes() =>
        Assert.Equal("AMBIGUOUS_SENDER", SenderResolver.Resolve("ap@shared.example", Directory).Reason);

    [Fact]
    public void A_trusted_domain_shared_by_two_customers_is_nobodys() =>
        Assert.Null(SenderResolver.Resolve("bob@shared.example", Directory).CustomerId);

    [Theory]
    [InlineData("ap@acme-example.com")]
    [InlineData("ap@acrne.example")]
    [InlineData("ap@acme.examp1e")]
    [InlineData("ap@acmee.example")]
    [InlineData("controller@globex-example.com")]
    public void Lookalike_domains_are_recognised_and_get_nothing(string from)
    {
        var r = SenderResolver.Resolve(from, Directory);
        Assert.Equal((null, "LOOKALIKE_DOMAIN"), (r.CustomerId, r.Reason));
    }

    [Fact]
    public void Free_mail_counts_only_as_an_exact_registered_address()
    {
        Assert.Equal("FREE_MAIL", SenderResolver.Resolve("someone.else@gmail.com", Directory).Reason);
        Assert.Equal("gmail-user", SenderResolver.Resolve("solo.trader@gmail.com", Directory).CustomerId);
    }

    [Fact]
    public void An_unknown_domain_is_unknown() =>
        Assert.Equal("UNKNOWN_SENDER", SenderResolver.Resolve("ap@stranger.example", Directory).Reason);
}
