using ArPlatform.Collections.Data;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.Collections.Dunning;

/// <summary>What dunning has already done, as a run needs it: each invoice's furthest step.</summary>
public sealed class DunningHistory(CollectionsDbContext db)
{
    /// <summary>
    /// The largest offset taken per invoice (of one customer, or all): one narrow scan read with a
    /// plain data reader — a run at volume reads close to a million rows here, where materialising
    /// entities would cost more than the rest of its reading.
    /// </summary>
    public async Task<Dictionary<string, int>> FurthestStepsAsync(string? customerId, CancellationToken ct)
    {
        var furthest = new Dictionary<string, int>(StringComparer.Ordinal);
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = customerId is null
                ? """SELECT "InvoiceId", "OffsetDays" FROM "DunningActions" """
                : """SELECT "InvoiceId", "OffsetDays" FROM "DunningActions" WHERE "CustomerId" = @customer""";
            if (customerId is not null) command.WithParameter("@customer", customerId);
            await using var reader = await command.ExecuteReaderTimedAsync(ct);
            while (await reader.ReadAsync(ct))
            {
                var invoiceId = reader.GetString(0);
                var offset = reader.GetInt32(1);
                if (!furthest.TryGetValue(invoiceId, out var known) || offset > known) furthest[invoiceId] = offset;
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
        return furthest;
    }
}
