using Google.Rpc;
using Xunit;
using Grpc.Core;

namespace ArPlatform.Testing.InMemory;

public static class GrpcAssert
{
    /// <summary>The call fails with <paramref name="code"/>; returns the google.rpc.Status it carried.</summary>
    public static async Task<Google.Rpc.Status> FailsWith(StatusCode code, Func<Task> call)
    {
        var ex = await Assert.ThrowsAsync<RpcException>(call);
        Assert.Equal(code, ex.StatusCode);
        return ex.GetRpcStatus() ?? throw new Xunit.Sdk.XunitException("No google.rpc.Status in the trailers.");
    }

    public static IEnumerable<string> FieldViolations(this Google.Rpc.Status status) =>
        status.GetDetail<BadRequest>()?.FieldViolations.Select(v => v.Field) ?? [];
}
