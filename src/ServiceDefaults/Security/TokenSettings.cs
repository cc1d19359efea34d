using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.IdentityModel.Tokens;

namespace ArPlatform.ServiceDefaults.Security;

/// <summary>
/// Who issues the tokens we accept (section "Auth"). In production: <c>Auth:Authority</c>, any
/// OIDC provider, whose keys are discovered. In development AppHost generates a signing key per
/// data folder and hands it to every process as <c>Auth:SigningKey</c> (base64, HMAC-SHA256).
/// </summary>
public sealed record TokenSettings(string Issuer, string Audience, string? Authority, SymmetricSecurityKey? SigningKey)
{
    public const string Section = "Auth";
    public const string DefaultIssuer = "arplatform-dev";
    public const string DefaultAudience = "arplatform";

    public static TokenSettings From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var key = section["SigningKey"];
        var authority = section["Authority"];
        if (string.IsNullOrWhiteSpace(key) && string.IsNullOrWhiteSpace(authority))
            throw new InvalidOperationException(
                "No token issuer is configured: set Auth:Authority (an OIDC provider) or Auth:SigningKey " +
                "(development; AppHost sets it). Every call needs a token, so the service refuses to start without one.");
        return new TokenSettings(
            section["Issuer"] ?? DefaultIssuer,
            section["Audience"] ?? DefaultAudience,
            string.IsNullOrWhiteSpace(authority) ? null : authority,
            string.IsNullOrWhiteSpace(key) ? null : new SymmetricSecurityKey(Convert.FromBase64String(key)));
    }

    /// <summary>Tokens signed with a development key (base64), for the default issuer and audience.</summary>
    public static TokenSettings ForDevelopmentKey(string base64Key) =>
        new(DefaultIssuer, DefaultAudience, null, new SymmetricSecurityKey(Convert.FromBase64String(base64Key)));

    /// <summary>A fresh 256-bit development signing key, base64.</summary>
    public static string NewSigningKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));
}
