using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace ArPlatform.ServiceDefaults.Security;

/// <summary>
/// Mints tokens with the development signing key: for developers (<c>AppHost token</c>), for tests,
/// and for a service's own identity on calls to other services.
/// </summary>
public sealed class TokenIssuer(TokenSettings settings)
{
    public string Issue(string user, IEnumerable<string> roles, TimeSpan lifetime)
    {
        var key = settings.SigningKey
                  ?? throw new InvalidOperationException("Tokens can only be minted with a development signing key (Auth:SigningKey).");
        var now = DateTime.UtcNow;
        var claims = new List<Claim> { new(JwtRegisteredClaimNames.Sub, user), new("name", user) };
        claims.AddRange(roles.Select(role => new Claim("role", role)));
        return new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = settings.Issuer,
            Audience = settings.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now,
            NotBefore = now,
            Expires = now + lifetime,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
    }
}
