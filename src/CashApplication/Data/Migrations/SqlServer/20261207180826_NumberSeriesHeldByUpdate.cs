using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArPlatform.CashApplication.Data.Migrations.SqlServer
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
