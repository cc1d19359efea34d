using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Data;

/// <summary>
/// Writes in one transaction, begun once the process's other writers of the database are done
/// (<see cref="SqliteWriteGate"/>) and let go at the commit or the rollback: for commands, and for
/// the bulk writes of workers that save many rows outside a command.
/// </summary>
public static class WriteTransaction
{
    public static async Task<T> RunAsync<T>(DbContext db, Func<Task<T>> write, CancellationToken ct)
    {
        using (await SqliteWriteGate.EnterAsync(db, ct))
        {
            await using var transaction = await db.Database.BeginTransactionAsync(ct);
            var written = await write();
            await transaction.CommitAsync(ct);
            return written;
        }
    }
}
