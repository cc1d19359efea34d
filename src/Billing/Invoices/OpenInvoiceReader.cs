using System.Data.Common;
using System.Threading.Channels;
using ArPlatform.Billing.Data;
using ArPlatform.Contracts.Common.V1;
using ArPlatform.ServiceDefaults.Data;
using ArPlatform.ServiceDefaults.Telemetry;
using ArPlatform.SharedKernel;
using Google.Protobuf.WellKnownTypes;
using Microsoft.EntityFrameworkCore;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Invoices;

/// <summary>
/// Open invoices for StreamOpenInvoices, a page at a time, straight from a data reader into the
/// wire message. EF would load each page as entities with their owned lines joined in (owned
/// collections cannot be left out) and parse SQLite's TEXT decimals and dates at a fraction of the
/// reader's speed; this is the one read that moves a million invoices. Keyset pages on the
/// (Status, Id) or (CustomerId, Status, Id) index; FULL reads each page's lines and dispute flags
/// with one range read each; OPEN_ITEM reads only what matching and dunning use. The messages
/// equal <see cref="Grpc.BillingMapping"/>'s, or its fields of the view (tested).
/// </summary>
public sealed class OpenInvoiceReader(BillingDbContext db)
{
    public const int PageSize = 5000;

    // SQLite keeps decimals and dates as TEXT ("324.7", "2026-10-31"): the wire's forms but for
    // trailing zeros, so they are copied instead of parsed and formatted again — at a million rows
    // the largest cost after reading them. SQL Server's typed columns go the usual way.
    private readonly bool _textColumns = db.Database.IsSqlite();

    private const string Columns =
        "\"Id\", \"Number\", \"CustomerId\", \"Status\", \"InvoiceDate\", \"DueDate\", \"PoNumber\", \"Currency\", \"Subtotal\", " +
        "\"TaxTotal\", \"Total\", \"OpenAmount\", \"DiscountDate\", \"DiscountAmount\", \"CreatedAt\", \"IssuedAt\", " +
        "\"DisputedAmount\", \"SalesRep\", \"Kind\"";

    /// <summary>The open-item view: the columns matching and dunning read, nothing more.</summary>
    private const string OpenItemColumns =
        "\"Id\", \"Number\", \"CustomerId\", \"Status\", \"Currency\", \"PoNumber\", " +
        "\"DueDate\", \"OpenAmount\", \"DiscountDate\", \"DiscountAmount\", \"DisputedAmount\"";

    /// <summary>
    /// The pages, read one ahead: the next page is read from the database while the caller sends
    /// the last one, so reading and writing share the two cores instead of taking turns.
    /// </summary>
    public async IAsyncEnumerable<IReadOnlyList<Proto.Invoice>> PagesAsync(
        OpenInvoiceScope scope, Proto.InvoiceView view, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        var ready = Channel.CreateBounded<IReadOnlyList<Proto.Invoice>>(new BoundedChannelOptions(1) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var reading = Task.Run(async () =>
        {
            try
            {
                await foreach (var page in ReadPagesAsync(scope, view, stop.Token)) await ready.Writer.WriteAsync(page, stop.Token);
                ready.Writer.Complete();
            }
            catch (Exception ex)
            {
                ready.Writer.Complete(ex);
            }
        }, stop.Token);
        try
        {
            await foreach (var page in ready.Reader.ReadAllAsync(ct)) yield return page;
        }
        finally
        {
            // A caller that stops early (or a cancelled call) stops the reader too.
            await stop.CancelAsync();
            await reading.ContinueWith(_ => { }, CancellationToken.None, TaskContinuationOptions.None, TaskScheduler.Default);
        }
    }

    private async IAsyncEnumerable<IReadOnlyList<Proto.Invoice>> ReadPagesAsync(
        OpenInvoiceScope scope, Proto.InvoiceView view, [System.Runtime.CompilerServices.EnumeratorCancellation] CancellationToken ct)
    {
        await db.Database.OpenConnectionAsync(ct);
        try
        {
            foreach (var status in new[] { InvoiceStatus.Issued, InvoiceStatus.PartiallyPaid })
            {
                var after = "";
                while (true)
                {
                    var page = view == Proto.InvoiceView.OpenItem
                        ? await OpenItemsAsync(status, scope, after, ct)
                        : await HeadersAsync(status, scope, after, ct);
                    if (page.Count == 0) break;
                    if (view is not (Proto.InvoiceView.Basic or Proto.InvoiceView.OpenItem)) await AddDetailsAsync(page, ct);
                    yield return page;
                    if (page.Count < PageSize) break;
                    after = page[^1].Id;
                }
            }
        }
        finally
        {
            await db.Database.CloseConnectionAsync();
        }
    }

    private async Task<List<Proto.Invoice>> HeadersAsync(InvoiceStatus status, OpenInvoiceScope scope, string after, CancellationToken ct)
    {
        await using var command = PageCommand(Columns, status, scope, after);
        var page = new List<Proto.Invoice>(PageSize);
        await using var r = await command.ExecuteReaderTimedAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var currency = Currency.Of(r.GetString(7));
            page.Add(new Proto.Invoice
            {
                Id = r.GetString(0),
                Number = r.IsDBNull(1) ? "" : r.GetString(1),
                CustomerId = r.GetString(2),
                Status = (Proto.InvoiceStatus)r.GetInt32(3),
                InvoiceDate = Date(r, 4),
                DueDate = Date(r, 5),
                PoNumber = r.GetString(6),
                Currency = currency.Code,
                Subtotal = Amount(r, 8, currency),
                TaxTotal = Amount(r, 9, currency),
                Total = Amount(r, 10, currency),
                OpenAmount = Amount(r, 11, currency),
                DiscountDate = r.IsDBNull(12) ? "" : Date(r, 12),
                DiscountAmount = r.IsDBNull(13) ? null : Amount(r, 13, currency),
                CreateTime = Utc(r.GetDateTime(14)),
                IssueTime = r.IsDBNull(15) ? null : Utc(r.GetDateTime(15)),
                DisputedAmount = Amount(r, 16, currency),
                SalesRep = r.GetString(17),
                Kind = (Proto.InvoiceKind)r.GetInt32(18),
            });
        }
        return page;
    }

    private async Task<List<Proto.Invoice>> OpenItemsAsync(InvoiceStatus status, OpenInvoiceScope scope, string after, CancellationToken ct)
    {
        await using var command = PageCommand(OpenItemColumns, status, scope, after);
        var page = new List<Proto.Invoice>(PageSize);
        await using var r = await command.ExecuteReaderTimedAsync(ct);
        while (await r.ReadAsync(ct))
        {
            var currency = Currency.Of(r.GetString(4));
            page.Add(new Proto.Invoice
            {
                Id = r.GetString(0),
                Number = r.IsDBNull(1) ? "" : r.GetString(1),
                CustomerId = r.GetString(2),
                Status = (Proto.InvoiceStatus)r.GetInt32(3),
                Currency = currency.Code,
                PoNumber = r.GetString(5),
                DueDate = Date(r, 6),
                OpenAmount = Amount(r, 7, currency),
                DiscountDate = r.IsDBNull(8) ? "" : Date(r, 8),
                DiscountAmount = r.IsDBNull(9) ? null : Amount(r, 9, currency),
                DisputedAmount = Amount(r, 10, currency),
            });
        }
        return page;
    }

    private Contracts.Common.V1.Money Amount(DbDataReader r, int ordinal, Currency currency) => new()
    {
        Currency = currency.Code,
        Amount = (_textColumns ? DecimalText.WithDecimals(r.GetString(ordinal), currency.MinorUnits) : null)
                 ?? new SharedKernel.Money(r.GetDecimal(ordinal), currency).FormatAmount(),
    };

    private string Date(DbDataReader r, int ordinal) =>
        _textColumns && r.GetString(ordinal) is { Length: 10 } text && text[4] == '-' && text[7] == '-'
            ? text
            : r.GetFieldValue<DateOnly>(ordinal).ToText();

    /// <summary>One keyset page of open invoices of a status, in id order.</summary>
    private DbCommand PageCommand(string columns, InvoiceStatus status, OpenInvoiceScope scope, string after)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        var where = $"\"Status\" = {(int)status} AND \"Id\" > @after" + (scope.CustomerId is null ? "" : " AND \"CustomerId\" = @customer")
                    + (scope.IssuedSince is null ? "" : " AND \"IssuedAt\" >= @since");
        // The page limit is the one thing the providers spell differently (identifiers are quoted
        // the standard way, which all of them read).
        command.CommandText = db.Database.IsSqlServer()
            ? $"SELECT TOP ({PageSize}) {columns} FROM \"Invoices\" WHERE {where} ORDER BY \"Id\""
            : $"SELECT {columns} FROM \"Invoices\" WHERE {where} ORDER BY \"Id\" LIMIT {PageSize}";
        command.WithParameter("@after", after);
        if (scope.CustomerId is not null) command.WithParameter("@customer", scope.CustomerId);
        if (scope.IssuedSince is { } since) command.WithParameter("@since", since);
        return command;
    }

    /// <summary>Lines and dispute flags of a page's invoices: one read of each table over the page's id range.</summary>
    private async Task AddDetailsAsync(List<Proto.Invoice> page, CancellationToken ct)
    {
        var byId = page.ToDictionary(i => i.Id, StringComparer.Ordinal);
        await using (var lines = Range(page,
                         "\"InvoiceId\", \"LineNumber\", \"Description\", \"Quantity\", \"UnitPrice\", \"DiscountPercent\", " +
                         "\"TaxRatePercent\", \"ProductCode\", \"NetAmount\", \"TaxAmount\" FROM \"InvoiceLines\"", "\"InvoiceId\", \"LineNumber\""))
        await using (var r = await lines.ExecuteReaderTimedAsync(ct))
            while (await r.ReadAsync(ct))
            {
                if (!byId.TryGetValue(r.GetString(0), out var invoice)) continue;
                invoice.Lines.Add(Grpc.BillingMapping.ToProto(new InvoiceLine
                {
                    LineNumber = r.GetInt32(1), Description = r.GetString(2), Quantity = r.GetDecimal(3), UnitPrice = r.GetDecimal(4),
                    DiscountPercent = r.GetDecimal(5), TaxRatePercent = r.GetDecimal(6), ProductCode = r.GetString(7),
                    NetAmount = r.GetDecimal(8), TaxAmount = r.GetDecimal(9),
                }, invoice.Currency));
            }
        await using (var flags = Range(page, "\"InvoiceId\", \"DisputeId\", \"Amount\" FROM \"InvoiceDisputeFlags\"", "\"InvoiceId\", \"DisputeId\""))
        await using (var r = await flags.ExecuteReaderTimedAsync(ct))
            while (await r.ReadAsync(ct))
            {
                var amount = r.GetDecimal(2);
                if (amount == 0m || !byId.TryGetValue(r.GetString(0), out var invoice)) continue;
                invoice.DisputeFlags.Add(new Proto.InvoiceDisputeFlag { DisputeId = r.GetString(1), Amount = MoneyMapping.ToProto(amount, invoice.Currency) });
            }
    }

    private DbCommand Range(List<Proto.Invoice> page, string selectFrom, string orderBy)
    {
        var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT {selectFrom} WHERE \"InvoiceId\" >= @first AND \"InvoiceId\" <= @last ORDER BY {orderBy}";
        return command.WithParameter("@first", page[0].Id).WithParameter("@last", page[^1].Id);
    }

    private static Timestamp Utc(DateTime at) => Timestamp.FromDateTime(DateTime.SpecifyKind(at, DateTimeKind.Utc));
}

/// <summary>Which open invoices to read: all, or one customer's; all, or only those issued since a time (UTC).</summary>
public sealed record OpenInvoiceScope(string? CustomerId = null, DateTime? IssuedSince = null);
