using System.Diagnostics;
using ArPlatform.ServiceDefaults.Telemetry;
using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using Microsoft.Extensions.Options;

namespace ArPlatform.ServiceDefaults.Tests;

public class TelemetryTests
{
    [Fact]
    public void A_log_line_written_during_a_call_carries_the_calls_trace_and_span_ids_and_the_console_prints_them()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.AddTelemetry();
        var captured = new ScopeCapture();
        builder.Logging.AddProvider(captured);
        using var app = builder.Build();
        var logger = app.Services.GetRequiredService<ILogger<TelemetryTests>>();
        using var activity = new Activity("GetInvoice").SetIdFormat(ActivityIdFormat.W3C).Start();

        logger.LogInformation("Invoice read");

        var scope = Assert.Single(captured.Scopes);
        Assert.Contains(new KeyValuePair<string, object?>("TraceId", activity.TraceId.ToHexString()), scope);
        Assert.Contains(new KeyValuePair<string, object?>("SpanId", activity.SpanId.ToHexString()), scope);
        var console = app.Services.GetRequiredService<IOptions<SimpleConsoleFormatterOptions>>().Value;
        Assert.True(console.IncludeScopes && console.SingleLine);
    }

    [Theory]
    [InlineData("SELECT \"c\".\"Id\" FROM \"Customers\"", "SELECT")]
    [InlineData("  insert INTO x VALUES (1)", "INSERT")]
    [InlineData("WITH t AS (SELECT 1) SELECT * FROM t", "WITH")]
    [InlineData("PRAGMA journal_mode=WAL;", "PRAGMA")]
    [InlineData("VACUUM", "OTHER")]
    public void A_database_call_is_named_by_its_statements_first_keyword(string sql, string operation)
    {
        Assert.Equal(operation, DatabaseCallInterceptor.Operation(sql));
    }

    /// <summary>Records the scope values the logger factory attaches to each entry.</summary>
    private sealed class ScopeCapture : ILoggerProvider, ISupportExternalScope, ILogger
    {
        private IExternalScopeProvider _scopes = new LoggerExternalScopeProvider();
        public List<List<KeyValuePair<string, object?>>> Scopes { get; } = [];

        public void SetScopeProvider(IExternalScopeProvider scopeProvider) => _scopes = scopeProvider;
        public ILogger CreateLogger(string categoryName) => categoryName == typeof(TelemetryTests).FullName ? this : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;
        public void Dispose() { }
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => _scopes.Push(state);
        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            var values = new List<KeyValuePair<string, object?>>();
            _scopes.ForEachScope((scope, list) =>
            {
                if (scope is IEnumerable<KeyValuePair<string, object?>> pairs) list.AddRange(pairs);
            }, values);
            Scopes.Add(values);
        }
    }
}
