using Microsoft.AspNetCore.Builder;

namespace ArPlatform.ServiceDefaults;

public static class ServiceHost
{
    public const string HttpEndpointKey = "Kestrel:Endpoints:http:Url";

    /// <summary>
    /// The builder every ArPlatform host starts from. Hosts listen on named Kestrel endpoints:
    /// "http" (HTTP/1.1: JSON, health, metrics) and "grpc" (HTTP/2 cleartext), because Kestrel
    /// serves h2c only on an HTTP/2-only endpoint. Aspire hands a project its primary address in
    /// ASPNETCORE_URLS; that address becomes the "http" endpoint here, instead of Kestrel ignoring
    /// it in favour of the named endpoints with a warning at every start.
    /// </summary>
    public static WebApplicationBuilder CreateBuilder(string[] args)
    {
        var urls = Environment.GetEnvironmentVariable("ASPNETCORE_URLS");
        if (!string.IsNullOrWhiteSpace(urls))
        {
            var primary = urls.Split(';', StringSplitOptions.RemoveEmptyEntries)[0];
            // Command-line values outrank the environment in the host's own configuration.
            args = [.. args, $"--{HttpEndpointKey}={primary}", "--urls="];
        }
        return WebApplication.CreateBuilder(args);
    }
}
