using System.Data.Common;

namespace ArPlatform.ServiceDefaults.Telemetry;

/// <summary>
/// Commands sent straight through ADO.NET, past EF (bulk writes, the aging and open-item readers):
/// timed and traced as <see cref="DatabaseCallInterceptor"/> times EF's, so no statement is missing
/// from the database's spans and duration histogram.
/// </summary>
public static class RawCommands
{
    /// <summary>Runs the reader, timed to when its rows are available (as EF's readers are); reading them is the caller's time.</summary>
    public static async Task<DbDataReader> ExecuteReaderTimedAsync(this DbCommand command, CancellationToken ct)
    {
        using var call = Start(command.Connection!, command.CommandText);
        try
        {
            return await command.ExecuteReaderAsync(ct);
        }
        catch (Exception e)
        {
            call.Fail(e);
            throw;
        }
    }

    /// <summary>Starts timing one statement (or one statement run for many rows: say how many with <see cref="DatabaseCalls.Call.Rows"/>).</summary>
    internal static DatabaseCalls.Call Start(DbConnection connection, string sql) =>
        DatabaseCalls.Start(SystemOf(connection), DatabaseCallInterceptor.Operation(sql), sql);

    /// <summary>The OpenTelemetry <c>db.system.name</c> of a connection, by its driver.</summary>
    internal static string SystemOf(DbConnection connection) => connection.GetType().Name switch
    {
        "SqliteConnection" => "sqlite",
        "NpgsqlConnection" => "postgresql",
        "SqlConnection" => "microsoft.sql_server",
        _ => "other_sql",
    };
}
