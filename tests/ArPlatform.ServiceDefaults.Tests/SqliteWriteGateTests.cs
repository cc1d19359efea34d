using ArPlatform.ServiceDefaults.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Tests;

/// <summary>Saves of their own queue in memory for one SQLite database, and a failed one lets the next in.</summary>
public sealed class SqliteWriteGateTests : IDisposable
{
    private readonly SqliteFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public sealed class Note
    {
        public required string Id { get; init; }
        public string Text { get; init; } = "";
    }

    private sealed class NoteContext(DbContextOptions options) : ServiceDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder model)
        {
            base.OnModelCreating(model);
            model.Entity<Note>();
        }
    }

    private NoteContext Open()
    {
        var db = new NoteContext(new DbContextOptionsBuilder()
            .UseSqlite($"Data Source={_folder.File("notes.db")}")
            .AddInterceptors(SqliteConnectionTuning.Instance, SqliteWriteGate.Saves.Instance).Options);
        db.Database.EnsureCreated();
        return db;
    }

    [Fact]
    public async Task Many_saves_on_one_database_at_once_all_commit()
    {
        await using (var setup = Open()) await setup.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");

        await Task.WhenAll(Enumerable.Range(1, 24).Select(async n =>
        {
            await using var db = Open();
            db.Add(new Note { Id = $"n-{n:D2}", Text = "saved" });
            await db.SaveChangesAsync();
        }));

        await using var read = Open();
        Assert.Equal(24, await read.Set<Note>().CountAsync());
    }

    [Fact]
    public async Task A_save_that_fails_lets_the_next_writer_in()
    {
        await using (var first = Open())
        {
            first.Add(new Note { Id = "n-1" });
            await first.SaveChangesAsync();
        }
        await using (var clash = Open())
        {
            clash.Add(new Note { Id = "n-1" });
            await Assert.ThrowsAsync<DbUpdateException>(() => clash.SaveChangesAsync());
        }

        await using var next = Open();
        next.Add(new Note { Id = "n-2" });
        // Were the gate still held, this would wait SQLite's 30 s busy timeout first.
        await next.SaveChangesAsync().WaitAsync(TimeSpan.FromSeconds(10));
        Assert.Equal(2, await next.Set<Note>().CountAsync());
    }
}
