using System.Data.Common;
using System.Runtime.CompilerServices;
using ArPlatform.Billing.Data;
using ArPlatform.Billing.Invoices;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Telemetry;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Reports;

/// <summary>
/// The invoices of an aging report aged straight from the database, nearly the whole cost of the
/// report at volume: today's open invoices, corrected for what was posted after a past date.
/// Through a plain data reader: on SQLite, EF's materializer parses the TEXT decimals and dates
/// at a third of the reader's own speed. The due-date span is cut into ranges that one worker per
/// core takes in turn, each on a connection of its own: reading the covering index is CPU-bound,
/// and a single reader leaves the other cores idle.
/// </summary>
public sealed class OpenInvoiceScan(IServiceScopeFactory scopes)
{
    private const int RangesPerWorker = 4;
    private static readonly string OpenStatuses = $"{(int)InvoiceStatus.Issued}, {(int)InvoiceStatus.PartiallyPaid}";

    public async Task AgeAsync(DateOnly asOf, Proto.AgingGroupBy groupBy, string? collector, AgingAccumulator report, CancellationToken ct)
    {
        var columns = new Columns(groupBy, collector, AgingCalculator.BucketStarts(asOf));
        var corrections = CorrectForLaterPostingsAsync(asOf, columns, ct);
        var span = await DueDateSpanAsync(ct);
        if (span is var (first, last))
        {
            var workers = Math.Max(1, Environment.ProcessorCount);
            var ranges = new System.Collections.Concurrent.ConcurrentQueue<(DateOnly From, DateOnly To)>(
                DueDateRanges(first, last, workers * RangesPerWorker));
            var parts = await Task.WhenAll(Enumerable.Range(0, workers).Select(_ => Task.Run(async () =>
            {
                var part = new AgingAccumulator(asOf);
                while (ranges.TryDequeue(out var range)) await ScanAsync(range, columns, part, ct);
                return part;
            }, ct)));
            foreach (var part in parts) report.Add(part);
        }
        report.Add(await corrections);
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
    private static void Read(DbDataReader reader, Columns columns, AgingAccumulator part, CancellationToken ct)
    {
        while (reader.Read())
        {
            ct.ThrowIfCancellationRequested();
            part.Add(columns.Key(reader), reader.GetString(1), reader.GetInt32(2), reader.GetDecimal(3),
                reader.IsDBNull(4) ? 0m : reader.GetDecimal(4));
        }
    }

    private async Task ScanAsync((DateOnly From, DateOnly To) range, Columns columns, AgingAccumulator part, CancellationToken ct) =>
        await ReadAsync(
            $"SELECT {columns.Head}, i.\"OpenAmount\", " +
            // Few invoices are disputed: the others' zero is not read back as text and parsed.
            $"CASE WHEN CAST(i.\"DisputedAmount\" AS REAL) = 0 THEN NULL ELSE i.\"DisputedAmount\" END FROM \"Invoices\" i {columns.Join}" +
            $"WHERE i.\"Status\" IN ({OpenStatuses}) AND i.\"DueDate\" >= @from AND i.\"DueDate\" <= @to{columns.Where}",
            command => columns.Bind(command).WithParameter("@from", range.From).WithParameter("@to", range.To),
            reader => Read(reader, columns, part, ct), ct);

    /// <summary>
    /// For a past date, what was posted to invoices after it, taken back out: an invoice's open
    /// amount on the date is today's less everything posted since (the ledger and the invoice agree
    /// on every invoice, which the ledger invariant tests hold). Paid and voided invoices, which the
    /// scan of today's open invoices did not count, come in here with what they had open on the
    /// date; invoices issued after it net to nothing. Nothing posted after the date, nothing to read.
    /// </summary>
    private async Task<AgingAccumulator> CorrectForLaterPostingsAsync(DateOnly asOf, Columns columns, CancellationToken ct)
    {
        var corrections = new AgingAccumulator(asOf);
        await ReadAsync(
            $"SELECT {columns.Head}, CASE WHEN i.\"Status\" IN ({OpenStatuses}) THEN i.\"OpenAmount\" ELSE 0 END, i.\"DisputedAmount\", l.\"InvoiceId\", l.\"Amount\" " +
            $"FROM \"LedgerEntries\" l JOIN \"Invoices\" i ON i.\"Id\" = l.\"InvoiceId\" {columns.Join}" +
            $"WHERE l.\"EffectiveDate\" > @asOf AND l.\"InvoiceId\" IS NOT NULL{columns.Where} " +
            // Sorted by an expression: by the bare column SQLite would rather walk the whole ledger
            // in InvoiceId order than sort the few entries after the date.
            "ORDER BY COALESCE(l.\"InvoiceId\", '')",
            command => columns.Bind(command).WithParameter("@asOf", asOf),
            reader =>
            {
                // Rows come invoice by invoice: each invoice's later postings are summed, then its count corrected.
                string? invoice = null;
                var (key, currency, bucket, counted, disputed, later) = ("", "", 0, 0m, 0m, 0m);
                while (reader.Read())
                {
                    ct.ThrowIfCancellationRequested();
                    var id = reader.GetString(5);
                    if (id != invoice)
                    {
                        if (invoice is not null) corrections.Replace(key, currency, bucket, counted, counted - later, disputed);
                        invoice = id;
                        (key, currency, bucket, counted, disputed, later) = (columns.Key(reader), reader.GetString(1),
                            reader.GetInt32(2), reader.GetDecimal(3), reader.GetDecimal(4), 0m);
                    }
                    later += reader.GetDecimal(6);
                }
                if (invoice is not null) corrections.Replace(key, currency, bucket, counted, counted - later, disputed);
            }, ct);
        return corrections;
    }

    /// <summary>Runs one read on a connection of its own (so reads can run side by side).</summary>
    private async Task ReadAsync(string sql, Action<DbCommand> bind, Action<DbDataReader> read, CancellationToken ct)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<BillingDbContext>();
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = sql;
            bind(command);
            await using var reader = await command.ExecuteReaderTimedAsync(ct);
            read(reader);
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    /// <summary>
    /// The columns every read starts with — the report's key, the currency and the bucket — and
    /// what they need. The key column comes from a fixed list, never from the caller; the
    /// customers are joined only for a key of theirs or a collector's scope. The bucket is decided
    /// in SQL against each bucket's first due date, so no date is read back.
    /// </summary>
    private sealed class Columns(Proto.AgingGroupBy groupBy, string? collector, IReadOnlyList<DateOnly> bucketStarts)
    {
        private readonly (string Key, bool FromCustomer) _key = groupBy switch
        {
            Proto.AgingGroupBy.Region => ("c.\"Region\"", true),
            Proto.AgingGroupBy.Collector => ("c.\"Collector\"", true),
            Proto.AgingGroupBy.Segment => ("c.\"Segment\"", true),
            Proto.AgingGroupBy.Currency => ("i.\"Currency\"", false),
            Proto.AgingGroupBy.SalesRep => ("i.\"SalesRep\"", false),
            _ => ("i.\"CustomerId\"", false),
        };

        public string Head => $"{_key.Key}, i.\"Currency\", CASE WHEN i.\"DueDate\" >= @b0 THEN 0 WHEN i.\"DueDate\" >= @b1 THEN 1 " +
                              "WHEN i.\"DueDate\" >= @b2 THEN 2 WHEN i.\"DueDate\" >= @b3 THEN 3 ELSE 4 END";

        public string Join => _key.FromCustomer || collector is not null ? "JOIN \"Customers\" c ON c.\"Id\" = i.\"CustomerId\" " : "";

        public string Where => collector is not null ? " AND c.\"Collector\" = @collector" : "";

        /// <summary>The row's key (the first column); a customer's attribute or a sales rep left empty reads UNASSIGNED.</summary>
        public string Key(DbDataReader reader)
        {
            var key = reader.GetString(0);
            return groupBy is Proto.AgingGroupBy.Customer or Proto.AgingGroupBy.Currency ? key : AgingQuery.Named(key);
        }

        public DbCommand Bind(DbCommand command)
        {
            for (var b = 0; b < bucketStarts.Count; b++) command.WithParameter($"@b{b}", bucketStarts[b]);
            if (collector is not null) command.WithParameter("@collector", collector);
            return command;
        }
    }
}
