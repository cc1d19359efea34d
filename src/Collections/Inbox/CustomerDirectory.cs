using ArPlatform.Collections.Agent;
using ArPlatform.Collections.BillingReads;
using Microsoft.Extensions.Options;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Collections.Inbox;

/// <summary>
/// Every customer with their contacts, read from Billing under the service's own identity (a
/// sender is matched against all customers, whoever submits the mail) and kept for
/// <c>Collections:Agent:DirectoryCacheSeconds</c>: a burst of mail reads Billing once, and a
/// contact registered a minute ago is recognised within that time.
/// </summary>
public sealed class CustomerDirectory(IServiceScopeFactory scopes, IOptions<AgentOptions> options, TimeProvider clock)
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private IReadOnlyCollection<Billing.Customer> _customers = [];
    private DateTimeOffset _readAt = DateTimeOffset.MinValue;

    public async Task<IReadOnlyCollection<Billing.Customer>> CustomersAsync(CancellationToken ct)
    {
        await _gate.WaitAsync(ct);
        try
        {
            var now = clock.GetUtcNow();
            if (now - _readAt >= TimeSpan.FromSeconds(options.Value.DirectoryCacheSeconds))
            {
                await using var scope = scopes.CreateAsyncScope();
                _customers = (await scope.ServiceProvider.GetRequiredService<BillingReader>().CustomersAsync(null, ct)).Values.ToList();
                _readAt = now;
            }
            return _customers;
        }
        finally
        {
            _gate.Release();
        }
    }
}
