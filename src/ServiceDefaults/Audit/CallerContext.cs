using System.Diagnostics;
using Grpc.Core;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;

namespace ArPlatform.ServiceDefaults.Audit;

/// <summary>Who is calling, and under which correlation id, for the audit trail.</summary>
public sealed class CallerContext(IHttpContextAccessor http)
{
    public const string CorrelationHeader = "x-correlation-id";

    /// <summary>
    /// The person a service acts for when it carries out their decision in another service (a
    /// resolved dispute becoming a credit memo): the memo's requester is that person, so they
    /// cannot approve it themselves. Honoured only from callers holding the service role.
    /// </summary>
    public const string OnBehalfOfHeader = "x-on-behalf-of";

    /// <summary>
    /// Headers for a call a service makes to carry out a person's decision: the person, and the
    /// correlation id of the request that made it (when there is one).
    /// </summary>
    public static Metadata OnBehalfOf(string actor, string correlationId = "")
    {
        var headers = new Metadata { { OnBehalfOfHeader, actor } };
        if (correlationId.Length > 0) headers.Add(CorrelationHeader, correlationId);
        return headers;
    }

    public string Actor
    {
        get
        {
            if (http.HttpContext is not { } context) return "system";
            if (context.User.IsInRole(Roles.Service)
                && context.Request.Headers[OnBehalfOfHeader].ToString() is { Length: > 0 } person)
                return person;
            return context.User.FindFirst("sub")?.Value ?? "system";
        }
    }

    /// <summary>
    /// Who makes the call itself: the token's subject, a service's name even when it acts for a
    /// person, or "system" for the service's own background work. A caller's retries come from
    /// here, so their idempotency keys are scoped by it.
    /// </summary>
    public string Principal => http.HttpContext?.User.FindFirst("sub")?.Value ?? "system";

    /// <summary>Whether the caller holds one of <paramref name="roles"/> (what they may see, beyond what they may call).</summary>
    public bool IsInAnyRole(IEnumerable<string> roles) =>
        http.HttpContext?.User is { } user && roles.Any(user.IsInRole);

    /// <summary>
    /// For a collector and nothing more, the portfolio they may see (their own user name as the
    /// customers' collector); null for everyone who sees every customer.
    /// </summary>
    public string? PortfolioOwner =>
        http.HttpContext?.User is { } user && user.IsInRole(Roles.Collector) && !IsInAnyRole(Roles.SeeEveryCustomer)
            ? user.FindFirst("sub")?.Value ?? ""
            : null;

    public string CorrelationId =>
        http.HttpContext?.Request.Headers[CorrelationHeader].ToString() is { Length: > 0 } id
            ? id
            : Activity.Current?.TraceId.ToHexString() ?? "";
}
