using System.Net;
using System.Text;
using Proto = ArPlatform.Contracts.Billing.V1;

namespace ArPlatform.Billing.Reports;

/// <summary>
/// The statement as a self-contained printable HTML page (no scripts, no external assets), for
/// sending to the customer or printing to PDF from any browser. Every value is HTML-encoded.
/// </summary>
public static class StatementPage
{
    public static string Render(Proto.Statement statement)
    {
        var c = statement.Customer;
        var html = new StringBuilder(4096);
        html.Append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><title>Statement ")
            .Append(E(c.CustomerNumber)).Append("</title><style>")
            .Append("body{font-family:sans-serif;margin:2em;color:#222}table{border-collapse:collapse;width:100%;margin:1em 0}")
            .Append("th,td{border-bottom:1px solid #ccc;padding:4px 8px;text-align:left}td.n,th.n{text-align:right}")
            .Append("@media print{body{margin:0}}</style></head><body>")
            .Append("<h1>Statement of account</h1><p><strong>").Append(E(c.LegalName.Length > 0 ? c.LegalName : c.Name))
            .Append("</strong><br>Customer ").Append(E(c.CustomerNumber));
        if (c.BillingAddress is { } a)
            foreach (var part in new[] { a.Line1, a.Line2, $"{a.PostalCode} {a.City}".Trim(), a.Region, a.Country }.Where(p => p.Length > 0))
                html.Append("<br>").Append(E(part));
        html.Append("</p><p>Period ").Append(E(statement.FromDate)).Append(" to ").Append(E(statement.ToDate)).Append("</p>");

        foreach (var section in statement.Currencies)
        {
            html.Append("<h2>").Append(E(section.Currency)).Append("</h2><table><thead><tr><th>Date</th><th>Document</th><th>Invoice</th>")
                .Append("<th class=\"n\">Amount</th><th class=\"n\">Balance</th></tr></thead><tbody>")
                .Append("<tr><td>").Append(E(statement.FromDate)).Append("</td><td>Balance brought forward</td><td></td><td></td><td class=\"n\">")
                .Append(E(section.OpeningBalance.Amount)).Append("</td></tr>");
            foreach (var line in section.Lines)
                html.Append("<tr><td>").Append(E(line.Date)).Append("</td><td>").Append(E(Describe(line))).Append("</td><td>")
                    .Append(E(line.InvoiceNumber)).Append("</td><td class=\"n\">").Append(E(line.Amount.Amount))
                    .Append("</td><td class=\"n\">").Append(E(line.RunningBalance.Amount)).Append("</td></tr>");
            html.Append("</tbody><tfoot><tr><th colspan=\"4\">Closing balance</th><th class=\"n\">")
                .Append(E(section.ClosingBalance.Amount)).Append("</th></tr></tfoot></table>");
            var g = section.Aging;
            html.Append("<table><thead><tr><th class=\"n\">Current</th><th class=\"n\">1–30</th><th class=\"n\">31–60</th>")
                .Append("<th class=\"n\">61–90</th><th class=\"n\">90+</th><th class=\"n\">Total open</th></tr></thead><tbody><tr>");
            foreach (var bucket in new[] { g.Current, g.Days1To30, g.Days31To60, g.Days61To90, g.Over90, g.Total })
                html.Append("<td class=\"n\">").Append(E(bucket.Amount)).Append("</td>");
            html.Append("</tr></tbody></table>");
        }
        return html.Append("</body></html>").ToString();
    }

    private static string Describe(Proto.StatementLine line) =>
        $"{string.Join(' ', line.Kind.Split('_').Select(w => w[..1] + w[1..].ToLowerInvariant()))} {line.Reference}".Trim();

    private static string E(string text) => WebUtility.HtmlEncode(text);
}
