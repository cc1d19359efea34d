using System.Text;
using ArPlatform.Billing.Gl;
using ArPlatform.Billing.Reports;
using ArPlatform.ServiceDefaults.Errors;
using ArPlatform.ServiceDefaults.Security;
using Microsoft.AspNetCore.Mvc;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Grpc;

/// <summary>
/// Documents people open rather than parse: the printable statement page and the journal as CSV
/// for the GL import. Plain HTTP beside the gRPC API, same tokens and policies; the journal is
/// written as it is read, page by page, so a month of a million entries never sits in memory.
/// </summary>
public static class BillingDocuments
{
    public static IEndpointRouteBuilder MapBillingDocuments(this IEndpointRouteBuilder app)
    {
        app.MapGet("/v1/customers/{customerId}/statement.html", async (string customerId,
                [FromQuery(Name = "fromDate")] string? fromDate, [FromQuery(Name = "toDate")] string? toDate,
                StatementService statements, CancellationToken ct) =>
            {
                var statement = await statements.GetAsync(
                    new Proto.GetStatementRequest { CustomerId = customerId, FromDate = fromDate ?? "", ToDate = toDate ?? "" }, ct);
                return Results.Content(StatementPage.Render(statement), "text/html; charset=utf-8");
            })
            .RequireAuthorization(Policies.ReadReceivables);

        app.MapGet("/v1/gl/journal.csv", async (HttpContext http,
                [FromQuery(Name = "fromDate")] string? fromDate, [FromQuery(Name = "toDate")] string? toDate,
                GlService gl, CancellationToken ct) =>
            {
                var v = new Validator();
                var (from, to) = v.DateRange("from_date", fromDate ?? "", "to_date", toDate ?? "");
                v.ThrowIfInvalid();
                http.Response.ContentType = "text/csv; charset=utf-8";
                http.Response.Headers.ContentDisposition = $"attachment; filename=\"journal-{fromDate}-{toDate}.csv\"";
                await using var writer = new StreamWriter(http.Response.Body, new UTF8Encoding(false), 1 << 16);
                await writer.WriteLineAsync("ledger_entry_id,date,currency,customer_id,account,debit,credit,description");
                const int page = 5000;
                for (long after = 0; ;)
                {
                    var entries = await gl.JournalPageAsync(from, to, after, page, ct);
                    foreach (var entry in entries)
                        foreach (var line in entry.Lines)
                            await writer.WriteLineAsync(string.Join(',', entry.LedgerEntryId, entry.Date.ToString("yyyy-MM-dd"), entry.Currency,
                                entry.CustomerId, Csv(line.Account), GlService.Format(line.Debit, entry.Currency),
                                GlService.Format(line.Credit, entry.Currency), Csv(entry.Description)));
                    if (entries.Count < page) break;
                    after = entries[^1].LedgerEntryId;
                }
            })
            .RequireAuthorization(Policies.ReadGeneralLedger);
        return app;
    }

    /// <summary>RFC 4180: quoted when it holds a comma, quote or line break; quotes doubled.</summary>
    private static string Csv(string value) =>
        value.AsSpan().IndexOfAny(",\"\r\n") < 0 ? value : $"\"{value.Replace("\"", "\"\"", StringComparison.Ordinal)}\"";
}
