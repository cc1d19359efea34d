using System.Data;
using ArPlatform.ServiceDefaults.Data;
using Microsoft.Data.SqlClient;
using Microsoft.EntityFrameworkCore;

namespace ArPlatform.ServiceDefaults.Tests;

/// <summary>
/// What the bulk writers send SQL Server, which cannot run here: each parameter typed as the
/// column is (never inferred from a value), so a time keeps its 100 ns and an amount its four
/// decimals. Built against a SQL Server context that is never opened.
/// </summary>
public sealed class SqlServerBulkCommandTests
{
    public enum Standing { Good = 1, Held = 2 }

    public sealed class Row
    {
        public required string Id { get; init; }
        public DateTime At { get; init; }
        public DateTime? MaybeAt { get; init; }
        public decimal Amount { get; init; }
        public DateOnly Day { get; init; }
        public Standing Standing { get; init; }
        public long Version { get; init; }
        public byte[] Hash { get; init; } = [];
    }

    private sealed class RowContext(DbContextOptions options) : ServiceDbContext(options)
    {
        protected override void OnModelCreating(ModelBuilder model)
        {
            base.OnModelCreating(model);
            model.Entity<Row>(e => e.Property(r => r.Standing).HasConversion<string>());
        }
    }

    private static RowContext Context() => new(new DbContextOptionsBuilder()
        .UseSqlServer("Server=never-opened;Database=ar;TrustServerCertificate=True").Options);

    private static SqlParameter[] Parameters()
    {
        using var db = Context();
        var columns = db.Model.FindEntityType(typeof(Row))!.GetProperties().ToList();
        using var command = RowStatement.TypedCommand(db.Database.GetDbConnection(), "INSERT INTO Row VALUES (…)", columns);
        return command.Parameters.Cast<SqlParameter>().ToArray();
    }

    private static SqlParameter Of(string property)
    {
        using var db = Context();
        return Parameters()[db.Model.FindEntityType(typeof(Row))!.GetProperties().Select(p => p.Name).ToList().IndexOf(property)];
    }

    [Fact]
    public void Times_go_as_datetime2_and_keep_their_ticks()
    {
        Assert.Equal((SqlDbType.DateTime2, DbType.DateTime2), (Of("At").SqlDbType, Of("At").DbType));
        Assert.Equal(SqlDbType.DateTime2, Of("MaybeAt").SqlDbType);
        Assert.True(Of("MaybeAt").IsNullable);
    }

    [Fact]
    public void Amounts_go_as_decimal_19_4()
    {
        var amount = Of("Amount");
        Assert.Equal((SqlDbType.Decimal, (byte)19, (byte)4), (amount.SqlDbType, amount.Precision, amount.Scale));
    }

    [Fact]
    public void Text_keys_dates_enums_as_text_and_bytes_go_as_their_columns()
    {
        Assert.Equal((SqlDbType.NVarChar, 200), (Of("Id").SqlDbType, Of("Id").Size));
        Assert.Equal(SqlDbType.Date, Of("Day").SqlDbType);
        Assert.Equal(SqlDbType.NVarChar, Of("Standing").SqlDbType);
        Assert.Equal(SqlDbType.BigInt, Of("Version").SqlDbType);
        Assert.Equal(SqlDbType.VarBinary, Of("Hash").SqlDbType);
        Assert.All(Parameters(), p => Assert.StartsWith("@p", p.ParameterName));
    }
}
