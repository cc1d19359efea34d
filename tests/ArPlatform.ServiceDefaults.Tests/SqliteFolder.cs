using Microsoft.Data.Sqlite;

namespace ArPlatform.ServiceDefaults.Tests;

/// <summary>A test's folder of SQLite files, deleted afterwards (pooled connections are let go first, or the files stay open).</summary>
public sealed class SqliteFolder : IDisposable
{
    private readonly string _path = Directory.CreateTempSubdirectory("servicedefaults-sqlite-").FullName;

    public string File(string name) => Path.Combine(_path, name);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        Directory.Delete(_path, recursive: true);
    }
}
