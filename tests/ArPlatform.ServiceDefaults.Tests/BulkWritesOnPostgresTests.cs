using ArPlatform.DevServers;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Tests;

/// <summary>A throwaway PostgreSQL cluster for the bulk-write tests, started once for the class.</summary>
public sealed class BulkPostgres : IAsyncLifetime
{
    private PostgresCluster? _cluster;

    public string ConnectionString { get; private set; } = "";

    public async Task InitializeAsync()
    {
        if (!PostgresServer.IsInstalled) return; // the facts skip (or, under CI, fail when they find no server)
        _cluster = await PostgresCluster.StartAsync(Path.Combine(Path.GetTempPath(), $"ar-pg-bulk-{Guid.NewGuid():N}"), port: 0,
            CancellationToken.None, durable: false, deleteOnDispose: true);
        await _cluster.CreateDatabaseAsync("bulkdb", CancellationToken.None);
        ConnectionString = _cluster.ConnectionString("bulkdb");
    }

    public async Task DisposeAsync()
    {
        if (_cluster is not null) await _cluster.DisposeAsync();
    }
}

/// <summary>
/// Bulk writes on a server database go in batches of <see cref="RowStatement.BatchSize"/> rows a
/// round trip: every row stored as written, every update found by key and version, and a row
/// changed meanwhile in the middle of a batch still a conflict.
/// </summary>
public sealed class BulkWritesOnPostgresTests(BulkPostgres postgres) : IClassFixture<BulkPostgres>
{
    public sealed class Charge
    {
        public required string Id { get; init; }
        public decimal Amount { get; set; }
        public DateTime At { get; set; }
        public DateOnly Due { get; set; }
        public string? Note { get; set; }
        public long Version { get; set; }
    }

    private sealed class ChargeContext(DbContextOptions options) : ServiceDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder model)
        {
            base.OnModelCreating(model);
            model.Entity<Charge>(e =>
            {
                e.Property(c => c.Amount).HasPrecision(19, 4);
                e.Property(c => c.Version).IsConcurrencyToken();
            });
        }
    }

    private ChargeContext Open()
    {
        var db = new ChargeContext(new DbContextOptionsBuilder().UseNpgsql(postgres.ConnectionString).Options);
        db.Database.EnsureCreated();
        return db;
    }

    private static List<Charge> Charges(string prefix, int count) =>
        [.. Enumerable.Range(0, count).Select(i => new Charge
        {
            Id = $"{prefix}-{i:D4}", Amount = 10.0001m * i, At = new DateTime(2026, 12, 7, 8, 0, 0, DateTimeKind.Utc).AddTicks(i * 10),
            Due = new DateOnly(2027, 1, 1).AddDays(i % 30), Note = i % 3 == 0 ? null : $"note {i}",
        })];

    [PostgresFact]
    public async Task Rows_inserted_and_updated_in_batches_are_stored_each_as_written()
    {
        var count = RowStatement.BatchSize * 2 + 51;
        await using var db = Open();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(count, await db.InsertAllAsync(Charges("ins", count), default));
            await transaction.CommitAsync();
        }
        var stored = await db.Set<Charge>().Where(c => c.Id.StartsWith("ins-")).OrderBy(c => c.Id).ToListAsync();
        Assert.Equal(Charges("ins", count).Select(c => (c.Id, c.Amount, c.At, c.Due, c.Note)), stored.Select(c => (c.Id, c.Amount, c.At, c.Due, c.Note)));

        foreach (var charge in stored)
        {
            charge.Amount += 1m;
            charge.Version++;
        }
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(count, await db.SaveModifiedAsync<Charge>(default));
            await transaction.CommitAsync();
        }
        db.ChangeTracker.Clear();
        Assert.Equal(count, await db.Set<Charge>().CountAsync(c => c.Id.StartsWith("ins-") && c.Version == 1));
        Assert.Equal(Charges("ins", count).Sum(c => c.Amount) + count, await db.Set<Charge>().Where(c => c.Id.StartsWith("ins-")).SumAsync(c => c.Amount));
    }

    [PostgresFact]
    public async Task A_row_changed_meanwhile_in_the_middle_of_a_batch_is_a_conflict_and_nothing_is_kept()
    {
        await using var db = Open();
        db.AddRange(Charges("cc", 300));
        await db.SaveChangesAsync();
        var mine = await db.Set<Charge>().Where(c => c.Id.StartsWith("cc-")).ToListAsync();
        await using (var other = Open())
        {
            var theirs = await other.Set<Charge>().SingleAsync(c => c.Id == "cc-0150");
            theirs.Version++;
            await other.SaveChangesAsync();
        }

        foreach (var charge in mine) charge.Version++;
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveModifiedAsync<Charge>(default));
            await transaction.RollbackAsync();
        }
        db.ChangeTracker.Clear();
        Assert.Equal(299, await db.Set<Charge>().CountAsync(c => c.Id.StartsWith("cc-") && c.Version == 0));
    }
}
