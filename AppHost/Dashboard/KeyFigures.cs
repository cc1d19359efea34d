using System.Globalization;
using ArPlatform.SharedKernel;

namespace ArPlatform.AppHost.Dashboard;

/// <summary>A business number the dashboard shows beside a service's RED numbers.</summary>
public sealed record Figure(string Label, string Value);

/// <summary>
/// Which business numbers each service's row shows, read from its latest scrape: is money
/// flowing (invoices billed, cash imported and applied, letters sent), and is anything stuck
/// (unapplied cash, outboxes, overdue disputes).
/// </summary>
public static class KeyFigures
{
    private enum Kind { Count, PerCurrency, Share, Days }

    private sealed record Definition(string Label, string Metric, Kind Kind = Kind.Count, string? Where = null, string? Is = null);

    private static readonly Dictionary<string, Definition[]> ByService = new(StringComparer.Ordinal)
    {
        ["billing"] =
        [
            new("Invoices issued", "ar_billing_invoices_issued_total"),
            new("Billed", "ar_billing_amount_billed_total", Kind.PerCurrency),
            new("Balance cache hits", "ar_billing_balance_reads_total", Kind.Share, Where: "source", Is: "cache"),
        ],
        ["cashapp"] =
        [
            new("Payments imported", "ar_cashapp_payments_imported_total"),
            new("Auto-applied", "ar_cashapp_payments_auto_applied_total"),
            new("Unapplied", "ar_cashapp_unapplied_payments", Where: "age", Is: "all"),
            new("Unapplied > 7 days", "ar_cashapp_unapplied_payments", Where: "age", Is: "over_7d"),
            new("Oldest unapplied", "ar_cashapp_unapplied_oldest_age_days", Kind.Days),
            new("Awaiting Billing", "ar_cashapp_applications_pending"),
        ],
        ["collections"] =
        [
            new("Dunning actions", "ar_collections_dunning_actions_total"),
            new("Mail sent", "ar_collections_mail_sent_total"),
            new("Mail waiting", "ar_collections_mail_pending"),
            new("Write-offs awaiting Billing", "ar_collections_writeoffs_awaiting_posting"),
            new("Dunning runs failed", "ar_collections_dunning_runs_total", Where: "outcome", Is: "failed"),
        ],
        ["disputes"] =
        [
            new("Open cases", "ar_disputes_unresolved"),
            new("Past SLA", "ar_disputes_overdue"),
            new("Awaiting Billing", "ar_disputes_outbox_pending"),
        ],
    };

    public static IReadOnlyList<Figure> For(string service, IReadOnlyList<Sample> scrape) =>
        ByService.TryGetValue(service, out var definitions)
            ? definitions.Select(d => new Figure(d.Label, Value(d, scrape))).ToList()
            : [];

    private static string Value(Definition d, IReadOnlyList<Sample> scrape)
    {
        var series = scrape.Where(s => s.Name == d.Metric).ToList();
        var selected = d.Where is null || d.Kind == Kind.Share ? series : series.Where(s => s.Label(d.Where) == d.Is).ToList();
        switch (d.Kind)
        {
            case Kind.PerCurrency:
                var totals = selected.GroupBy(s => s.Label("currency")).OrderBy(g => g.Key, StringComparer.Ordinal)
                    .Select(g => $"{g.Key} {Amount(g.Key, g.Sum(s => s.Value))}").ToList();
                return totals.Count == 0 ? "–" : string.Join(" · ", totals);
            case Kind.Share:
                var all = series.Sum(s => s.Value);
                var part = series.Where(s => s.Label(d.Where!) == d.Is).Sum(s => s.Value);
                return all > 0 ? (part / all).ToString("P0", CultureInfo.InvariantCulture) : "–";
            case Kind.Days:
                return selected.Count == 0 ? "–" : $"{selected.Max(s => s.Value):0} d";
            default:
                return selected.Count == 0 ? "–" : selected.Sum(s => s.Value).ToString("N0", CultureInfo.InvariantCulture);
        }
    }

    /// <summary>In the currency's own decimals (JPY 0, USD 2, BHD 3).</summary>
    private static string Amount(string code, double value)
    {
        var decimals = Currency.TryParse(code, out var currency) ? currency.MinorUnits : 2;
        return value.ToString("N" + decimals, CultureInfo.InvariantCulture);
    }
}
