using ArPlatform.AppHost.Dashboard;

namespace ArPlatform.AppHost.Tests.Dashboard;

public class PrometheusTextTests
{
    [Fact]
    public void Samples_are_read_with_their_labels_and_comments_are_skipped()
    {
        var samples = PrometheusText.Parse("""
            # HELP ar_disputes_unresolved Cases not yet decided.
            # TYPE ar_disputes_unresolved gauge
            ar_disputes_unresolved{otel_scope_name="ArPlatform.Disputes"} 3

            http_server_request_duration_seconds_bucket{http_route="/ar.billing.v1.BillingService/GetInvoice",le="+Inf"} 12 1795530560705
            process_up 1
            """);

        Assert.Equal(3, samples.Count);
        Assert.Equal(("ar_disputes_unresolved", 3d), (samples[0].Name, samples[0].Value));
        Assert.Equal("ArPlatform.Disputes", samples[0].Label("otel_scope_name"));
        Assert.Equal(("+Inf", 12d), (samples[1].Label("le"), samples[1].Value));
        Assert.Equal(("process_up", 1d, 0), (samples[2].Name, samples[2].Value, samples[2].Labels.Count));
    }

    [Fact]
    public void Escaped_quotes_backslashes_and_newlines_in_label_values_are_unescaped()
    {
        var sample = PrometheusText.Parse("""m{a="say \"hi\"",b="C:\\temp",c="two\nlines"} 1""").Single();

        Assert.Equal(("say \"hi\"", @"C:\temp", "two\nlines"), (sample.Label("a"), sample.Label("b"), sample.Label("c")));
    }

    [Theory]
    [InlineData("+Inf", double.PositiveInfinity)]
    [InlineData("-Inf", double.NegativeInfinity)]
    [InlineData("1.5e-05", 0.000015)]
    [InlineData("12800.5", 12800.5)]
    public void Values_and_bucket_bounds_are_read_in_prometheus_notation(string text, double expected)
    {
        Assert.Equal(expected, PrometheusText.ParseValue(text));
    }

    [Fact]
    public void A_line_without_a_value_is_refused()
    {
        Assert.Throws<FormatException>(() => PrometheusText.Parse("m{a=\"1\"}"));
    }
}
