using Grpc.Core;

namespace ArPlatform.ServiceDefaults.Grpc;

/// <summary>How an outbox treats a failed call to another service: refused for good, or worth retrying later.</summary>
public static class RemoteCallPolicy
{
    /// <summary>The other service said no and will say no again: retrying cannot help.</summary>
    public static bool IsRefusal(StatusCode code) => code is StatusCode.InvalidArgument or StatusCode.NotFound
        or StatusCode.FailedPrecondition or StatusCode.AlreadyExists or StatusCode.OutOfRange;

    /// <summary>Exponential back-off: 2, 4, 8 … seconds, at most <paramref name="maxSeconds"/>.</summary>
    public static TimeSpan Backoff(int attempts, int maxSeconds) =>
        TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(attempts, 16)), maxSeconds));

    /// <summary>"CODE: detail", as kept on a row and shown to people.</summary>
    public static string Describe(RpcException e) => Describe(e.StatusCode.ToString(), e.Status.Detail);

    /// <summary>The same, for a refusal reported inside a batch's result (a status code's name and its message).</summary>
    public static string Describe(string code, string detail) => $"{code}: {detail}";
}
