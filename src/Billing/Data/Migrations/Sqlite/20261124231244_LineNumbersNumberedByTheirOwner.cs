using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ArPlatform.Billing.Data.Migrations.Sqlite
{
    /// <summary>
    /// The model now says invoice lines and payment allocations are numbered by their owner, never
    /// by the database. SQLite never numbered them (a composite key has no rowid alias): nothing to change here.
    /// </summary>
    public partial class LineNumbersNumberedByTheirOwner : Migration
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
