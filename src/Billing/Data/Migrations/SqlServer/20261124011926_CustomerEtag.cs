using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArPlatform.Billing.Data.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class CustomerEtag : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "MasterVersion",
                table: "Customers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "MasterVersion",
                table: "Customers");
        }
    }
}
