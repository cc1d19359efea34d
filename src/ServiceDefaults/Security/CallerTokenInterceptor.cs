using ArPlatform.ServiceDefaults.Grpc;
using Grpc.Core;
using Microsoft.AspNetCore.Http;

namespace ArPlatform.ServiceDefaults.Security;

/// <summary>
/// Passes the incoming request's bearer token on to the service called, so that service decides
/// by the caller's own roles and portfolio — what a host that acts for a person (the MCP server)
/// needs, where the calling service's own identity would see everything.
/// </summary>
public sealed class CallerTokenInterceptor(IHttpContextAccessor http) : CallOptionsInterceptor
{
    protected override CallOptions Adjust(CallOptions options)
    {
        var headers = options.Headers ?? [];
        if (headers.Get("authorization") is not null) return options;
        var authorization = http.HttpContext?.Request.Headers.Authorization.ToString();
        if (string.IsNullOrEmpty(authorization))
            throw new InvalidOperationException("A call on a caller's behalf outside of an authenticated request.");
        headers.Add("authorization", authorization);
        return options.WithHeaders(headers);
    }
}
