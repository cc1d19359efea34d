using ArPlatform.AppHost;
using ArPlatform.AppHost.Orchestration;

namespace ArPlatform.AppHost.Tests;

public class OptionsAndBackoffTests
{
    [Fact]
    public void Defaults_are_the_documented_ports_and_a_data_folder_in_the_repository()
    {
        var options = AppHostOptions.Parse([], "/repo");
        Assert.Equal((8080, 8081, "/repo/.data"), (options.GatewayHttpPort, options.GatewayGrpcPort, options.DataDirectory));
        Assert.Null(options.SqlServer);
        Assert.Equal(DatabaseKind.Sqlite, options.Database);
        Assert.False(options.DisableRedis);
    }

    [Theory]
    [InlineData("sqlite", DatabaseKind.Sqlite)]
    [InlineData("postgres", DatabaseKind.Postgres)]
    public void The_database_option_chooses_sqlite_or_a_local_postgres_cluster(string value, DatabaseKind expected) =>
        Assert.Equal(expected, AppHostOptions.Parse(["--database", value], "/repo").Database);

    [Fact]
    public void Postgres_and_sql_server_together_are_refused_as_two_choices_of_database()
    {
        var ex = Assert.Throws<ArgumentException>(() => AppHostOptions.Parse(["--database", "postgres", "--sqlserver", "Server=x"], "/repo"));
        Assert.Contains("pass one of them", ex.Message);
    }

    [Fact]
    public void Every_option_is_read()
    {
        var options = AppHostOptions.Parse(
            ["--gateway-http-port", "0", "--gateway-grpc-port", "9091", "--data-dir", "/tmp/ar", "--sqlserver", "Server=x",
             "--otlp-endpoint", "http://localhost:4317", "--no-redis"], "/repo");
        Assert.Equal((0, 9091, "/tmp/ar", "Server=x", "http://localhost:4317", true),
            (options.GatewayHttpPort, options.GatewayGrpcPort, options.DataDirectory, options.SqlServer, options.OtlpEndpoint, options.DisableRedis));
    }

    [Theory]
    [InlineData("--gateway-http-port", "http")]
    [InlineData("--gateway-http-port", "70000")]
    [InlineData("--bogus", null)]
    [InlineData("--data-dir", null)]
    [InlineData("--database", "mysql")]
    [InlineData("--database", null)]
    public void Bad_options_are_refused_with_a_reason(string option, string? value)
    {
        string[] args = value is null ? [option] : [option, value];
        Assert.Throws<ArgumentException>(() => AppHostOptions.Parse(args, "/repo"));
    }

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 2)]
    [InlineData(3, 4)]
    [InlineData(5, 16)]
    [InlineData(6, 30)]
    [InlineData(20, 30)]
    public void Restarts_back_off_exponentially_up_to_thirty_seconds(int crashes, int seconds) =>
        Assert.Equal(TimeSpan.FromSeconds(seconds), SupervisedProcess.Backoff(crashes));
}
