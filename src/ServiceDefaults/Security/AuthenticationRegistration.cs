using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Tokens;

namespace ArPlatform.ServiceDefaults.Security;

public static class AuthenticationRegistration
{
    /// <summary>
    /// JWT bearer on every request, validated here and not only at the gateway, so a call that
    /// bypasses the gateway is refused too. Nothing is anonymous unless an endpoint says so
    /// (health, metrics, reflection).
    /// </summary>
    public static WebApplicationBuilder AddPlatformAuthentication(this WebApplicationBuilder builder)
    {
        var settings = TokenSettings.From(builder.Configuration);
        builder.Services.AddSingleton(settings);
        builder.Services.AddSingleton<TokenIssuer>();
        builder.Services.AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(o =>
            {
                o.MapInboundClaims = false;
                if (settings.Authority is not null) o.Authority = settings.Authority;
                o.TokenValidationParameters = new TokenValidationParameters
                {
                    ValidIssuer = settings.Issuer,
                    ValidAudience = settings.Audience,
                    IssuerSigningKey = settings.SigningKey,
                    ValidateIssuerSigningKey = true,
                    NameClaimType = "sub",
                    RoleClaimType = "role",
                    ClockSkew = TimeSpan.FromSeconds(30),
                };
            });
        var serviceCallers = ServiceCallers(builder.Configuration);
        builder.Services.AddAuthorization(o =>
        {
            o.FallbackPolicy = new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build();
            foreach (var (policy, roles) in Policies.RolesByPolicy)
                o.AddPolicy(policy, p =>
                {
                    p.RequireAuthenticatedUser().RequireRole(roles);
                    if (serviceCallers.TryGetValue(policy, out var services))
                        p.RequireAssertion(c => !c.User.IsInRole(Roles.Service) || services.Contains(c.User.FindFirst("sub")?.Value ?? ""));
                });
        });
        return builder;
    }

    /// <summary>The services each narrowed policy admits: <see cref="Policies.ServicesByPolicy"/>, as configuration overrides it.</summary>
    private static Dictionary<string, HashSet<string>> ServiceCallers(IConfiguration configuration)
    {
        var section = configuration.GetSection($"{TokenSettings.Section}:ServiceCallers");
        return Policies.ServicesByPolicy.ToDictionary(p => p.Key, p =>
        {
            var configured = section.GetSection(p.Key).GetChildren().Select(c => c.Value).OfType<string>().ToList();
            return new HashSet<string>(configured.Count > 0 ? configured : p.Value, StringComparer.Ordinal);
        });
    }
}
