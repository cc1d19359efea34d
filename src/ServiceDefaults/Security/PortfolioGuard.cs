using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Errors;
using Grpc.Core;
using Billing = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.ServiceDefaults.Security;

/// <summary>
/// A collector's portfolio in a service that keeps no customers of its own: Billing says whose a
/// customer is. For a caller whose only AR role is collector, anything of a customer outside their
/// portfolio reads as not found (nothing leaks, not even that it exists), lists must name one
/// customer of theirs, and figures over every customer are refused. Everyone else passes without
/// a call to Billing.
/// </summary>
public sealed class PortfolioGuard(Billing.BillingService.BillingServiceClient billing, CallerContext caller)
{
    public bool Applies => caller.PortfolioOwner is not null;

    /// <summary>Whether <paramref name="customer"/> is the caller's to see.</summary>
    public bool CanSee(Billing.Customer customer) => caller.PortfolioOwner is not { } owner || customer.Collector == owner;

    /// <summary>
    /// NOT_FOUND for <paramref name="entity"/> <paramref name="id"/> unless its customer (read only
    /// for a collector; null when there is no such entity or it has no customer) is theirs.
    /// </summary>
    public async Task EnsureVisibleAsync(string entity, string id, Func<CancellationToken, Task<string?>> customerOf, CancellationToken ct)
    {
        if (!Applies) return;
        var customerId = await customerOf(ct);
        if (customerId is not { Length: > 0 } || await CustomerAsync(customerId, ct) is not { } customer || !CanSee(customer))
            throw new NotFoundException(entity, id);
    }

    /// <summary>For a collector, the customer a list must name: one of theirs.</summary>
    public async Task EnsureListableAsync(string customerId, CancellationToken ct)
    {
        if (!Applies) return;
        if (customerId.Length == 0)
            throw new RequestValidationException([new FieldViolation("customer_id", "is required: a collector lists one customer of their portfolio at a time")]);
        await EnsureVisibleAsync("customer", customerId, _ => Task.FromResult<string?>(customerId), ct);
    }

    /// <summary>Figures over every customer (analytics, metrics, bank files) are not a collector's to read.</summary>
    public void EnsureWholeBookAllowed(string what)
    {
        if (Applies)
            throw new PermissionDeniedException("PORTFOLIO_ONLY", $"{what} cover every customer; a collector reads their own accounts.");
    }

    private async Task<Billing.Customer?> CustomerAsync(string id, CancellationToken ct)
    {
        try
        {
            return await billing.GetCustomerAsync(new Billing.GetCustomerRequest { Id = id }, cancellationToken: ct);
        }
        catch (RpcException e) when (e.StatusCode == StatusCode.NotFound)
        {
            return null;
        }
    }
}
