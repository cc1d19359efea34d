using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArPlatform.Billing.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class DisputeCredits : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "DisputeId",
                table: "CreditMemos",
                type: "nvarchar(26)",
                maxLength: 26,
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_CreditMemos_DisputeId_Status",
                table: "CreditMemos",
                columns: new[] { "DisputeId", "Status" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_CreditMemos_DisputeId_Status",
                table: "CreditMemos");

            migrationBuilder.DropColumn(
                name: "DisputeId",
                table: "CreditMemos");
        }
    }
}
