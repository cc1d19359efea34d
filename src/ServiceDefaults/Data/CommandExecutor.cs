using System.Security.Cryptography;
using ArPlatform.ServiceDefaults.Errors;
using Google.Protobuf;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Runs a mutating command exactly once per request id: the change, its idempotency record and
/// its number-series increments commit in one transaction. A retry of the same request returns
/// the stored first result; a concurrent writer that wins makes this one re-run from scratch.
/// </summary>
public sealed class CommandExecutor<TContext>(TContext db, TimeProvider clock) where TContext : DbContext
{
    private const int Attempts = 3;

    public async Task<TResponse> ExecuteAsync<TResponse>(
        string operation, string requestId, IMessage request,
        Func<CancellationToken, Task<TResponse>> command, CancellationToken ct)
        where TResponse : IMessage<TResponse>, new()
    {
        var key = $"{operation}:{requestId}";
        var hash = Convert.ToHexString(SHA256.HashData(request.ToByteArray()));
        for (var attempt = 1; ; attempt++)
        {
            var first = await db.Set<IdempotencyRecord>().AsNoTracking()
                .FirstOrDefaultAsync(r => r.Key == key, ct);
            if (first is not null) return Replay<TResponse>(first, hash, requestId);

            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            try
            {
                var response = await command(ct);
                db.Add(new IdempotencyRecord
                {
                    Key = key, RequestHash = hash, Response = response.ToByteArray(),
                    CreatedAt = clock.GetUtcNow().UtcDateTime,
                });
                await db.SaveChangesAsync(ct);
                await transaction.CommitAsync(ct);
                return response;
            }
            catch (DbUpdateException) when (attempt < Attempts)
            {
                // Lost a race (row version, a number taken, the same request committed by a
                // twin): start over on a clean context; the first check above replays a twin.
                await transaction.RollbackAsync(CancellationToken.None);
            }
            catch (DbUpdateConcurrencyException)
            {
                throw new ConcurrencyConflictException(
                    "The resource was changed by another request; retry with the same request id.");
            }
            finally
            {
                // A refused or lost command leaves nothing tracked for the next attempt.
                if (db.ChangeTracker.HasChanges()) db.ChangeTracker.Clear();
            }
        }
    }

    /// <summary>Takes the next number of a gapless series inside the current command.</summary>
    public async Task<long> NextNumberAsync(string series, CancellationToken ct)
    {
        var row = await db.Set<NumberSeries>().FindAsync([series], ct);
        if (row is null)
        {
            row = new NumberSeries { Key = series };
            db.Add(row);
        }
        row.LastNumber++;
        return row.LastNumber;
    }

    private static TResponse Replay<TResponse>(IdempotencyRecord first, string hash, string requestId)
        where TResponse : IMessage<TResponse>, new()
    {
        if (first.RequestHash != hash)
            throw new AlreadyExistsException("IDEMPOTENCY_KEY_REUSED",
                $"request_id '{requestId}' was already used for a different request.");
        var response = new TResponse();
        response.MergeFrom(first.Response);
        return response;
    }
}
