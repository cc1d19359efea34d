using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;

namespace ArPlatform.ServiceDefaults;

public static class NamedEndpoints
{
    public const string HttpEndpointKey = "Kestrel:Endpoints:http:Url";

    /// <summary>
    /// Our hosts listen on named Kestrel endpoints: "http" (HTTP/1.1: JSON, health, metrics) and
    /// "grpc" (HTTP/2 cleartext), because Kestrel serves h2c only on an HTTP/2-only endpoint.
    /// Aspire hands a project its primary address in ASPNETCORE_URLS; that address becomes the
    /// "http" endpoint here, rather than being overridden by the named ones with a warning.
    /// </summary>
    public static WebApplicationBuilder UseNamedEndpoints(this WebApplicationBuilder builder)
    {
        var urls = builder.Configuration[WebHostDefaults.ServerUrlsKey];
        if (string.IsNullOrWhiteSpace(urls)) return builder;
        builder.Configuration[HttpEndpointKey] = urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
        builder.WebHost.UseSetting(WebHostDefaults.ServerUrlsKey, "");
        return builder;
    }
}
