using Microsoft.Extensions.Diagnostics.HealthChecks;
using Yarp.ReverseProxy;
using Yarp.ReverseProxy.Model;

namespace ArPlatform.Gateway;

/// <summary>
/// The gateway itself is up when it answers; it reports Degraded (still 200) while any service
/// has no healthy destination, naming them, so one probe of the gateway tells an SRE what is down.
/// </summary>
internal sealed class BackendsHealthCheck(IProxyStateLookup proxy) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var down = proxy.GetClusters()
            .Where(c => !c.Destinations.Values.Any(d => d.Health.Active != DestinationHealth.Unhealthy))
            .Select(c => c.ClusterId)
            .Order()
            .ToList();
        return Task.FromResult(down.Count == 0
            ? HealthCheckResult.Healthy("Every service has a healthy destination.")
            : HealthCheckResult.Degraded($"No healthy destination for: {string.Join(", ", down)}."));
    }
}
