using Grpc.Core;

namespace ArPlatform.ServiceDefaults.Errors;

/// <summary>Refusals answered item by item, as batch RPCs (ApplyPayments, OpenDisputes) report them.</summary>
public static class Refusals
{
    /// <summary>What <paramref name="make"/> made, or the refusal it threw: one bad item of a batch refuses only itself.</summary>
    public static (T? Value, DomainException? Refusal) Try<T>(Func<T> make)
    {
        try
        {
            return (make(), null);
        }
        catch (DomainException refusal)
        {
            return (default, refusal);
        }
    }

    /// <summary>As <see cref="Try{T}"/>, for work that reads as it checks.</summary>
    public static async Task<(T? Value, DomainException? Refusal)> TryAsync<T>(Func<Task<T>> make)
    {
        try
        {
            return (await make(), null);
        }
        catch (DomainException refusal)
        {
            return (default, refusal);
        }
    }

    /// <summary>The name of the status the single RPC would have failed with ("FailedPrecondition", "NotFound" …).</summary>
    public static string StatusName(DomainException refusal) => ((StatusCode)ErrorMappingInterceptor.ToStatus(refusal).Code).ToString();
}
