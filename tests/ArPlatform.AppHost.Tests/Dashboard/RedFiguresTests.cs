using ArPlatform.AppHost.Dashboard;

namespace ArPlatform.AppHost.Tests.Dashboard;

public class RedFiguresTests
{
    private const string GetInvoice = "/ar.billing.v1.BillingService/GetInvoice";

    private static string Count(string route, string status, double value, string grpc = "") =>
        $"http_server_request_duration_seconds_count{{http_route=\"{route}\",http_response_status_code=\"{status}\"{(grpc == "" ? "" : $",grpc_status=\"{grpc}\"")}}} {value}";

    private static string Bucket(string route, string le, double value) =>
        $"http_server_request_duration_seconds_bucket{{http_route=\"{route}\",le=\"{le}\"}} {value}";

    private static IReadOnlyList<Sample> Scrape(params string[] lines) => PrometheusText.Parse(string.Join('\n', lines));

    [Fact]
    public void The_rate_counts_the_calls_between_two_scrapes_but_not_probes_and_scrapes()
    {
        var before = Scrape(Count(GetInvoice, "200", 100, "0"), Count("/health", "200", 50), Count("/metrics", "200", 10));
        var after = Scrape(Count(GetInvoice, "200", 130, "0"), Count("/health", "200", 65), Count("/metrics", "200", 20));

        var red = RedFigures.Between(before, after, TimeSpan.FromSeconds(10));

        Assert.Equal(3.0, red.RequestsPerSecond, 6);
        Assert.Equal(0, red.ErrorRatio);
    }

    [Fact]
    public void Server_failures_count_as_errors_and_refusals_of_bad_requests_do_not()
    {
        // In 10 s: 40 OK, 6 INTERNAL (13), 4 NOT_FOUND (5), and on a JSON route 8 OK and 2 Bad Gateway.
        var before = Scrape(Count(GetInvoice, "200", 0, "0"), Count(GetInvoice, "200", 0, "13"), Count(GetInvoice, "200", 0, "5"),
            Count("/v1/invoices/{**rest}", "200", 0), Count("/v1/invoices/{**rest}", "502", 0));
        var after = Scrape(Count(GetInvoice, "200", 40, "0"), Count(GetInvoice, "200", 6, "13"), Count(GetInvoice, "200", 4, "5"),
            Count("/v1/invoices/{**rest}", "200", 8), Count("/v1/invoices/{**rest}", "502", 2));

        var red = RedFigures.Between(before, after, TimeSpan.FromSeconds(10));

        Assert.Equal(6.0, red.RequestsPerSecond, 6);
        Assert.Equal(8.0 / 60, red.ErrorRatio, 6);
    }

    [Fact]
    public void A_counter_that_restarted_counts_from_zero()
    {
        var red = RedFigures.Between(Scrape(Count(GetInvoice, "200", 500, "0")), Scrape(Count(GetInvoice, "200", 20, "0")), TimeSpan.FromSeconds(10));

        Assert.Equal(2.0, red.RequestsPerSecond, 6);
    }

    [Fact]
    public void The_p99_is_interpolated_within_the_bucket_holding_the_99th_percentile_call()
    {
        // 200 calls in the window: 150 under 10 ms, 196 under 25 ms, 200 under 50 ms. Rank 198 is
        // the 2nd of the 4 calls between 25 and 50 ms: 25 + 25 × 2/4 = 37.5 ms.
        var before = Scrape(Bucket(GetInvoice, "0.01", 1000), Bucket(GetInvoice, "0.025", 1000), Bucket(GetInvoice, "0.05", 1000), Bucket(GetInvoice, "+Inf", 1000));
        var after = Scrape(Bucket(GetInvoice, "0.01", 1150), Bucket(GetInvoice, "0.025", 1196), Bucket(GetInvoice, "0.05", 1200), Bucket(GetInvoice, "+Inf", 1200));

        var red = RedFigures.Between(before, after, TimeSpan.FromSeconds(30));

        Assert.Equal(0.0375, red.P99Seconds!.Value, 9);
    }

    [Fact]
    public void Without_calls_there_is_no_p99_and_no_error_ratio()
    {
        var scrape = Scrape(Bucket(GetInvoice, "0.01", 5), Bucket(GetInvoice, "+Inf", 5), Count(GetInvoice, "200", 5, "0"));

        var red = RedFigures.Between(scrape, scrape, TimeSpan.FromSeconds(2));

        Assert.Equal((0d, 0d, (double?)null), (red.RequestsPerSecond, red.ErrorRatio, red.P99Seconds));
    }

    [Fact]
    public void A_p99_beyond_the_last_finite_bound_reads_as_that_bound()
    {
        Assert.Equal(10, RedFigures.Quantile(0.99, [(5, 50), (10, 90), (double.PositiveInfinity, 100)]));
    }
}
