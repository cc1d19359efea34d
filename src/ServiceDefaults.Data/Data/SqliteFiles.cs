using Microsoft.Data.Sqlite;

namespace ArPlatform.ServiceDefaults.Data;

internal static class SqliteFiles
{
    /// <summary>SQLite creates the file but not its folder.</summary>
    public static void EnsureDirectory(string connectionString)
    {
        var dataSource = new SqliteConnectionStringBuilder(connectionString).DataSource;
        if (string.IsNullOrEmpty(dataSource) || dataSource == ":memory:") return;
        var directory = Path.GetDirectoryName(Path.GetFullPath(dataSource));
        if (!string.IsNullOrEmpty(directory)) Directory.CreateDirectory(directory);
    }
}
