using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArPlatform.Billing.Data.Migrations.SqlServer
{
    /// <summary>
    /// Invoice lines and payment allocations are numbered 1, 2, … by their invoice or application,
    /// but were created as IDENTITY columns, which refuse the numbers the code sets. SQL Server
    /// cannot drop IDENTITY from a column, so each key column is replaced by a plain one holding
    /// the same numbers (the copy runs through EXEC, as the idempotent script compiles each batch
    /// before the new column exists).
    /// </summary>
    public partial class LineNumbersNumberedByTheirOwner : Migration
    {
        private static readonly (string Table, string Owner)[] Tables = [("InvoiceLines", "InvoiceId"), ("PaymentAllocations", "PaymentApplicationId")];

        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            foreach (var (table, owner) in Tables)
            {
                migrationBuilder.DropPrimaryKey(name: $"PK_{table}", table: table);
                migrationBuilder.AddColumn<int>(name: "LineNumberSet", table: table, type: "int", nullable: true);
                migrationBuilder.Sql($"EXEC('UPDATE [{table}] SET [LineNumberSet] = [LineNumber]');");
                migrationBuilder.DropColumn(name: "LineNumber", table: table);
                migrationBuilder.RenameColumn(name: "LineNumberSet", table: table, newName: "LineNumber");
                migrationBuilder.AlterColumn<int>(name: "LineNumber", table: table, type: "int", nullable: false,
                    oldClrType: typeof(int), oldType: "int", oldNullable: true);
                migrationBuilder.AddPrimaryKey(name: $"PK_{table}", table: table, columns: [owner, "LineNumber"]);
            }
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Back to IDENTITY columns: the lines are numbered afresh (an identity takes no numbers given to it).
            foreach (var (table, owner) in Tables)
            {
                migrationBuilder.DropPrimaryKey(name: $"PK_{table}", table: table);
                migrationBuilder.DropColumn(name: "LineNumber", table: table);
                migrationBuilder.AddColumn<int>(name: "LineNumber", table: table, type: "int", nullable: false)
                    .Annotation("SqlServer:Identity", "1, 1");
                migrationBuilder.AddPrimaryKey(name: $"PK_{table}", table: table, columns: [owner, "LineNumber"]);
            }
        }
    }
}
