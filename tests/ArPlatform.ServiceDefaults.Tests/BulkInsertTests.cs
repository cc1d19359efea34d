using System.Data.Common;
using ArPlatform.ServiceDefaults.Audit;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Tests;

/// <summary>
/// Rows inserted in bulk are stored exactly as EF stores them: each value is compared as SQLite
/// holds it (<c>quote()</c>: type and text), against the same row saved through EF.
/// </summary>
public sealed class BulkInsertTests : IDisposable
{
    private readonly SqliteFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public enum Colour { Red = 1, Green = 2 }

    public sealed class Sample
    {
        public required string Id { get; init; }
        public string Text { get; init; } = "";
        public string? Maybe { get; init; }
        public int Count { get; init; }
        public long Big { get; init; }
        public bool Flag { get; init; }
        public Colour Colour { get; init; }
        public Colour Named { get; init; }
        public decimal Amount { get; init; }
        public decimal? MaybeAmount { get; init; }
        public double Ratio { get; init; }
        public DateTime At { get; init; }
        public DateTime? MaybeAt { get; init; }
        public DateOnly Day { get; init; }
        public DateOnly? MaybeDay { get; init; }
        public DateTimeOffset Stamp { get; init; }
        public byte[]? Bytes { get; init; }
    }

    public sealed class Order
    {
        public required string Id { get; init; }
        public string Note { get; init; } = "";
        public List<OrderLine> Lines { get; init; } = [];
    }

    public sealed class OrderLine
    {
        public int LineNumber { get; init; }
        public string Reference { get; init; } = "";
        public decimal? Paid { get; init; }
    }

    /// <summary>Numbered by the database: not for bulk inserts.</summary>
    public sealed class Numbered
    {
        public int Id { get; init; }
        public string Name { get; init; } = "";
    }

    private sealed class SampleContext(DbContextOptions options) : ServiceDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder model)
        {
            base.OnModelCreating(model);
            model.Entity<Sample>(e =>
            {
                e.Property(s => s.Named).HasConversion<string>();
                e.HasIndex(s => s.Text).IsUnique();
            });
            model.Entity<Numbered>();
            model.Entity<Order>().OwnsMany(o => o.Lines, line =>
            {
                line.ToTable("OrderLines");
                line.WithOwner().HasForeignKey("OrderId");
                line.HasKey("OrderId", nameof(OrderLine.LineNumber));
                line.Property(l => l.LineNumber).ValueGeneratedNever();
            });
        }
    }

    private SampleContext Open()
    {
        var db = new SampleContext(new DbContextOptionsBuilder().UseSqlite($"Data Source={_folder.File("bulk.db")}").Options);
        db.Database.EnsureCreated();
        return db;
    }

    private static Sample[] Samples(string prefix) =>
    [
        new()
        {
            Id = prefix + "1", Text = prefix + "Zoë – 請求書 🧾", Maybe = null, Count = -7, Big = long.MaxValue, Flag = true, Colour = Colour.Green,
            Named = Colour.Red, Amount = 1234.5m, MaybeAmount = null, Ratio = 0.1, At = new DateTime(2026, 11, 30, 23, 59, 59, DateTimeKind.Utc).AddTicks(1234567),
            MaybeAt = null, Day = new DateOnly(2026, 2, 28), MaybeDay = null, Stamp = new DateTimeOffset(2026, 11, 30, 8, 0, 0, TimeSpan.FromHours(-5)),
            Bytes = [0, 1, 0xFF, 0],
        },
        new()
        {
            Id = prefix + "2", Text = prefix, Maybe = "", Count = 0, Big = 0, Flag = false, Colour = Colour.Red, Named = Colour.Green,
            Amount = -0.0001m, MaybeAmount = 79228162514264337593543950335m, Ratio = -1e300, At = DateTime.MinValue,
            MaybeAt = new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Unspecified), Day = DateOnly.MaxValue, MaybeDay = DateOnly.MinValue,
            Stamp = DateTimeOffset.MinValue, Bytes = [],
        },
        new()
        {
            Id = prefix + "3", Text = prefix + "zero", Amount = 0m, MaybeAmount = 100.00m, At = new DateTime(2026, 6, 1, 12, 0, 0).AddMilliseconds(5),
            Day = new DateOnly(2026, 12, 31), Stamp = new DateTimeOffset(2026, 6, 1, 12, 0, 0, TimeSpan.FromMinutes(330)),
        },
    ];

    /// <summary>Every column of one row as SQLite holds it, but the key and the columns that differ by design.</summary>
    private static async Task<List<string>> StoredAsync(DbContext db, string table, string key, object id, params string[] unlike)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = $"SELECT * FROM \"{table}\" WHERE \"{key}\" = @id";
        command.Parameters.Add(new SqliteParameter("@id", id));
        await using var reader = await command.ExecuteReaderAsync();
        Assert.True(await reader.ReadAsync());
        var columns = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).Where(c => c != key && !unlike.Contains(c)).ToList();
        await reader.DisposeAsync();
        command.CommandText = $"SELECT {string.Join(", ", columns.Select(c => $"quote(\"{c}\")"))} FROM \"{table}\" WHERE \"{key}\" = @id";
        await using var quoted = await command.ExecuteReaderAsync();
        Assert.True(await quoted.ReadAsync());
        return columns.Select((c, i) => $"{c}={quoted.GetString(i)}").ToList();
    }

    [Fact]
    public async Task Rows_inserted_in_bulk_are_stored_value_for_value_as_ef_stores_them()
    {
        await using var db = Open();
        db.AddRange(Samples("ef-"));
        await db.SaveChangesAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(3, await db.InsertAllAsync(Samples("bulk-"), default));
            await transaction.CommitAsync();
        }

        foreach (var n in new[] { "1", "2", "3" })
            Assert.Equal(await StoredAsync(db, nameof(Sample), "Id", "ef-" + n, "Text"), await StoredAsync(db, nameof(Sample), "Id", "bulk-" + n, "Text"));
        db.ChangeTracker.Clear();
        var readBack = await db.Set<Sample>().SingleAsync(s => s.Id == "bulk-1");
        Assert.Equivalent(Samples("bulk-")[0], readBack);
    }

    [Fact]
    public async Task A_bulk_insert_is_one_database_call_in_the_telemetry_with_its_number_of_rows()
    {
        var calls = new List<System.Diagnostics.Activity>();
        using var listener = new System.Diagnostics.ActivityListener
        {
            ShouldListenTo = source => source.Name == Telemetry.DatabaseCalls.SourceName,
            Sample = (ref System.Diagnostics.ActivityCreationOptions<System.Diagnostics.ActivityContext> _) => System.Diagnostics.ActivitySamplingResult.AllDataAndRecorded,
            ActivityStopped = activity => { lock (calls) calls.Add(activity); },
        };
        System.Diagnostics.ActivitySource.AddActivityListener(listener);
        await using var db = Open();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.InsertAllAsync(Samples("bulk-"), default);
            await transaction.CommitAsync();
        }

        var insert = Assert.Single(calls, c => (string?)c.GetTagItem("db.query.text") is { } sql && sql.StartsWith("INSERT INTO \"Sample\"", StringComparison.Ordinal));
        Assert.Equal(("INSERT", "sqlite", 3), (insert.GetTagItem("db.operation.name"), insert.GetTagItem("db.system.name"), insert.GetTagItem("db.operation.batch.size")));
    }

    [Fact]
    public async Task An_entity_inserted_in_bulk_brings_its_owned_lines_keyed_to_it_as_ef_stores_them()
    {
        await using var db = Open();
        Order Sample(string id) => new()
        {
            Id = id, Note = "remit", Lines = [new() { LineNumber = 1, Reference = "INV-1", Paid = 10.50m }, new() { LineNumber = 2, Reference = "INV-2" }],
        };
        db.Add(Sample("ef"));
        await db.SaveChangesAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, await db.InsertAllAsync([Sample("bulk"), new Order { Id = "empty" }], default));
            await transaction.CommitAsync();
        }

        async Task<List<string>> Lines(string orderId)
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "SELECT quote(LineNumber) || quote(Reference) || quote(Paid) FROM OrderLines WHERE OrderId = @id ORDER BY LineNumber";
            command.Parameters.Add(new SqliteParameter("@id", orderId));
            var lines = new List<string>();
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync()) lines.Add(reader.GetString(0));
            return lines;
        }
        Assert.Equal(await StoredAsync(db, nameof(Order), "Id", "ef"), await StoredAsync(db, nameof(Order), "Id", "bulk"));
        Assert.Equal(await Lines("ef"), await Lines("bulk"));
        db.ChangeTracker.Clear();
        Assert.Equivalent(Sample("bulk"), await db.Set<Order>().SingleAsync(o => o.Id == "bulk"));
        Assert.Empty((await db.Set<Order>().SingleAsync(o => o.Id == "empty")).Lines);
    }

    [Fact]
    public async Task Added_entities_the_database_numbers_are_refused_before_any_is_let_go()
    {
        await using var db = Open();
        db.Add(new Numbered { Name = "first" });
        await using var transaction = await db.Database.BeginTransactionAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertAddedAsync<Numbered>(default));

        Assert.Equal(EntityState.Added, db.ChangeTracker.Entries<Numbered>().Single().State);
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        Assert.Equal("first", (await db.Set<Numbered>().SingleAsync()).Name);
    }

    [Fact]
    public async Task Appended_entities_take_the_databases_numbers_in_order_and_are_no_longer_tracked()
    {
        await using var db = Open();
        db.Add(new Numbered { Name = "by ef" });
        await db.SaveChangesAsync();
        db.ChangeTracker.Clear();
        db.AddRange(new Numbered { Name = "second" }, new Numbered { Name = "third" });
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, await db.AppendAddedAsync<Numbered>(default));
            Assert.Empty(db.ChangeTracker.Entries());
            await transaction.CommitAsync();
        }

        Assert.Equal([(1, "by ef"), (2, "second"), (3, "third")],
            (await db.Set<Numbered>().OrderBy(n => n.Id).ToListAsync()).Select(n => (n.Id, n.Name)));
    }

    [Fact]
    public async Task Added_entities_are_written_in_bulk_with_their_lines_and_no_longer_tracked()
    {
        await using var db = Open();
        db.Add(new Order { Id = "o-1", Lines = [new() { LineNumber = 1, Reference = "INV-9" }] });
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(1, await db.InsertAddedAsync<Order>(default));
            Assert.Empty(db.ChangeTracker.Entries());
            await db.SaveChangesAsync(); // nothing left to write twice
            await transaction.CommitAsync();
        }

        Assert.Equal("INV-9", (await db.Set<Order>().SingleAsync(o => o.Id == "o-1")).Lines.Single().Reference);
    }

    [Fact]
    public async Task Every_added_entity_keeps_all_its_lines_batch_after_batch()
    {
        await using var db = Open();
        List<Order> Batch(int from) => [.. Enumerable.Range(from, 10).Select(n => new Order
        {
            Id = $"o-{n:D2}", Lines = [.. Enumerable.Range(1, 3).Select(l => new OrderLine { LineNumber = l, Reference = $"INV-{n}-{l}" })],
        })];
        // The first batch let go leaves gaps in the tracker's lists, which the next batch's lines may fill ahead of their orders.
        var first = Batch(1);
        var second = Batch(11);
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            db.AddRange(first);
            await db.InsertAddedAsync<Order>(default);
            db.AddRange(second);
            await db.InsertAddedAsync<Order>(default);
            await transaction.CommitAsync();
        }

        Assert.All(first.Concat(second), o => Assert.Equal(3, o.Lines.Count));
        db.ChangeTracker.Clear();
        Assert.Equal(60, await db.Set<Order>().SelectMany(o => o.Lines).CountAsync());
    }

    [Fact]
    public async Task Audit_entries_inserted_in_bulk_are_stored_as_ef_stores_them()
    {
        await using var db = Open();
        AuditEntry Entry(long sequence) => new()
        {
            Sequence = sequence, At = new DateTime(2026, 11, 30, 12, 0, 1, DateTimeKind.Utc).AddTicks(77), Actor = "ana", Operation = "PlaceHold",
            EntityType = "account", EntityId = "c-1", Before = "", After = "{\"held\":true}", CorrelationId = "corr", PreviousHash = "00", Hash = "ab",
        };
        db.Add(Entry(1));
        await db.SaveChangesAsync();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.InsertAllAsync([Entry(2)], default);
            await transaction.CommitAsync();
        }

        Assert.Equal(await StoredAsync(db, "AuditEntries", "Sequence", 1L), await StoredAsync(db, "AuditEntries", "Sequence", 2L));
    }

    [Fact]
    public async Task A_row_breaking_a_constraint_throws_and_the_rows_after_it_can_still_go_in()
    {
        await using var db = Open();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await db.InsertAllAsync(Samples("a-")[..1], default);

        var clash = new Sample { Id = "b-1", Text = Samples("a-")[0].Text };
        var error = await Assert.ThrowsAnyAsync<DbException>(() => db.InsertAllAsync([clash], default));
        Assert.Contains("UNIQUE", error.Message);
        await db.InsertAllAsync(Samples("c-")[..1], default);
        await transaction.CommitAsync();

        Assert.Equal(["a-1", "c-1"], await db.Set<Sample>().Select(s => s.Id).OrderBy(i => i).ToListAsync());
    }

    [Fact]
    public async Task A_deferred_checkpoint_holds_back_for_the_bulk_write_and_the_connection_goes_back_to_the_services_bound()
    {
        await using var db = Open();
        await db.Database.OpenConnectionAsync();
        async Task<long> AutocheckpointAsync()
        {
            await using var command = db.Database.GetDbConnection().CreateCommand();
            command.CommandText = "PRAGMA wal_autocheckpoint;";
            return (long)(await command.ExecuteScalarAsync())!;
        }

        await using (await WalCheckpoints.DeferAsync(db, default))
        {
            Assert.Equal(0, await AutocheckpointAsync());
            await using var transaction = await db.Database.BeginTransactionAsync();
            await db.InsertAllAsync(Samples("d-"), default);
            await transaction.CommitAsync();
        }

        Assert.Equal(SqliteConnectionTuning.AutoCheckpointPages, await AutocheckpointAsync());
        Assert.Equal(3, await db.Set<Sample>().CountAsync());
    }

    [Fact]
    public async Task Bulk_inserts_refuse_to_run_outside_a_transaction()
    {
        await using var db = Open();
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.InsertAllAsync(Samples("x-"), default));
    }
}
