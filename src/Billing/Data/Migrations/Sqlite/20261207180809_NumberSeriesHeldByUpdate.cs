using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArPlatform.Billing.Data.Migrations.Sqlite
{
    /// <inheritdoc />
    public partial class NumberSeriesHeldByUpdate : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {

        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {

        }
    }
}
