using System.Data.Common;
using System.Net.Sockets;

namespace ArPlatform.ServiceDefaults.Errors;

/// <summary>
/// Whether a failure means the database cannot be reached or is not taking work now — down,
/// restarting, shutting down, the network to it broken — rather than anything about the request:
/// SQLSTATE class 08 (connection exception) or 57 (operator intervention: shutdown, starting up),
/// or a database error caused by a socket that failed. Nothing was written then (the transaction
/// died with the connection), so the caller may retry the same request: UNAVAILABLE, not INTERNAL.
/// </summary>
public static class DatabaseUnavailable
{
    public static bool Is(Exception failure)
    {
        var chain = Chain(failure).ToList();
        return chain.Any(e => e is DbException { SqlState: ['0', '8', ..] or ['5', '7', ..] })
               || chain.Any(e => e is DbException) && chain.Any(e => e is SocketException or EndOfStreamException);
    }

    private static IEnumerable<Exception> Chain(Exception? e)
    {
        for (var depth = 0; e is not null && depth < 10; e = e.InnerException, depth++)
        {
            yield return e;
            if (e is AggregateException aggregate)
                foreach (var inner in aggregate.InnerExceptions.SelectMany(Chain)) yield return inner;
        }
    }
}
