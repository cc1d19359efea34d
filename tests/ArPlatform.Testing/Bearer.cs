using Grpc.Core;
using Grpc.Core.Interceptors;

namespace ArPlatform.Testing;

public static class Bearer
{
    /// <summary>Calls on <paramref name="channel"/> that carry <paramref name="token"/> as their bearer.</summary>
    public static CallInvoker WithBearer(this ChannelBase channel, string token) =>
        channel.Intercept(metadata =>
        {
            metadata.Add("authorization", "Bearer " + token);
            return metadata;
        });
}
