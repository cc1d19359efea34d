using System.Net;
using Microsoft.Extensions.Primitives;
using Microsoft.Extensions.ServiceDiscovery;
using Yarp.ReverseProxy.Configuration;
using Yarp.ReverseProxy.ServiceDiscovery;

namespace ArPlatform.Gateway;

/// <summary>
/// Turns destinations named by service (<c>http://_grpc.billing</c>) into the addresses service
/// discovery knows (<c>services__billing__grpc__0</c>…), one destination per replica, and
/// re-resolves when discovery says they changed. Stands in for
/// Microsoft.Extensions.ServiceDiscovery.Yarp, which the package feed does not serve.
/// </summary>
internal sealed class ServiceDiscoveryDestinationResolver(ServiceEndpointResolver resolver) : IDestinationResolver
{
    public async ValueTask<ResolvedDestinationCollection> ResolveDestinationsAsync(
        IReadOnlyDictionary<string, DestinationConfig> destinations, CancellationToken cancellationToken)
    {
        var resolved = new Dictionary<string, DestinationConfig>(StringComparer.OrdinalIgnoreCase);
        var changeTokens = new List<IChangeToken>();
        foreach (var (name, destination) in destinations)
        {
            var address = new Uri(destination.Address);
            var source = await resolver.GetEndpointsAsync(address.GetLeftPart(UriPartial.Authority), cancellationToken);
            changeTokens.Add(source.ChangeToken);
            var replica = 0;
            foreach (var endpoint in source.Endpoints)
            {
                var baseUri = ToUri(endpoint.EndPoint, address.Scheme);
                resolved[$"{name}[{replica++}]"] = destination with
                {
                    Address = new Uri(baseUri, address.PathAndQuery).ToString(),
                    Health = destination.Health is null ? null : new Uri(baseUri, destination.Health).ToString(),
                };
            }
        }
        return new ResolvedDestinationCollection(resolved, new CompositeChangeToken(changeTokens));
    }

    private static Uri ToUri(EndPoint endPoint, string scheme) => endPoint switch
    {
        UriEndPoint uri => uri.Uri,
        DnsEndPoint dns => new UriBuilder(scheme, dns.Host, dns.Port).Uri,
        IPEndPoint ip => new UriBuilder(scheme, ip.Address.ToString(), ip.Port).Uri,
        _ => throw new InvalidOperationException($"Cannot route to endpoint '{endPoint}'."),
    };
}
