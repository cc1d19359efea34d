using ArPlatform.ServiceDefaults.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Tests;

/// <summary>
/// Modified entities saved in bulk end as SaveChanges leaves them: the same stored values, found
/// by key and concurrency token, tracked as unchanged afterwards.
/// </summary>
public sealed class BulkUpdateTests : IDisposable
{
    private readonly SqliteFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    public enum Standing { Good = 1, OnHold = 2 }

    public sealed class Account
    {
        public required string Id { get; init; }
        public string Name { get; set; } = "";
        public decimal Balance { get; set; }
        public DateOnly? LastPaid { get; set; }
        public Standing Standing { get; set; }
        public long Version { get; set; }
        public List<Note> Notes { get; init; } = [];
    }

    public sealed class Note
    {
        public int Number { get; init; }
        public string Text { get; set; } = "";
    }

    private sealed class AccountContext(DbContextOptions options) : ServiceDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder model)
        {
            base.OnModelCreating(model);
            model.Entity<Account>(e =>
            {
                e.Property(a => a.Version).IsConcurrencyToken();
                e.Property(a => a.Standing).HasConversion<string>();
                e.OwnsMany(a => a.Notes, note =>
                {
                    note.WithOwner().HasForeignKey("AccountId");
                    note.HasKey("AccountId", nameof(Note.Number));
                    note.Property(n => n.Number).ValueGeneratedNever();
                });
            });
        }
    }

    private AccountContext Open()
    {
        var db = new AccountContext(new DbContextOptionsBuilder().UseSqlite($"Data Source={_folder.File("accounts.db")}").Options);
        db.Database.EnsureCreated();
        return db;
    }

    private static Account New(string id) => new() { Id = id, Name = "Acme", Balance = 100m, Standing = Standing.Good, Notes = [new() { Number = 1, Text = "first" }] };

    private static void Pay(Account account)
    {
        account.Balance -= 40.25m;
        account.LastPaid = new DateOnly(2026, 11, 25);
        account.Version++;
    }

    private static void Hold(Account account)
    {
        account.Standing = Standing.OnHold;
        account.Version++;
    }

    private static async Task<string> StoredAsync(AccountContext db, string id)
    {
        await db.Database.OpenConnectionAsync();
        await using var command = db.Database.GetDbConnection().CreateCommand();
        command.CommandText = "SELECT quote(Name) || quote(Balance) || quote(LastPaid) || quote(Standing) || quote(Version) FROM Account WHERE Id = @id";
        command.Parameters.Add(new SqliteParameter("@id", id));
        return (string)(await command.ExecuteScalarAsync())!;
    }

    [Fact]
    public async Task Modified_entities_saved_in_bulk_are_stored_as_savechanges_stores_them_and_tracked_as_unchanged()
    {
        await using var db = Open();
        db.AddRange(New("ef-paid"), New("ef-held"), New("bulk-paid"), New("bulk-held"));
        await db.SaveChangesAsync();
        var accounts = await db.Set<Account>().ToDictionaryAsync(a => a.Id);
        Pay(accounts["ef-paid"]);
        Hold(accounts["ef-held"]);
        await db.SaveChangesAsync();

        Pay(accounts["bulk-paid"]);
        Hold(accounts["bulk-held"]); // another set of columns: another statement
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            Assert.Equal(2, await db.SaveModifiedAsync<Account>(default));
            Assert.False(db.ChangeTracker.HasChanges());
            await transaction.CommitAsync();
        }

        Assert.Equal(await StoredAsync(db, "ef-paid"), await StoredAsync(db, "bulk-paid"));
        Assert.Equal(await StoredAsync(db, "ef-held"), await StoredAsync(db, "bulk-held"));
        db.ChangeTracker.Clear();
        var paid = await db.Set<Account>().SingleAsync(a => a.Id == "bulk-paid");
        Assert.Equal((59.75m, 1L, "first"), (paid.Balance, paid.Version, paid.Notes.Single().Text));
    }

    [Fact]
    public async Task A_row_changed_meanwhile_is_a_concurrency_conflict_and_nothing_is_accepted()
    {
        await using var db = Open();
        db.Add(New("a-1"));
        await db.SaveChangesAsync();
        var mine = await db.Set<Account>().SingleAsync();
        await using (var other = Open())
        {
            Hold(await other.Set<Account>().SingleAsync());
            await other.SaveChangesAsync();
        }

        Pay(mine);
        await using var transaction = await db.Database.BeginTransactionAsync();
        await Assert.ThrowsAsync<DbUpdateConcurrencyException>(() => db.SaveModifiedAsync<Account>(default));

        Assert.Equal(EntityState.Modified, db.Entry(mine).State);
        await transaction.RollbackAsync();
        Assert.Equal("'Acme''100.0'NULL'OnHold'1", await StoredAsync(db, "a-1"));
    }

    [Fact]
    public async Task Changes_to_what_an_entity_owns_are_left_to_savechanges()
    {
        await using var db = Open();
        db.Add(New("a-1"));
        await db.SaveChangesAsync();
        var account = await db.Set<Account>().SingleAsync();
        Pay(account);
        account.Notes[0].Text = "paid in part";

        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await db.SaveModifiedAsync<Account>(default);
            Assert.True(db.ChangeTracker.HasChanges());
            await db.SaveChangesAsync();
            await transaction.CommitAsync();
        }

        db.ChangeTracker.Clear();
        var stored = await db.Set<Account>().SingleAsync();
        Assert.Equal((59.75m, "paid in part"), (stored.Balance, stored.Notes.Single().Text));
    }

    [Fact]
    public async Task Bulk_updates_refuse_to_run_outside_a_transaction()
    {
        await using var db = Open();
        db.Add(New("a-1"));
        await db.SaveChangesAsync();
        Pay(await db.Set<Account>().SingleAsync());

        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveModifiedAsync<Account>(default));
    }
}
