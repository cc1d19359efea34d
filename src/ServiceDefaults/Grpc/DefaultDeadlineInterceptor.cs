using Grpc.Core;

namespace ArPlatform.ServiceDefaults.Grpc;

/// <summary>
/// Gives every outgoing call a deadline when the caller set none, so a stuck peer can never
/// hold a request (and its thread, connection and locks) forever.
/// </summary>
public sealed class DefaultDeadlineInterceptor(TimeSpan deadline) : CallOptionsInterceptor
{
    protected override CallOptions Adjust(CallOptions options) =>
        options.Deadline is not null ? options : options.WithDeadline(DateTime.UtcNow + deadline);
}
