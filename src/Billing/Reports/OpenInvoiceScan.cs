using System.Data.Common;
using System.Runtime.CompilerServices;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Invoices;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Reports;

/// <summary>
/// Today's open invoices aged straight from the database, nearly the whole cost of an aging
/// report at volume. Through a plain data reader: on SQLite, EF's materializer parses the TEXT
/// decimals and dates at a third of the reader's own speed. The bucket is decided in SQL against
/// the bucket's first due date (so no date is read back), and the due-date span is cut into
/// ranges that one worker per core takes in turn, each on a connection of its own: reading the
/// covering index is CPU-bound, and a single reader leaves the other cores idle.
/// </summary>
public sealed class OpenInvoiceScan(IServiceScopeFactory scopes)
{
    private const int RangesPerWorker = 4;
    private static readonly string OpenStatuses = $"{(int)InvoiceStatus.Issued}, {(int)InvoiceStatus.PartiallyPaid}";

    public async Task AgeAsync(DateOnly asOf, Proto.AgingGroupBy groupBy, string? collector, AgingAccumulator report, CancellationToken ct)
    {
        var span = await DueDateSpanAsync(ct);
        if (span is not var (first, last)) return;
        var workers = Math.Max(1, Environment.ProcessorCount);
        var ranges = new System.Collections.Concurrent.ConcurrentQueue<(DateOnly From, DateOnly To)>(
            DueDateRanges(first, last, workers * RangesPerWorker));
        var parts = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
        {
            var part = new AgingAccumulator(asOf);
            while (ranges.TryDequeue(out var range)) await ScanAsync(range, asOf, groupBy, collector, part, ct);
            return part;
        }, ct)));
        foreach (var part in parts) report.Add(part);
    }

    /// <summary>
    /// Consecutive ranges [From, To] of whole days covering first..last, as even in days as the
    /// span allows; never more ranges than days.
    /// </summary>
    public static IReadOnlyList<(DateOnly From, DateOnly To)> DueDateRanges(DateOnly first, DateOnly last, int count)
    {
        var days = last.DayNumber - first.DayNumber + 1;
        count = Math.Clamp(count, 1, days);
        return Enumerable.Range(0, count)
            .Select(i => (first.AddDays((int)((long)days * i / count)), first.AddDays((int)((long)days * (i + 1) / count) - 1)))
            .ToList();
    }

    /// <summary>The earliest and latest due date of an open invoice: per status, each an index seek.</summary>
    private async Task<(DateOnly, DateOnly)?> DueDateSpanAsync(CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        // Per status, so each is answered from the head or tail of IX_Invoices_Aging.
        var firsts = new List<DateOnly>();
        var lasts = new List<DateOnly>();
        foreach (var status in new[] { InvoiceStatus.Issued, InvoiceStatus.PartiallyPaid })
        {
            var ofStatus = db.Invoices.IgnoreAutoIncludes().Where(i => i.Status == status).Select(i => (DateOnly?)i.DueDate);
            if (await ofStatus.MinAsync(ct) is { } min) firsts.Add(min);
            if (await ofStatus.MaxAsync(ct) is { } max) lasts.Add(max);
        }
        return firsts.Count == 0 ? null : (firsts.Min(), lasts.Max());
    }

    /// <summary>
    /// The hot loop, a million rows a report: compiled optimised from its first call, since a
    /// report is over before tiered compilation would have promoted it.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Read(DbDataReader reader, bool named, AgingAccumulator part, CancellationToken ct)
    {
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            var key = reader.GetString(0);
            part.Add(named ? AgingQuery.Named(key) : key, reader.GetString(1), reader.GetInt32(2), reader.GetDecimal(3),
                reader.IsDBNull(4) ? 0m : reader.GetDecimal(4));
        }
    }

    private async Task ScanAsync((DateOnly From, DateOnly To) range, DateOnly asOf, Proto.AgingGroupBy groupBy, string? collector,
        AgingAccumulator part, CancellationToken ct)
    {
        var (key, fromCustomer) = groupBy switch
        {
            Proto.AgingGroupBy.Region => ("c.Region", true),
            Proto.AgingGroupBy.Collector => ("c.Collector", true),
            Proto.AgingGroupBy.Segment => ("c.Segment", true),
            Proto.AgingGroupBy.Currency => ("i.Currency", false),
            Proto.AgingGroupBy.SalesRep => ("i.SalesRep", false),
            _ => ("i.CustomerId", false),
        };
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            // Every column comes from IX_Invoices_Aging; the customers are joined only for a key of
            // theirs. The key column comes from the fixed list above, never from the caller.
            var starts = AgingCalculator.BucketStarts(asOf);
            command.CommandText =
                $"SELECT {key}, i.Currency, CASE WHEN i.DueDate >= @b0 THEN 0 WHEN i.DueDate >= @b1 THEN 1 " +
                "WHEN i.DueDate >= @b2 THEN 2 WHEN i.DueDate >= @b3 THEN 3 ELSE 4 END, i.OpenAmount, " +
                // Few invoices are disputed: the others' zero is not read back as text and parsed.
                "CASE WHEN CAST(i.DisputedAmount AS REAL) = 0 THEN NULL ELSE i.DisputedAmount END FROM Invoices i " +
                (fromCustomer || collector is not null ? "JOIN Customers c ON c.Id = i.CustomerId " : "") +
                $"WHERE i.Status IN ({OpenStatuses}) AND i.DueDate >= @from AND i.DueDate <= @to" +
                (collector is not null ? " AND c.Collector = @collector" : "");
            for (var b = 0; b < starts.Count; b++) command.WithParameter($"@b{b}", starts[b]);
            command.WithParameter("@from", range.From).WithParameter("@to", range.To);
            if (collector is not null) command.WithParameter("@collector", collector);
            await using var reader = await command.ExecuteReaderAsync(ct);
            Read(reader, named: groupBy != Proto.AgingGroupBy.Customer && groupBy != Proto.AgingGroupBy.Currency, part, ct);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }
}
