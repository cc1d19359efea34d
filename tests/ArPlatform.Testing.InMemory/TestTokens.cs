using ArPlatform.ServiceDefaults.Security;

namespace ArPlatform.Testing.InMemory;

/// <summary>Tokens signed with the test host's key, as AppHost mints them in development.</summary>
public static class TestTokens
{
    public static readonly string SigningKey = TokenSettings.NewSigningKey();

    private static readonly TokenIssuer Issuer = IssuerFor(SigningKey);

    public static TokenIssuer IssuerFor(string key) => new(TokenSettings.ForDevelopmentKey(key));

    public static string For(string user, params string[] roles) => Issuer.Issue(user, roles, TimeSpan.FromMinutes(10));
}
